"""The named medical review that articles and treatment pages show: who reviewed the text, and when.

A medical reviewer's approval stamps the licensed staff profile linked to their account and the day
into what goes live (see `ellemes.models.claims` for the approval itself). Each page type declares the
`reviewed_by` (a `StaffMemberPage`) and `last_reviewed_on` fields; this mixin gives both the same rules.
"""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class MedicalReviewMixin:
    def approval_stamp(self, user, on):
        """Also names the reviewer: the licensed staff profile linked to the approving account.

        An approver without one cannot be named on the site. The text they approved is then not
        credited to an earlier reviewer either: the record is cleared unless the text is unchanged.
        """
        stamp = super().approval_stamp(user, on)
        profile = getattr(user, "staff_profile", None)
        if profile is not None and profile.license_type:
            stamp.update(reviewed_by=profile.pk, last_reviewed_on=on.isoformat())
        elif not self.content_is_approved:
            stamp.update(reviewed_by=None, last_reviewed_on=None)
        return stamp

    @property
    def medical_review_is_current(self):
        """True while a named clinician's review applies to exactly the text shown."""
        return bool(self.reviewed_by_id and self.last_reviewed_on and self.content_is_approved)


def medical_review_panel(shown_as="page"):
    return MultiFieldPanel(
        [FieldPanel("reviewed_by", read_only=True), FieldPanel("last_reviewed_on", read_only=True)],
        heading="Medical review",
        help_text=f"Set only by a medical reviewer’s approval. The {shown_as} shows it while its text is the text "
        "they approved.",
    )
