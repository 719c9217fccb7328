"""Factories for the legal pages."""

import datetime

import factory
from django.utils.text import slugify

from ellemes.factories import PageFactory, home_page
from legal.models import LegalPage


class LegalPageFactory(PageFactory):
    """A published policy under the home page, kept out of the menu as the real ones are."""

    class Meta:
        model = LegalPage
        django_get_or_create = ("parent", "slug")

    parent = factory.LazyFunction(home_page)
    title = factory.Sequence(lambda n: f"Policy {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    last_updated = datetime.date(2026, 11, 2)
    body = "<h2>What we collect</h2><p>Your name and email address, to answer your inquiry.</p>"
    show_in_menus = False
