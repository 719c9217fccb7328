"""Factories for the team: the "Our Team" index and staff profiles."""

import factory
from django.utils.text import slugify

from ellemes.factories import ImageFactory, PageFactory, home_page
from staff.models import StaffIndexPage, StaffMemberPage


class StaffIndexPageFactory(PageFactory):
    class Meta:
        model = StaffIndexPage
        django_get_or_create = ("parent", "slug")

    parent = factory.LazyFunction(home_page)
    title = "Our Team"
    slug = "staff"
    intro = "Meet the licensed clinicians and caring staff behind every treatment at ELLEMES."
    show_in_menus = True


def team():
    return StaffIndexPage.objects.first() or StaffIndexPageFactory()


class StaffMemberPageFactory(PageFactory):
    """A published staff profile with a portrait; the same name under the same team gives the same profile."""

    class Meta:
        model = StaffMemberPage
        django_get_or_create = ("parent", "slug")

    parent = factory.LazyFunction(team)
    title = factory.Sequence(lambda n: f"Staff Member {n}")
    slug = factory.LazyAttribute(lambda member: slugify(member.title))
    role = "Aesthetician"
    short_bio = factory.LazyAttribute(lambda member: f"{member.title} helps patients look after their skin.")
    photo = factory.SubFactory(
        ImageFactory, title="Staff portrait", alt_text="Portrait of a member of staff", file__width=60, file__height=80
    )
