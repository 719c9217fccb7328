"""Development only (`ellemes.settings.dev`): the site's own 404 and 500 pages while DEBUG is on.

With DEBUG on, Django answers a missing page or an error with its technical pages, so nobody working
on the site sees the pages patients get. This middleware answers page requests with `404.html` and
`500.html` instead (the same views production uses); `?debug=1` keeps Django's technical page, and
the admin, static and media files are left alone. The error is still logged with its traceback.
"""

import logging

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.views.defaults import page_not_found

from ellemes.views import server_error

logger = logging.getLogger("django.request")

DEBUG_PARAMETER = "debug"
# What Django answers with a 4xx rather than a 500 (django.core.handlers.exception.response_for_exception).
CLIENT_ERRORS = (BadRequest, PermissionDenied, SuspiciousOperation, MultiPartParserError)


def is_page_request(request):
    """A request for a page of the public site, by someone who did not ask for the technical page."""
    skipped = (settings.ADMIN_URL_PREFIX, settings.STATIC_URL, settings.MEDIA_URL)
    return request.GET.get(DEBUG_PARAMETER) != "1" and not request.path.startswith(skipped)


class BrandedErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # An address no URL pattern matches never reaches `process_exception`: Django has already answered
        # it with its technical 404.
        if response.status_code == 404 and not getattr(response, "branded", False) and self._applies(request):
            return self._not_found(request, Http404())
        return response

    def process_exception(self, request, exception):
        if not self._applies(request):
            return None
        if isinstance(exception, Http404):
            return self._not_found(request, exception)
        if isinstance(exception, CLIENT_ERRORS):
            return None  # Django's own answers (403, 400) already fit
        logger.error("Internal Server Error: %s", request.path, exc_info=exception, extra={"status_code": 500})
        # Called inside Django's `except` block: the handler reads the exception (a database error answers 503).
        return server_error(request)

    @staticmethod
    def _applies(request):
        return settings.DEBUG and is_page_request(request)

    @staticmethod
    def _not_found(request, exception):
        response = page_not_found(request, exception)
        response.branded = True
        return response
