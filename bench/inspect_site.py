"""Print the benchmark's page URLs and how many SQL queries each costs on a cache miss, as JSON.

"queries": a full-page cache miss once renditions and the shared fragments exist (the steady state);
"cold_queries": the first view after a content change, when every cache is empty.
"""

import json

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
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
    client.get(url)  # first visit makes the image renditions and the shared fragments
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    caches[settings.PAGE_CACHE_ALIAS].clear()
    with CaptureQueriesContext(connection) as cold_queries:
        client.get(url)
    report[name] = {"url": url, "status": status, "queries": len(queries), "cold_queries": len(cold_queries)}
print(json.dumps(report))
