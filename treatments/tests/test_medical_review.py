"""Treatment pages go through the claims check and the medical review exactly as articles do."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowPage
from wagtail.rich_text import RichText

from editorial.roles import EDITORS, MEDICAL_REVIEWERS, apply_roles
from ellemes.models.claims import UnapprovedClaims
from treatments.models import TreatmentPage
from treatments.tests.conftest import staff_member


@pytest.fixture
def people(catalog, django_user_model):
    apply_roles()

    def make(group, username):
        user = django_user_model.objects.create_user(username, email=f"{username}@example.com", password="x" * 16)
        user.groups.add(Group.objects.get(name=group))
        return user

    reviewer = make(MEDICAL_REVIEWERS, "reviewer-t")
    staff_member("dr-review", license_type="MD", title="Dr. Ada Review", user=reviewer)
    return {"editor": make(EDITORS, "editor-t"), "reviewer": reviewer}


def with_faq_answer(treatment, answer):
    treatment.faqs = [("faq", {"question": "Is it safe?", "answer": RichText(answer)})]
    return treatment


def test_the_treatments_section_is_under_the_medical_review(people, catalog):
    assert WorkflowPage.objects.get(page=catalog["index"]).workflow.name == "Medical review"
    assert catalog["treatment"].get_workflow().name == "Medical review"


def test_editors_edit_treatments_but_only_reviewers_publish_them(people, catalog):
    treatment = catalog["treatment"]
    editor_permissions = treatment.permissions_for_user(people["editor"])
    assert editor_permissions.can_edit() and not editor_permissions.can_publish()
    assert treatment.permissions_for_user(people["reviewer"]).can_publish()


def test_a_risky_claim_in_a_faq_answer_is_caught(people, catalog):
    treatment = with_faq_answer(catalog["treatment"], "<p>Results are guaranteed.</p>")
    assert [match.phrase for match in treatment.risky_claims()] == ["guaranteed"]
    revision = treatment.save_revision(user=people["editor"])
    with pytest.raises(UnapprovedClaims):
        revision.publish(user=people["editor"])
    assert "guaranteed" not in str(TreatmentPage.objects.get(pk=treatment.pk).faqs.raw_data)


def test_a_reviewers_publish_names_them_until_the_text_changes(people, catalog, client):
    treatment = with_faq_answer(catalog["treatment"], "<p>We use a very fine needle.</p>")
    treatment.save_revision(user=people["reviewer"]).publish(user=people["reviewer"])
    live = TreatmentPage.objects.get(pk=treatment.pk)
    assert live.medical_review_is_current
    assert "Medically reviewed by" in client.get(live.url).content.decode()

    live.summary = "Changed without review."
    live.save_revision().publish()
    assert not TreatmentPage.objects.get(pk=treatment.pk).medical_review_is_current
    assert "Medically reviewed by" not in client.get(live.url).content.decode()


def test_prices_are_part_of_the_reviewed_text(catalog):
    treatment = catalog["treatment"]
    before = treatment.content_hash()
    price = treatment.prices.get()
    price.note = "Most foreheads need 10–20 units"
    price.save()
    assert TreatmentPage.objects.get(pk=treatment.pk).content_hash() != before
