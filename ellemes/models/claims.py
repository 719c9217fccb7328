"""What patients read goes live only as a medical reviewer approved it, whichever way it is published.

Every public page lists the fields patients read in `patient_text_fields`. `approve_or_check()`
keeps the rule just before a revision goes live: `publish()` runs it for workflow approvals, bulk
actions, scheduled publishing, the create view and any shell, and the `before_publish_page` hook
for the editor's Publish button (which publishes without calling `publish()`):

- a medical reviewer's publish is their approval: the revision going live is stamped with the
  fingerprint of its patient-facing content (and, for articles, the reviewer and the day);
- anyone else's publish of text with risky phrases is refused unless that very content carries
  a reviewer's stamp (an approved revision scheduled to go live later, say).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.timezone import localdate
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.log_actions import log

from ellemes.claims import (
    DEFAULT_RISKY_PHRASES,
    content_fingerprint,
    find_risky_phrases,
    is_medical_reviewer,
    needs_results_disclaimer,
    phrase_list,
)

RISKY_CLAIMS_MESSAGE = (
    "Risky claims ({phrases}) need a medical reviewer: reword them, or ask a medical reviewer to save this text."
)
SCHEDULED_PUBLISH = "wagtail.publish.scheduled"
SCHEDULE_REFUSED = "ellemes.claims.schedule_refused"


@register_setting(icon="warning")
class ClaimsSettings(BaseGenericSetting):
    """The risky advertising phrases that only a medical reviewer may publish."""

    risky_phrases = models.TextField(
        default="\n".join(DEFAULT_RISKY_PHRASES),
        help_text="One word or phrase per line. Matching ignores case and only matches whole words.",
    )

    panels = [FieldPanel("risky_phrases")]

    class Meta:
        verbose_name = "claims check"
        permissions = [("publish_risky_claims", "Can approve medical content (medical reviewer)")]

    @property
    def phrases(self):
        return [line.strip() for line in self.risky_phrases.splitlines() if line.strip()]


def approve_or_check(revision, user):
    """Run just before `revision` goes live: returns the risky phrases that stop it (none when it may go).

    A medical reviewer's publish is their approval, stamped into the revision itself, so that a
    schedule carrying it out later still knows the content was approved.
    """
    content = revision.as_object()
    if is_medical_reviewer(user):
        revision.content.update(content.approval_stamp(user, localdate()))
        revision.save(update_fields=["content"])
        return []
    return content.unapproved_claims()


class UnapprovedClaims(PermissionDenied):
    """Raised when text with risky claims would go live without a medical reviewer's approval."""

    def __init__(self, page, matches):
        self.matches = matches
        super().__init__(
            f"“{page.title}” was not published: its risky claims ({phrase_list(matches)}) "
            "need a medical reviewer’s approval."
        )


class PatientTextMixin:
    """For models whose text patients read; list it in `patient_text_fields` (label shown to editors → attribute)."""

    patient_text_fields: dict[str, str] = {}

    def patient_text(self):
        return {label: getattr(self, attribute, "") for label, attribute in self.patient_text_fields.items()}

    def risky_claims(self):
        return self.risky_claims_in(self.patient_text())

    @classmethod
    def risky_claims_in(cls, values):
        """The risky phrases in `values` (label → value), from the phrases under Settings › Claims check."""
        return find_risky_phrases(values, ClaimsSettings.load().phrases)

    @classmethod
    def unapproved_claims_errors(cls, submitted, user):
        """Field name → error for each patient-facing field in `submitted` with risky phrases.

        None for a medical reviewer: their saving is their approval. Admin forms ask this (`ellemes.forms`).
        """
        if is_medical_reviewer(user):
            return {}
        errors = {}
        for label, name in cls.patient_text_fields.items():
            if name in submitted and (matches := cls.risky_claims_in({label: submitted[name]})):
                errors[name] = ValidationError(RISKY_CLAIMS_MESSAGE.format(phrases=phrase_list(matches)))
        return errors

    @property
    def needs_results_disclaimer(self):
        return needs_results_disclaimer(self.patient_text())


class ClaimsCheckedMixin(PatientTextMixin, models.Model):
    """For pages: the claims check, and the stamp of the content a medical reviewer approved.

    `ClinicPage` carries it; each page type adds what its patients read to `patient_text_fields`.
    """

    patient_text_fields = {"Title": "title", "SEO title": "seo_title", "Search description": "search_description"}

    approved_content_hash = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Fingerprint of the patient-facing content a medical reviewer last approved.",
    )

    class Meta:
        abstract = True

    def content_hash(self):
        return content_fingerprint(self.patient_text())

    @property
    def content_is_approved(self):
        """True while the content is exactly what a medical reviewer approved."""
        return bool(self.approved_content_hash) and self.approved_content_hash == self.content_hash()

    def unapproved_claims(self):
        """The risky phrases that stop this content going live as it is (none once a reviewer approved it)."""
        return [] if self.content_is_approved else self.risky_claims()

    def approval_stamp(self, user, on):
        """The revision fields a medical reviewer's approval on the day `on` writes into what goes live."""
        return {"approved_content_hash": self.content_hash()}

    def publish(self, revision, user=None, log_action=True, **kwargs):
        if matches := approve_or_check(revision, user):
            if log_action == SCHEDULED_PUBLISH:
                return self._refuse_scheduled(revision, matches)
            raise UnapprovedClaims(revision.as_object(), matches)
        return super().publish(revision, user=user, log_action=log_action, **kwargs)

    def _refuse_scheduled(self, revision, matches):
        # Raising would stop the scheduler for every other page; the schedule is canceled and logged instead.
        revision.approved_go_live_at = None
        revision.save(update_fields=["approved_go_live_at"])
        log(
            instance=self,
            action=SCHEDULE_REFUSED,
            revision=revision,
            data={"phrases": list(dict.fromkeys(match.phrase for match in matches))},
        )
