from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ellemes.admin_views import ContentHealthView, can_edit_pages, can_see_inquiries, content_panels, inquiries_panel
from ellemes.claims import is_medical_reviewer, phrase_list
from ellemes.models import ClaimsCheckedMixin, Treatment
from ellemes.models.claims import SCHEDULE_REFUSED, approve_or_check


class TreatmentViewSet(SnippetViewSet):
    model = Treatment
    icon = "tag"
    menu_label = "Treatment tags"
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


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@hooks.register("before_publish_page")
def approve_or_keep_as_draft(request, page):
    """The editor's Publish: a medical reviewer's approves; risky claims without one stay a draft, said once.

    The draft revision is already saved when this runs, and is the one about to go live.
    """
    if not isinstance(page, ClaimsCheckedMixin):
        return None
    matches = approve_or_check(page.latest_revision, request.user)
    if not matches:
        return None
    messages.warning(
        request,
        f"Saved as draft, not published. Risky claims ({phrase_list(matches)}) need a medical reviewer’s "
        "approval: reword them, or choose “Submit to Medical review”.",
    )
    return redirect(_edit_url(page))


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_unapproved_claims(request, action_type, objects, action_class_instance):
    """Bulk “Publish” in the page explorer follows the same rule as the editor's Publish button."""
    if action_type != "publish" or is_medical_reviewer(request.user):
        return None
    risky = []
    for page in objects:
        latest = page.specific.get_latest_revision_as_object() if hasattr(page, "specific") else page
        if isinstance(latest, ClaimsCheckedMixin) and latest.unapproved_claims():
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


@hooks.register("register_log_actions")
def register_claims_log_actions(actions):
    actions.register_action(
        SCHEDULE_REFUSED,
        "Scheduled publishing refused",
        "Scheduled publishing refused: risky claims without a medical reviewer’s approval",
    )
