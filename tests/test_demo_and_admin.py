"""The development admin account and the image rules editors work with (the demo: tests/test_demo.py)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from ellemes.factories import ImageFactory
from ellemes.models import ClinicImage


@pytest.mark.django_db
class TestDevelopmentAdmin:
    def test_creates_admin_with_a_random_password_once(self, settings, monkeypatch):
        settings.DEBUG = True
        monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
        output = io.StringIO()
        call_command("ensure_dev_admin", stdout=output)
        password = output.getvalue().split("password ")[1].split()[0]
        user = get_user_model().objects.get(username="admin")
        assert user.is_superuser and user.check_password(password)
        second = io.StringIO()
        call_command("ensure_dev_admin", stdout=second)
        assert password not in second.getvalue()
        assert get_user_model().objects.filter(username="admin").count() == 1

    def test_uses_the_password_from_the_environment(self, settings, monkeypatch, client):
        settings.DEBUG = True
        monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-chosen-password")
        output = io.StringIO()
        call_command("ensure_dev_admin", stdout=output)
        assert "a-long-chosen-password" not in output.getvalue()
        # `make run`'s admin skips the second factor, under the development settings only.
        settings.TWO_FACTOR_EXEMPT_USERNAMES = ["admin"]
        settings.SETTINGS_MODULE = "ellemes.settings.dev"  # last: each override starts a new layer without it
        response = client.post("/admin/login/", {"username": "admin", "password": "a-long-chosen-password"})
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200

    def test_refuses_outside_development(self, settings):
        settings.DEBUG = False
        with pytest.raises(CommandError):
            call_command("ensure_dev_admin")


@pytest.mark.django_db
class TestImages:
    def test_alt_text_is_required(self):
        image = ClinicImage(title="IMG_2041", alt_text="")
        with pytest.raises(ValidationError) as error:
            image.clean()
        assert "alt_text" in error.value.message_dict

    def test_decorative_images_need_no_alt_text(self):
        ClinicImage(title="Swirl", alt_text="", is_decorative=True).clean()

    def test_alt_text_never_falls_back_to_the_title(self):
        assert ClinicImage(title="IMG_2041", alt_text="", is_decorative=True).default_alt_text == ""
        assert ClinicImage(title="IMG_2041", alt_text="Nurse smiling").default_alt_text == "Nurse smiling"

    def test_rendered_images_use_the_alt_text(self, client, sections, home):
        home.hero_image = ImageFactory(title="IMG_2041", alt_text="A calm, sunlit treatment room")
        home.save_revision().publish()
        html = client.get("/").content.decode()
        assert f'alt="{home.hero_image.alt_text}"' in html
        assert f'alt="{home.hero_image.title}"' not in html
