import sys

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


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


def server_error(request):
    """500 handler that renders without the database; a database outage answers 503 instead."""
    _, exception, _ = sys.exc_info()
    if isinstance(exception, DatabaseError):
        response = HttpResponse(
            loader.render_to_string("503.html", {"site_name": settings.WAGTAIL_SITE_NAME}), status=503
        )
        response["Retry-After"] = "60"
    else:
        response = HttpResponse(
            loader.render_to_string("500.html", {"site_name": settings.WAGTAIL_SITE_NAME}), status=500
        )
    response["Cache-Control"] = "no-store"
    return response
