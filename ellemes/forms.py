"""Admin forms for what is not published as a page: settings and snippets (images: `image_forms`).

They ask their model (a `PatientTextMixin`, which owns the claims check) what to refuse; this module
imports no model, so models may use these forms as their `base_form_class`.
"""

from wagtail.admin.forms import WagtailAdminModelForm


def refuse_unapproved_claims(form, user):
    """Adds the model's claims errors to the form's fields (none for a medical reviewer)."""
    submitted = {name: value for name, value in form.cleaned_data.items() if name in form.fields}
    for name, error in form._meta.model.unapproved_claims_errors(submitted, user).items():
        form.add_error(name, error)


class ClaimsCheckedForm(WagtailAdminModelForm):
    """A settings or snippet form whose patient-facing text only a medical reviewer may fill with risky claims."""

    def clean(self):
        cleaned_data = super().clean()
        refuse_unapproved_claims(self, self.for_user)
        return cleaned_data
