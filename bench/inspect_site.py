"""Print the benchmark's page URLs and how many SQL queries each costs on a page cache miss, as JSON.

"queries": the first view after a change (the `pages` cache emptied), once the image renditions
exist. With `BENCH_CONSTANT_FILE` set, the home page's HTML is also written there: the constant-bytes
references (Django's constant view and the static file server) serve the same bytes.
"""

import json
import os
from pathlib import Path

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def first_url(app_label, model_name, **filters):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    queryset = model.objects.live()
    if hasattr(queryset, "running") and model_name == "SpecialPage":
        queryset = queryset.running()
    page = queryset.filter(**filters).first()
    return page.url if page else None


pages = {
    "home": "/",
    "blog": "/blog/",
    "article": first_url("blog", "ArticlePage", title__icontains="facial symmetry"),
    "specials": "/specials/",
    "special": first_url("specials", "SpecialPage"),
    "staff": "/staff/",
    "profile": "/staff/lauren-siso/",
    "contact": "/contact/",
    "search": "/search/?q=botox",
    "treatments": "/treatments/",
    "category": first_url("treatments", "TreatmentCategoryPage"),
    "treatment": first_url("treatments", "TreatmentPage", slug="botox"),
    "prices": "/treatments/prices/",
    "legal": first_url("legal", "LegalPage"),
}
client = Client()
report = {}
for name, url in pages.items():
    if not url:
        continue
    client.get(url)  # the first visit makes the image renditions
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    report[name] = {"url": url, "status": response.status_code, "queries": len(queries)}
    if name == "home" and os.environ.get("BENCH_CONSTANT_FILE"):
        Path(os.environ["BENCH_CONSTANT_FILE"]).write_bytes(response.content)
print(json.dumps(report))
