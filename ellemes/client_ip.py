"""The address a request came from, seen through the configured number of trusted proxies.

Every proxy in front of the site appends the address it received the request from to
X-Forwarded-For, so with N trusted proxies the client is the Nth entry from the right; anything
further left was written by the client and may be forged. With no trusted proxy (the default) the
header is ignored altogether and the connection's own address counts.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The client's IP address: REMOTE_ADDR, or the Nth-from-right X-Forwarded-For entry behind N trusted proxies."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    entries = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    entries = [entry for entry in entries if entry]
    # Fewer entries than proxies: the request did not come through them, so the connection is the client.
    if len(entries) < count:
        return remote
    candidate = entries[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
