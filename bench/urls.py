import functools
import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from ellemes.urls import handler500  # noqa: F401
from ellemes.urls import urlpatterns as site_urlpatterns


@functools.cache
def constant_html():
    # Read on first use: the bench writes the file after the scratch site is built.
    return Path(os.environ["BENCH_CONSTANT_FILE"]).read_bytes() if os.environ.get("BENCH_CONSTANT_FILE") else b""


def constant_page(request):
    """The ceiling: Django returning fixed bytes, the same HTML as a real page."""
    return HttpResponse(constant_html())


urlpatterns = [path("__bench__/constant/", constant_page), *site_urlpatterns]
