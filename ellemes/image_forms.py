"""The image form (Wagtail imports it by name from WAGTAILIMAGES_IMAGE_FORM_BASE, once models are loaded)."""

from wagtail.images.forms import BaseImageForm

from ellemes.forms import refuse_unapproved_claims


class ClinicImageForm(BaseImageForm):
    """The image form: alt text is shown to patients, so it passes the claims check too."""

    def __init__(self, *args, **kwargs):
        self.for_user = kwargs.get("user")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        refuse_unapproved_claims(self, self.for_user)
        return cleaned_data
