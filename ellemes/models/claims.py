from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from ellemes.claims import DEFAULT_RISKY_PHRASES, find_risky_phrases, needs_results_disclaimer
from ellemes.forms import ClaimsCheckedPageForm


@register_setting(icon="warning")
class ClaimsSettings(BaseGenericSetting):
    """The risky advertising phrases that send an article or special to medical review."""

    risky_phrases = models.TextField(
        default="\n".join(DEFAULT_RISKY_PHRASES),
        help_text="One word or phrase per line. Matching ignores case and only matches whole words.",
    )

    panels = [FieldPanel("risky_phrases")]

    class Meta:
        verbose_name = "claims check"
        permissions = [("publish_risky_claims", "Can publish text with risky claims without a medical review")]

    @property
    def phrases(self):
        return [line.strip() for line in self.risky_phrases.splitlines() if line.strip()]


class ClaimsCheckedMixin:
    """For pages whose text must pass the claims check; list the fields in `claims_check_fields`.

    Put it before the page class in the bases (`class ArticlePage(ClaimsCheckedMixin, ClinicPage)`),
    and `ClaimsCheckPanel()` in the panels: the editor then lists the risky phrases of the saved
    text, and only users with the "publish risky claims" permission may publish text that has any.
    """

    # Field label shown to editors → attribute name.
    claims_check_fields: dict[str, str] = {}
    base_form_class = ClaimsCheckedPageForm

    def _claims_text(self):
        return {label: getattr(self, attribute, "") for label, attribute in self.claims_check_fields.items()}

    def risky_claims(self, phrases=None):
        if phrases is None:
            phrases = ClaimsSettings.load().phrases
        return find_risky_phrases(self._claims_text(), phrases)

    @property
    def needs_results_disclaimer(self):
        return needs_results_disclaimer(self._claims_text())
