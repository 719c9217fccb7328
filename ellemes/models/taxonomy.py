from django.db import models
from wagtail.search import index

from ellemes.forms import ClaimsCheckedForm
from ellemes.models.claims import PatientTextMixin


class Treatment(PatientTextMixin, index.Indexed, models.Model):
    """A treatment the clinic offers; tags articles, specials and staff specialties."""

    patient_text_fields = {"Name": "name", "Short description": "short_description"}
    base_form_class = ClaimsCheckedForm

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in web addresses, e.g. “eye-treatments”.")
    short_description = models.CharField(max_length=255, blank=True, help_text="One sentence for patients.")

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
