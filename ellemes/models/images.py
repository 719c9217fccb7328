from django.core.exceptions import ValidationError
from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from ellemes.models.claims import PatientTextMixin


class ClinicImage(PatientTextMixin, AbstractImage):
    """An image whose alt text is required, unless an editor marks it decorative."""

    patient_text_fields = {"Alt text": "alt_text"}

    alt_text = models.CharField(
        max_length=255,
        blank=True,
        help_text="Describe what the image shows for people who cannot see it, e.g. "
        "“Esthetician performing a dermaplaning treatment”.",
    )
    is_decorative = models.BooleanField(
        default=False,
        help_text="Tick only if the image adds nothing to the text; screen readers will skip it.",
    )

    admin_form_fields = tuple(f for f in Image.admin_form_fields if f != "description") + (
        "alt_text",
        "is_decorative",
    )

    def clean(self):
        super().clean()
        if not self.is_decorative and not self.alt_text.strip():
            raise ValidationError({"alt_text": "Add alt text, or tick “decorative” if the image adds nothing."})

    @property
    def default_alt_text(self):
        # Never fall back to the title: file titles like "IMG_2041" make poor alt text.
        return "" if self.is_decorative else self.alt_text


class ClinicRendition(AbstractRendition):
    image = models.ForeignKey(ClinicImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
