"""Where a “Book” button leads: the clinic's online booking site when it has one, else the inquiry form."""

from urllib.parse import urlsplit

HTTPS_MESSAGE = "Use a secure link that starts with https://."


def destination(url):
    """The site a booking link leads to, as patients know it: “vagaro.com”."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def online_booking(clinic, treatment=None, provider=None):
    """{"url", "destination"} of the online booking for the treatment or provider, or None without online booking.

    Online booking is on while the clinic details hold a booking link; a treatment's or a
    provider's own deep link (the booking platforms take service and staff parameters) wins over it.
    """
    base = getattr(clinic, "booking_url", "")
    if not base:
        return None
    url = getattr(provider, "booking_url", "") or getattr(treatment, "booking_url", "") or base
    return {"url": url, "destination": destination(url)}
