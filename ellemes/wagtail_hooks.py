from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ellemes.admin_views import ContentHealthView, can_edit_pages, can_see_inquiries, content_panels, inquiries_panel
from ellemes.forms import may_publish_risky_claims
from ellemes.models import ClaimsCheckedMixin, Treatment


class TreatmentViewSet(SnippetViewSet):
    model = Treatment
    icon = "tag"
    menu_label = "Treatments"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "slug", "short_description"]
    search_fields = ["name"]


register_snippet(TreatmentViewSet)


@hooks.register("construct_homepage_panels")
def add_clinic_panels(request, panels):
    if can_see_inquiries(request.user):
        panels.append(inquiries_panel())
    if can_edit_pages(request.user):
        panels.extend(content_panels())


@hooks.register("register_admin_urls")
def register_content_health_urls():
    return [
        path("reports/content-health/", ContentHealthView.as_view(), name="ellemes_content_health"),
        path(
            "reports/content-health/results/",
            ContentHealthView.as_view(results_only=True),
            name="ellemes_content_health_results",
        ),
    ]


class ContentHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return can_edit_pages(request.user)


@hooks.register("register_reports_menu_item")
def register_content_health_menu_item():
    return ContentHealthMenuItem(
        "Content health", reverse("ellemes_content_health"), name="content-health", icon_name="warning", order=650
    )


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_risky_claims(request, action_type, objects, action_class_instance):
    """Bulk “Publish” in the page explorer follows the same rule as the editor's Publish button."""
    if action_type != "publish" or may_publish_risky_claims(request.user):
        return None
    risky = []
    for page in objects:
        latest = page.specific.get_latest_revision_as_object() if hasattr(page, "specific") else page
        if isinstance(latest, ClaimsCheckedMixin) and latest.risky_claims():
            risky.append(latest.title)
    if not risky:
        return None
    messages.error(
        request,
        "Not published: risky claims need a medical reviewer’s approval in "
        + ", ".join(f"“{title}”" for title in risky)
        + ". Submit them for medical review instead.",
    )
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("wagtailadmin_explore_root")
    return redirect(next_url)
