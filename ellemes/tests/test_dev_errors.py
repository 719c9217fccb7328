"""`make run` (DEBUG on) shows the site's own 404 and 500 pages for page requests; `?debug=1` shows Django's."""

import importlib
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client

from ellemes.models import HomePage

BRANDED = "ellemes.dev_errors.BrandedErrorPagesMiddleware"
TECHNICAL_404 = "you have <code>DEBUG = True</code>"


def development_settings():
    """The module `make run` uses. Importing it sets the console's log format in the LOGGING dict it shares
    with the test settings: that is put back, so later tests log as before."""
    console = settings.LOGGING["handlers"]["console"]
    formatter = console["formatter"]
    try:
        return importlib.import_module("ellemes.settings.dev")
    finally:
        console["formatter"] = formatter


dev = development_settings()


@pytest.fixture
def dev_like(settings, home):
    """The test settings with development's DEBUG, middleware and the query parameters it keeps."""
    settings.DEBUG = True
    settings.MIDDLEWARE = dev.MIDDLEWARE
    settings.PAGE_PRIVATE_PARAMETERS = dev.PAGE_PRIVATE_PARAMETERS
    settings.WAGTAIL_CACHE_IGNORE_QS = dev.WAGTAIL_CACHE_IGNORE_QS


@pytest.fixture
def broken_home():
    with mock.patch.object(HomePage, "serve", side_effect=RuntimeError("the home page broke")):
        yield


def text(response):
    return response.content.decode()


def test_only_development_has_the_middleware():
    assert BRANDED in dev.MIDDLEWARE
    assert BRANDED not in settings.MIDDLEWARE
    assert dev.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware", "django-axes must stay last"


@pytest.mark.django_db
@pytest.mark.usefixtures("dev_like")
class TestNotFound:
    @pytest.mark.parametrize("url", ["/no-such-page/", "/blog/no-such-article/", "/no.such.file"])
    def test_the_sites_own_page(self, client, url):
        response = client.get(url)
        assert response.status_code == 404
        assert "We couldn’t find that page" in text(response)
        assert TECHNICAL_404 not in text(response)
        assert '<a href="/">Go to the home page</a>' in text(response)

    def test_debug_parameter_keeps_the_technical_page(self, client):
        response = client.get("/no-such-page/", {"debug": "1"})
        assert response.status_code == 404
        assert TECHNICAL_404 in text(response)
        assert "We couldn’t find that page" not in text(response)

    def test_the_admin_keeps_the_technical_page(self, admin_client):
        response = admin_client.get("/admin/no-such-admin-page/")
        assert response.status_code == 404
        assert "We couldn’t find that page" not in text(response)


@pytest.mark.django_db
@pytest.mark.usefixtures("dev_like", "broken_home")
class TestServerError:
    def test_the_sites_own_page(self, caplog):
        response = Client(raise_request_exception=False).get("/")
        assert response.status_code == 500
        assert "Something went wrong on our side" in text(response)
        assert "the home page broke" not in text(response)
        # Still in the console for the developer, with its traceback.
        assert any(record.exc_info and "the home page broke" in str(record.exc_info[1]) for record in caplog.records)

    def test_debug_parameter_keeps_the_technical_page(self):
        response = Client(raise_request_exception=False).get("/", {"debug": "1"})
        assert response.status_code == 500
        assert "the home page broke" in text(response)
        assert "Something went wrong on our side" not in text(response)


@pytest.mark.django_db
@pytest.mark.usefixtures("home")
def test_production_settings_are_untouched(client):
    """Without DEBUG the middleware is absent and Django's handlers already render the site's pages."""
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We couldn’t find that page" in text(response)
