"""The editors' admin: dashboard panels and the "Content health" report."""

from django.urls import NoReverseMatch, reverse
from django.utils.timezone import localdate, localtime
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from contact.models import Inquiry
from editorial import content_health
from ellemes.dates import short_date

LATEST_INQUIRIES = 5
ENDING_WITHIN_DAYS = 7

# The dashboard's order: what someone must act on first (Wagtail's “Awaiting your review”, then new
# inquiries and specials about to end), then the reviews' state; Wagtail's own lists (pages in a
# workflow, recent edits, locked pages: 210 and up) come last.
AWAITING_YOUR_REVIEW_ORDER = 10
NEW_INQUIRIES_ORDER = 20
SPECIALS_ENDING_ORDER = 30
ARTICLES_AWAITING_ORDER = 40
ARTICLES_DUE_ORDER = 50


def can_edit_pages(user):
    return page_permission_policy.user_has_permission(user, "change")


def can_see_inquiries(user):
    return user.has_perm("contact.view_inquiry") or user.has_perm("contact.change_inquiry")


def _url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


class DashboardPanel(Component):
    """A titled list on the admin home page: each row a title with a link and a short note."""

    template_name = "editorial/dashboard/panel.html"

    def __init__(self, name, heading, rows, order, empty="Nothing here.", summary="", more_url="", more_label=""):
        self.name = name
        self.heading = heading
        self.rows = rows
        self.order = order
        self.empty = empty
        self.summary = summary
        self.more_url = more_url
        self.more_label = more_label

    def get_context_data(self, parent_context):
        return {"panel": self}


def _page_row(page, note):
    return {"title": page.get_admin_display_title(), "url": _url("wagtailadmin_pages:edit", page.pk), "note": note}


def _inquiry_note(inquiry):
    received = f"Received {short_date(localtime(inquiry.created_at), year=False)}"
    if inquiry.assigned_to is None:
        return f"{received} · not assigned yet"
    return f"{received} · assigned to {get_user_display_name(inquiry.assigned_to)}"


def inquiries_panel():
    inbox = Inquiry.objects.inbox()
    new = inbox.filter(status=Inquiry.Status.NEW)
    count = new.count()
    rows = [
        {
            "title": f"{inquiry.reference} · {inquiry.get_inquiry_type_display()}",
            "url": _url("inquiries:edit", inquiry.pk),
            "note": _inquiry_note(inquiry),
        }
        for inquiry in new.select_related("assigned_to").order_by("-created_at")[:LATEST_INQUIRIES]
    ]
    summary = f"{count} new {'inquiry' if count == 1 else 'inquiries'}"
    return DashboardPanel(
        "new_inquiries",
        "New inquiries",
        rows,
        order=NEW_INQUIRIES_ORDER,
        empty="No new inquiries.",
        summary=summary,
        more_url=_url("inquiries:index"),
        more_label="All inquiries",
    )


def content_panels():
    today = localdate()
    ending = [
        _page_row(special, f"Ends {short_date(special.ends_on, year=False)}")
        for special in content_health.specials_ending_soon(ENDING_WITHIN_DAYS, today)
    ]
    awaiting = [
        _page_row(article, f"Submitted {short_date(localtime(submitted), year=False)}")
        for article, submitted in content_health.articles_awaiting_review()
    ]
    due = [
        _page_row(article, content_health.review_status(article))
        for article in content_health.articles_due_for_review(today)
    ]
    return [
        DashboardPanel(
            "specials_ending_soon",
            f"Specials ending in the next {ENDING_WITHIN_DAYS} days",
            ending,
            order=SPECIALS_ENDING_ORDER,
            empty="No special ends this week.",
        ),
        DashboardPanel(
            "articles_awaiting_review",
            "Articles awaiting medical review",
            awaiting,
            order=ARTICLES_AWAITING_ORDER,
            empty="None waiting.",
        ),
        DashboardPanel(
            "articles_due_for_review",
            "Articles due for a new medical review",
            due,
            order=ARTICLES_DUE_ORDER,
            empty="Every article has been reviewed within the last year.",
            more_url=_url("editorial_content_health"),
            more_label="Content health report",
        ),
    ]


class ContentHealthView(ReportView):
    """Everything on the site that needs an editor's attention, with CSV and Excel export."""

    page_title = "Content health"
    header_icon = "warning"
    index_url_name = "editorial_content_health"
    index_results_url_name = "editorial_content_health_results"
    permission_policy = page_permission_policy
    permission_required = "change"
    paginate_by = 100
    list_export = ["check", "title", "detail"]
    export_headings = {"check": "Check", "title": "Item", "detail": "What to do"}
    columns = [
        Column("check", label="Check"),
        TitleColumn("title", label="Item", get_url=lambda issue: issue.edit_url or None),
        Column("detail", label="What to do"),
    ]

    def get_queryset(self):
        return content_health.find_issues()

    def get_filename(self):
        return f"content-health-{localdate():%Y-%m-%d}"
