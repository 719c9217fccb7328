"""Response headers that browsers enforce: one strict policy for the public site, a looser one for Wagtail's admin.

Public pages carry no inline script or style, so their policy allows neither; the same policy on
every response means a cached page never depends on anything per request (no nonce). Wagtail's
editor needs inline styles and frames its own live preview, so `/admin/` gets its own policy.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class ClinicCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin's policy under the admin's address."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class CrossOriginResourcePolicyMiddleware:
    """Other sites may not embed this site's responses (pages, images, files) in theirs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
