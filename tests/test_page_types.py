"""Every page type: it has a factory, sits where the tree rules say, is created in the admin, routes and renders."""

import datetime
import importlib

from django.apps import apps
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.factories import ArticlePageFactory
from blog.models import ArticlePage, BlogIndexPage
from contact.models import ContactPage
from ellemes.factories import ImageFactory, TreatmentFactory
from ellemes.models import HomePage
from legal.factories import LegalPageFactory
from legal.models import LegalPage
from specials.factories import SpecialPageFactory
from specials.models import SpecialPage, SpecialsIndexPage
from staff.factories import StaffMemberPageFactory
from staff.models import StaffIndexPage, StaffMemberPage
from tests.builders import build_sections
from tests.clients import VerifiedClient
from treatments.factories import TreatmentCategoryPageFactory, TreatmentPageFactory

PROJECT_APPS = ["ellemes", "blog", "specials", "staff", "contact", "treatments", "legal"]


def project_page_models():
    return {model for model in get_page_models() if model._meta.app_label in PROJECT_APPS}


def page_factories():
    """The page factories each app's `factories` module declares, by the model they make."""
    found = {}
    for label in PROJECT_APPS:
        module = importlib.import_module(f"{apps.get_app_config(label).name}.factories")
        for value in vars(module).values():
            model = getattr(getattr(value, "_meta", None), "model", None)
            if isinstance(model, type) and issubclass(model, Page) and not value._meta.abstract:
                found[model] = value
    return found


def test_every_page_model_has_a_factory():
    assert project_page_models(), "no page models found"
    missing = project_page_models() - set(page_factories())
    assert not missing, f"page models without a factory: {sorted(model.__name__ for model in missing)}"


def admin_form(**values):
    """The page's fields, with what the admin's page form sends besides them: the schedule and the comments.

    Lists are multiple choices and stay lists, as a browser sends them; `nested_form_data` flattens the rest.
    """
    choices = {name: value for name, value in values.items() if isinstance(value, list)}
    fields = {name: value for name, value in values.items() if name not in choices}
    return {
        **nested_form_data({"go_live_at": "", "expire_at": "", "comments": inline_formset([]), **fields}),
        **choices,
    }


class TestPageTypes(WagtailPageTestCase):
    client_class = VerifiedClient

    @classmethod
    def setUpTestData(cls):
        cls.sections = build_sections()
        cls.home = HomePage.objects.get()
        cls.author = StaffMemberPageFactory(title="Lauren Siso", license_type="Licensed Esthetician")
        cls.image = ImageFactory(title="Treatment room")
        cls.botox = TreatmentFactory(name="Botox", slug="botox")

    def setUp(self):
        # Signed in as the two factors would (a password sign-in goes through the lockout's backend).
        self.client.force_login(self.create_superuser("admin", password="not-used"))

    def test_the_tree(self):
        root = Page
        self.assertAllowedParentPageTypes(HomePage, {root})
        sections = {BlogIndexPage, SpecialsIndexPage, StaffIndexPage, ContactPage}
        for section in sections:
            self.assertAllowedParentPageTypes(section, {HomePage})
            self.assertCanNotCreateAt(section, HomePage)
        self.assertAllowedSubpageTypes(BlogIndexPage, {ArticlePage})
        self.assertAllowedSubpageTypes(SpecialsIndexPage, {SpecialPage})
        self.assertAllowedSubpageTypes(StaffIndexPage, {StaffMemberPage})
        self.assertAllowedParentPageTypes(LegalPage, {HomePage})
        for leaf in (ArticlePage, SpecialPage, StaffMemberPage, ContactPage, LegalPage):
            self.assertAllowedSubpageTypes(leaf, set())
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(SpecialsIndexPage, ArticlePage)
        self.assertCanNotCreateAt(BlogIndexPage, SpecialPage)

    def test_singletons_are_not_created_twice(self):
        for model in (HomePage, BlogIndexPage, SpecialsIndexPage, StaffIndexPage, ContactPage):
            parent = Page.get_first_root_node() if model is HomePage else self.home
            self.assertFalse(model.can_create_at(parent), model.__name__)

    def test_an_article_is_created_in_the_admin(self):
        self.assertCanCreate(
            self.sections.blog,
            ArticlePage,
            admin_form(
                title="Your first Botox appointment",
                intro="What happens before, during and after.",
                hero_image=self.image.pk,
                body=streamfield(
                    [
                        ("heading", {"text": "Before the appointment", "level": "h2"}),
                        ("paragraph", rich_text("<p>Your visit starts with a consultation.</p>")),
                    ]
                ),
                author=self.author.pk,
                published_on=datetime.date(2024, 1, 1).isoformat(),
                updated_on="",
                treatments=[self.botox.pk],
                related_links=inline_formset([]),
            ),
        )
        article = ArticlePage.objects.get(slug="your-first-botox-appointment")
        self.assertTrue(article.live)
        self.assertEqual(list(article.treatments.all()), [self.botox])
        self.assertEqual([block.block_type for block in article.body], ["heading", "paragraph"])

    def test_a_special_is_created_in_the_admin(self):
        self.assertCanCreate(
            self.sections.specials,
            SpecialPage,
            admin_form(
                title="Lip Filler Week",
                campaign="Spring Specials",
                bar_label="Lip Filler Week",
                summary="A week of savings on lip filler.",
                body=rich_text("<p>Individual results vary.</p>"),
                image=self.image.pk,
                starts_on="2026-12-01",
                ends_on="2026-12-31",
                regular_price="100",
                special_price="80",
                discount_text="",
                promo_code="",
                terms="",
                treatments=[self.botox.pk],
                providers=[self.author.pk],
            ),
        )
        self.assertEqual(SpecialPage.objects.get(slug="lip-filler-week").providers.get(), self.author)

    def test_a_legal_page_is_created_in_the_admin(self):
        self.assertCanCreate(
            self.home,
            LegalPage,
            admin_form(
                title="Privacy policy",
                last_updated="2026-11-02",
                body=rich_text("<h2>What we collect</h2><p>Your name and email address.</p>"),
            ),
        )
        policy = LegalPage.objects.get(slug="privacy-policy")
        self.assertTrue(policy.live)
        self.assertEqual(policy.last_updated, datetime.date(2026, 11, 2))

    def test_a_staff_profile_is_created_in_the_admin(self):
        self.assertCanCreate(
            self.sections.staff,
            StaffMemberPage,
            admin_form(
                title="Jordan Reyes",
                role="Nurse Injector",
                short_bio="Jordan is a registered nurse.",
                bio=rich_text("<p>Six years in emergency care.</p>"),
                photo=self.image.pk,
                action_photo="",
                action_photo_caption="",
                license_type="Registered Nurse",
                license_number="",
                license_state="",
                supervising_physician="",
                practicing_since="2015",
                specialties=[self.botox.pk],
                accepts_bookings="on",
                user="",
            ),
        )
        self.assertEqual(StaffMemberPage.objects.get(slug="jordan-reyes").role, "Nurse Injector")

    def test_every_page_type_routes_and_renders(self):
        pages = [
            self.home,
            *vars(self.sections).values(),
            ArticlePageFactory(author=self.author, reviewed_by=None),
            SpecialPageFactory(),
            self.author,
        ]
        category = TreatmentCategoryPageFactory(parent=self.sections.treatments)
        pages += [category, TreatmentPageFactory(parent=category), LegalPageFactory()]
        self.assertEqual({page.specific_class for page in pages}, project_page_models())
        for page in pages:
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
