"""Test data for treatments, built with wagtail-factories."""

from decimal import Decimal

import factory
import wagtail_factories
from wagtail import blocks

from ellemes.models import Treatment
from treatments.blocks import FAQBlock
from treatments.models import Concern, TreatmentCategoryPage, TreatmentIndexPage, TreatmentPage, TreatmentPrice
from treatments.prices import PriceKind, PriceUnit


class TreatmentTagFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Treatment tag {n}")
    slug = factory.Sequence(lambda n: f"treatment-tag-{n}")

    class Meta:
        model = Treatment


class ConcernFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Concern {n}")
    slug = factory.Sequence(lambda n: f"concern-{n}")
    description = "A plain-words description."

    class Meta:
        model = Concern


class TreatmentIndexPageFactory(wagtail_factories.PageFactory):
    title = "Treatments"
    slug = "treatments"
    intro = "What we offer, and what it costs."

    class Meta:
        model = TreatmentIndexPage


class TreatmentCategoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")

    class Meta:
        model = TreatmentCategoryPage


class FAQBlockFactory(wagtail_factories.StructBlockFactory):
    question = "Does it hurt?"
    answer = factory.LazyFunction(lambda: blocks.RichTextBlock().to_python("<p>A brief pinch.</p>"))

    class Meta:
        model = FAQBlock


class TreatmentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Treatment {n}")
    slug = factory.Sequence(lambda n: f"treatment-{n}")
    summary = "A short summary for patients."
    treatment = factory.SubFactory(TreatmentTagFactory)
    faqs = wagtail_factories.StreamFieldFactory({"faq": FAQBlockFactory})

    class Meta:
        model = TreatmentPage


class TreatmentPriceFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(TreatmentPageFactory)
    amount = Decimal("12")
    kind = PriceKind.FROM
    unit = PriceUnit.UNIT

    class Meta:
        model = TreatmentPrice
