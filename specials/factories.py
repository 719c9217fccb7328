"""Factories for the specials: the index and specials that run between two dates."""

import datetime

import factory
from django.utils.text import slugify
from django.utils.timezone import localdate

from ellemes.factories import PageFactory, home_page
from specials.models import SpecialPage, SpecialsIndexPage


class SpecialsIndexPageFactory(PageFactory):
    class Meta:
        model = SpecialsIndexPage
        django_get_or_create = ("parent", "slug")

    parent = factory.LazyFunction(home_page)
    title = "Specials"
    slug = "specials"
    intro = "Seasonal offers on our most popular treatments, for a limited time."
    show_in_menus = True


def specials_index():
    return SpecialsIndexPage.objects.first() or SpecialsIndexPageFactory()


class SpecialPageFactory(PageFactory):
    """A live special running from two days ago for a week, unless given its dates."""

    class Meta:
        model = SpecialPage

    parent = factory.LazyFunction(specials_index)
    title = factory.Sequence(lambda n: f"Special Offer {n}")
    slug = factory.LazyAttribute(lambda special: slugify(special.title))
    campaign = "Test Campaign"
    bar_label = factory.LazyAttribute(lambda special: special.title[:40])
    summary = factory.LazyAttribute(lambda special: f"A summary of {special.title}.")
    starts_on = factory.LazyFunction(lambda: localdate() - datetime.timedelta(days=2))
    ends_on = factory.LazyFunction(lambda: localdate() + datetime.timedelta(days=5))
