"""Admin forms shared by the content apps."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm

from ellemes.claims import PUBLISH_RISKY_CLAIMS, find_risky_phrases

RISKY_CLAIMS_MESSAGE = (
    "This text has risky claims ({phrases}). Publishing it needs a medical reviewer’s approval: "
    "choose “Submit to Medical review”, or reword the claims. You can still save a draft."
)


def may_publish_risky_claims(user):
    return user.has_perm(PUBLISH_RISKY_CLAIMS)


class ClaimsCheckedPageForm(WagtailAdminPageForm):
    """The edit form of a page with a claims check: publishing risky claims is for medical reviewers only.

    Saving a draft and submitting to the medical review always work; only the “Publish” action
    (and scheduling it) is refused, and only for users without the permission.
    """

    def clean(self):
        cleaned_data = super().clean()
        publishing = "action-publish" in self.data
        if publishing and self.for_user is not None and not may_publish_risky_claims(self.for_user):
            model = type(self.instance)
            values = {
                label: cleaned_data.get(attribute, getattr(self.instance, attribute, ""))
                for label, attribute in model.claims_check_fields.items()
            }
            from ellemes.models import ClaimsSettings

            matches = find_risky_phrases(values, ClaimsSettings.load().phrases)
            if matches:
                phrases = ", ".join(f"“{phrase}”" for phrase in dict.fromkeys(match.phrase for match in matches))
                raise ValidationError(RISKY_CLAIMS_MESSAGE.format(phrases=phrases), code="risky_claims")
        return cleaned_data
