from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from ellemes import views

handler500 = "ellemes.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    # Staff accounts: Wagtail's password reset, with the email sent by the worker and requests throttled.
    path("admin/password_reset/", include("accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
]

if settings.SERVE_MEDIA:
    # Uploaded images from this process; a larger deployment serves them from object storage or a CDN.
    # Rendition file names change whenever the image or the crop changes, so browsers may keep them long.
    media = cache_control(public=True, max_age=settings.MEDIA_CACHE_SECONDS)(serve)
    # Images only (staff avatars too, or the admin shows a broken one): documents are served by Wagtail's
    # document view, which checks collection privacy.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:original_images|images|avatar_images)/.*)$",
            media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
