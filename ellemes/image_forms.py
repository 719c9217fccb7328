"""The image form (Wagtail imports it by name from WAGTAILIMAGES_IMAGE_FORM_BASE, once models are loaded).

Pillow treats an image of more than WAGTAILIMAGES_MAX_IMAGE_PIXELS as a decompression bomb (see
`EllemesConfig.ready`): a small file that would take gigabytes to decode. Wagtail reads an image's
size through Pillow, so that refusal arrives as an exception; here it becomes the form's message.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from ellemes.forms import refuse_unapproved_claims

TOO_MANY_PIXELS = (
    "This image is too large to process ({megapixels} megapixels at most). "
    "Export it at a smaller size, for example 4000 pixels wide, and upload it again."
)


class SizeCheckedImageField(WagtailImageField):
    """Wagtail's image field, answering an oversized image with a message instead of an error page."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            megapixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000
            raise ValidationError(TOO_MANY_PIXELS.format(megapixels=megapixels), code="file_too_many_pixels") from exc


class ClinicImageForm(BaseImageForm):
    """The image form: checked sizes, and alt text (shown to patients) passes the claims check."""

    # Declared here, so it needs Wagtail's widget said again: a plain file input that fills the title from
    # the file name (the Meta widgets apply only to fields the form makes itself).
    file = SizeCheckedImageField(label="File", widget=BaseImageForm.Meta.widgets["file"])

    def __init__(self, *args, **kwargs):
        self.for_user = kwargs.get("user")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        refuse_unapproved_claims(self, self.for_user)
        return cleaned_data
