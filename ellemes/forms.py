"""Admin forms for what is not published as a page: settings and snippets (images: `image_forms`)."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from ellemes.claims import is_medical_reviewer, phrase_list

RISKY_CLAIMS_MESSAGE = (
    "Risky claims ({phrases}) need a medical reviewer: reword them, or ask a medical reviewer to save this text."
)


def refuse_unapproved_claims(form, user):
    """Adds an error to each patient-facing field with risky phrases, unless `user` is a medical reviewer."""
    if is_medical_reviewer(user):
        return
    model = form._meta.model
    for label, name in model.patient_text_fields.items():
        if name in form.fields and name in form.cleaned_data:
            matches = model.risky_claims_in({label: form.cleaned_data[name]})
            if matches:
                form.add_error(name, ValidationError(RISKY_CLAIMS_MESSAGE.format(phrases=phrase_list(matches))))


class ClaimsCheckedForm(WagtailAdminModelForm):
    """A settings or snippet form whose patient-facing text only a medical reviewer may fill with risky claims."""

    def clean(self):
        cleaned_data = super().clean()
        refuse_unapproved_claims(self, self.for_user)
        return cleaned_data
