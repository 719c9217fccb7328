"""Absolute addresses on the public site, all on one host: the Wagtail Site's configured root URL.

Canonical links, og:url and og:image, JSON-LD, the sitemap, robots.txt and the feed are built from
`site.root_url` (the Site's hostname and port), never from the request's Host header or BASE_URL:
behind a proxy the request may carry an internal host, and search engines must see one address per
page. Wagtail's own page URLs (`page.full_url`) follow the same rule. Emails and admin links use
BASE_URL (WAGTAILADMIN_BASE_URL) instead.
"""

from urllib.parse import urljoin

from wagtail.models import Site


def public_site(request=None):
    """The Site serving `request`; the default site for a host no Site names, or when there is no request."""
    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.filter(is_default_site=True).first()


def absolute_url(site, path):
    """`path` (a page or file address) on `site`'s host; an address that is already absolute (a CDN's) is kept.

    Before any Site exists (a fresh install) there is no public host to name, so `path` is returned as it is.
    """
    return urljoin(f"{site.root_url}/", path) if site is not None else path
