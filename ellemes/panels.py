from wagtail.admin.panels import Panel


class ClaimsCheckPanel(Panel):
    """The risky phrases in the saved text being edited, whether a reviewer approved it, and the results reminder."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "ellemes/panels/claims_check.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            saved = self.instance.pk is not None
            context["checked"] = saved
            context["matches"] = self.instance.risky_claims() if saved else []
            context["needs_results_disclaimer"] = saved and self.instance.needs_results_disclaimer
            context["approved"] = saved and self.instance.content_is_approved
            return context
