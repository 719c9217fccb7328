import re
import secrets
import sys
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import caches
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.db.models import Min
from django.http import Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, Site

from ellemes.outage import read_clinic_contact
from ellemes.pagination import clamped_page, requested_page_number
from ellemes.public_urls import absolute_url, public_site


@require_safe
@never_cache
def healthz(request):
    """Liveness and database check for load balancers; says nothing an attacker could use."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "error": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@require_safe
@never_cache
def readyz(request):
    """Readiness: the state of each dependency. Only a database outage is fatal: pages render without the
    cache, and inquiries wait in the database for the worker."""
    report, status = {}, 200
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report["database"] = "ok"
    except DatabaseError:
        report["database"] = "error"
        status = 503
    for alias in settings.CACHES:
        probe = secrets.token_hex(8)
        caches[alias].set("readyz", probe, timeout=10)
        report[f"cache:{alias}"] = "ok" if caches[alias].get("readyz") == probe else "unavailable"
    if status == 200:
        oldest = DBTaskResult.objects.ready().aggregate(oldest=Min("enqueued_at"))["oldest"]
        report["task_queue_age_seconds"] = int((timezone.now() - oldest).total_seconds()) if oldest else 0
    return JsonResponse({"status": "ok" if status == 200 else "error", **report}, status=status)


# The one free-text answer of a public form (the inquiry's message) that the 503 page gives back to copy.
KEPT_POST_FIELD = "message"


def server_error(request):
    """500 handler that renders without the database; a database outage answers 503 instead."""
    _, exception, _ = sys.exc_info()
    if isinstance(exception, DatabaseError):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **read_clinic_contact(), "message": _patient_text(request)}
        response = HttpResponse(loader.render_to_string("503.html", context), status=503)
        response["Retry-After"] = "60"
    else:
        response = HttpResponse(
            loader.render_to_string("500.html", {"site_name": settings.WAGTAIL_SITE_NAME}), status=500
        )
    response["Cache-Control"] = "no-store"
    return response


def _patient_text(request):
    """What the patient typed into a public form that could not be saved, shown back only in this response."""
    if request.method != "POST" or request.path.startswith(settings.ADMIN_URL_PREFIX):
        return ""
    # The error is logged after this handler returns: error reports must not carry what the patient wrote.
    request.sensitive_post_parameters = "__ALL__"
    try:
        return request.POST.get(KEPT_POST_FIELD, "")[:5000]
    except Exception:  # noqa: BLE001 - an unreadable body (too large, malformed) simply gives nothing back
        return ""


def csrf_failure(request, reason=""):
    """A failed form security check: the page that owns the form answers if it can (keeping what was typed)."""
    page = _page_at(request)
    if page is not None and hasattr(page, "serve_csrf_failure"):
        response = page.serve_csrf_failure(request)
    else:
        html = loader.render_to_string("403_csrf.html", {"site_name": settings.WAGTAIL_SITE_NAME}, request)
        response = HttpResponseForbidden(html)
    response["Cache-Control"] = "no-store"
    return response


def _page_at(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in request.path.split("/") if component]
    try:
        return site.root_page.specific.route(request, components).page.specific
    except Http404:
        return None


# The icon's URL carries no version, so browsers keep it a day rather than a year.
FAVICON_CACHE_SECONDS = 24 * 60 * 60


@require_safe
@cache_control(public=True, max_age=FAVICON_CACHE_SECONDS)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page links: the real icon, not a 404."""
    # A few kilobytes: sent whole rather than streamed, so the page caches treat it like any small response.
    return HttpResponse(Path(finders.find("img/favicon.ico")).read_bytes(), content_type="image/x-icon")


@require_safe
def robots_txt(request):
    """Let crawlers in everywhere but the admin, and tell them where the sitemap is."""
    sitemap = absolute_url(public_site(request), reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10


@require_safe
@never_cache  # a visitor's own words: never kept by a shared cache
def search(request):
    """Site search over every live page type that declares `search_fields`."""
    # Long or odd queries are cut and cleaned rather than refused: the visitor still gets a normal page.
    query = " ".join(request.GET.get("q", "").replace("\x00", " ").split())[:SEARCH_QUERY_MAX_LENGTH].strip()
    # Only words reach the search backend: quotes and operators mean syntax to SQLite's FTS.
    terms = " ".join(re.findall(r"\w+", query))
    results, hits = None, []
    if terms:
        # Search backends take plain field filters only, so search keeps Wagtail's own `public()` (one query).
        # `.specific()`: the results are read as their own page types, one query per type found.
        matches = Page.objects.live().public().filter(depth__gt=1).specific().search(terms)
        results = _results_page(matches, request.GET.get("page"))
        hits = _describe_hits(request, results)
    context = {
        "search_query": query,
        "results": results,
        "hits": hits,
        "pagination_query": urlencode({"q": query}),
    }
    response = TemplateResponse(request, "ellemes/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def _describe_hits(request, pages):
    """What each result shows: its type, link, title and summary."""
    return [
        {
            "url": page.get_url(request),
            # Staff profiles are named with their license type and role, as everywhere they are promoted.
            "title": getattr(page, "name_license_and_role", page.title),
            "type": capfirst(page._meta.verbose_name.removesuffix(" page")),
            # Every clinic page has a summary; a plain Wagtail page only its search description.
            "summary": getattr(page, "summary_text", page.search_description),
        }
        for page in pages
    ]


def _results_page(matches, raw_number):
    """The page of results asked for. The first page is fetched once; when it has room to spare it holds
    every result, so counting them needs no second search."""
    if requested_page_number(raw_number) > 1:
        return clamped_page(matches, SEARCH_RESULTS_PER_PAGE, raw_number)
    paginator = Paginator(matches, SEARCH_RESULTS_PER_PAGE)
    first = list(matches[:SEARCH_RESULTS_PER_PAGE])
    if len(first) < SEARCH_RESULTS_PER_PAGE:
        paginator.count = len(first)
    return PaginatorPage(first, 1, paginator)
