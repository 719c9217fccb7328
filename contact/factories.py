"""Factories for the contact page and the inquiries it receives."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from contact.models import ContactPage, Inquiry
from ellemes.factories import PageFactory, home_page
from ellemes.models import ClinicSettings


class ContactPageFactory(PageFactory):
    class Meta:
        model = ContactPage
        django_get_or_create = ("parent", "slug")

    parent = factory.LazyFunction(home_page)
    title = "Contact"
    slug = "contact"
    intro = "Questions about a treatment? Send us a message and our front desk will answer within one working day."
    show_in_menus = True

    @factory.post_generation
    def chosen_in_clinic_details(page, create, extracted, **kwargs):
        """Where the site's "contact us" and "book" links lead, unless another page is chosen already."""
        clinic = ClinicSettings.for_site(page.get_site())
        if create and clinic.contact_page_id is None:
            clinic.contact_page = page
            clinic.save(update_fields=["contact_page"])


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
