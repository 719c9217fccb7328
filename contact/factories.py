"""Factories for the contact page and the inquiries it receives."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from contact.models import ContactPage, Inquiry
from ellemes.factories import PageFactory, home_page


class ContactPageFactory(PageFactory):
    class Meta:
        model = ContactPage
        django_get_or_create = ("parent", "slug")

    parent = factory.LazyFunction(home_page)
    title = "Contact"
    slug = "contact"
    intro = "Questions about a treatment? Send us a message and our front desk will answer within one working day."
    show_in_menus = True


def contact_page():
    return ContactPage.objects.first() or ContactPageFactory()


class InquiryFactory(DjangoModelFactory):
    """An inquiry as the contact form stores it."""

    class Meta:
        model = Inquiry

    name = "Maria Lopez"
    email = factory.Sequence(lambda n: f"patient{n}@example.com")
    contact_method = Inquiry.ContactMethod.EMAIL
    inquiry_type = Inquiry.Type.CONSULTATION
    message = "I would like to book a consultation about dermaplaning."
    consent_text = "I agree that ELLEMES Medical Spa may use these details to answer my inquiry."
    consented_at = factory.LazyFunction(timezone.now)
