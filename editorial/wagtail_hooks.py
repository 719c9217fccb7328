from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from editorial.admin_views import (
    AWAITING_YOUR_REVIEW_ORDER,
    ContentHealthView,
    can_edit_pages,
    can_see_inquiries,
    content_panels,
    inquiries_panel,
)
from editorial.roles import ROLES
from ellemes.claims import is_medical_reviewer, phrase_list
from ellemes.models import ClaimsCheckedMixin
from ellemes.models.claims import SCHEDULE_REFUSED, approve_or_check


@hooks.register("construct_homepage_panels")
def add_clinic_panels(request, panels):
    for panel in panels:
        if isinstance(panel, WorkflowObjectsToModeratePanel):
            # A medical reviewer's work comes first, above the lists of what is going on.
            panel.order = AWAITING_YOUR_REVIEW_ORDER
    if can_see_inquiries(request.user):
        panels.append(inquiries_panel())
    if can_edit_pages(request.user):
        panels.extend(content_panels())


@hooks.register("insert_global_admin_css")
def clinic_admin_css():
    # A stylesheet, never a style attribute: the admin's Content-Security-Policy is strict about styles too.
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/css/admin.css"))


@hooks.register("construct_page_action_menu")
def keep_unpublish_away_from_publish(menu_items, request, context):
    """Unpublish last in the menu, not next to Publish, where a slip takes a page off the site."""
    unpublish = [item for item in menu_items if item.name == "action-unpublish"]
    menu_items[:] = [item for item in menu_items if item.name != "action-unpublish"] + unpublish


@hooks.register("register_admin_urls")
def register_content_health_urls():
    return [
        path("reports/content-health/", ContentHealthView.as_view(), name="editorial_content_health"),
        path(
            "reports/content-health/results/",
            ContentHealthView.as_view(results_only=True),
            name="editorial_content_health_results",
        ),
    ]


class ContentHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return can_edit_pages(request.user)


@hooks.register("register_reports_menu_item")
def register_content_health_menu_item():
    return ContentHealthMenuItem(
        "Content health", reverse("editorial_content_health"), name="content-health", icon_name="warning", order=650
    )


def _page_is_published(page):
    page = type(page).objects.get(pk=page.pk)
    return page.live and not page.has_unpublished_changes


@hooks.register("after_edit_page")
def say_what_the_review_did(request, page):
    """A reviewer's “Approve and publish” or “Request changes” is confirmed as such, not as “has been updated”.

    Wagtail confirms every workflow action with its save message; the one for this page is swapped for
    plain words (Django's messages are taken by iterating them, then the others are added back).
    """
    action = request.POST.get("workflow-action-name") if request.POST.get("action-workflow-action") else None
    title = page.get_admin_display_title()
    if action == "approve" and _page_is_published(page):
        said = f"Approved and published: “{title}” is live on the site."
    elif action == "reject":
        said = f"Changes requested: “{title}” goes back to its editor."
    else:
        return
    updated = admin_messages.render(gettext("Page '%(page_title)s' has been updated.") % {"page_title": title}, None)
    kept = [message for message in messages.get_messages(request) if str(message.message) != updated]
    for message in kept:
        messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    buttons = [admin_messages.button(page.url, "View live")] if action == "approve" and page.url else []
    admin_messages.success(request, said, buttons=buttons)


@hooks.register("clinic_roles")
def clinic_roles():
    """The groups Site managers may hand out (accounts.users): the roles defined in editorial.roles."""
    return list(ROLES)


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
        "approval: reword them, or choose “Send for medical review”.",
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
        + ". Send them for medical review instead.",
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
