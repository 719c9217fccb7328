"""Print the benchmark's page URLs and how many SQL queries each costs on a cache miss, as JSON.

"queries": a page cache miss once the image renditions exist; "cold_queries": the same after the
`pages` cache is emptied (equal now that nothing else is kept between requests).
"""

import json

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
}
client = Client()
report = {}
for name, url in pages.items():
    if not url:
        continue
    client.get(url)  # first visit makes the image renditions
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as cold_queries:
        client.get(url)
    report[name] = {"url": url, "status": status, "queries": len(queries), "cold_queries": len(cold_queries)}
print(json.dumps(report))
