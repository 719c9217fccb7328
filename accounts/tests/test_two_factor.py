"""Every admin user enrols an authenticator app and enters a code after each password sign-in."""

import re

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import EDITORS, FRONT_DESK

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sections")]


def code_for(device, offset=0):
    """The code the user's phone shows now (or `offset` time steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += offset * device.step
    return f"{totp.token():0{device.digits}d}"


def opens(client, url):
    """Whether `url` opens for this client, perhaps through a redirect inside the admin (the explorer does)."""
    response = client.get(url, follow=True)
    path = response.request["PATH_INFO"]
    return response.status_code == 200 and not path.startswith(("/admin/two-factor/", "/admin/login/"))


def wrong_code_for(device):
    return f"{(int(code_for(device)) + 1) % 10**device.digits:0{device.digits}d}"


def enrol(client):
    """Scan the QR code and confirm one code, as a new user does; returns (device, backup codes)."""
    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post("/admin/two-factor/setup/", {"code": code_for(device), "next": "/admin/pages/"})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
    return device, codes


@pytest.fixture
def enrolled(staff):
    """An editor with a confirmed authenticator app and backup codes, not yet signed in."""
    from accounts.two_factor import new_backup_codes

    user = staff(EDITORS, "elena")
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return user, device, new_backup_codes(user)


def test_a_password_alone_leads_to_enrolment_and_opens_no_admin_page(staff, sign_in):
    staff(EDITORS, "elena")
    client = Client()
    assert sign_in(client, "elena").status_code == 302
    for url in ["/admin/", "/admin/pages/", "/admin/images/", "/admin/account/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/two-factor/setup/?next="), url
    page = client.get("/admin/two-factor/setup/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "QR code for your authenticator app" in html
    assert "no-store" in page["Cache-Control"]
    # The QR code is drawn in the page itself: no image is fetched from anywhere.
    assert "<img" not in html.split('id="main"')[1]


def test_enrolling_with_a_valid_code_gets_in_and_shows_ten_backup_codes_once(staff, sign_in):
    staff(EDITORS, "elena")
    client = Client()
    sign_in(client, "elena")
    device, codes = enrol(client)
    device.refresh_from_db()
    assert device.confirmed
    assert len(codes) == 10 and len(set(codes)) == 10
    assert opens(client, "/admin/pages/")
    # Shown once: the settings page counts them but never lists them again.
    again = client.get("/admin/two-factor/setup/").content.decode()
    assert "10 backup codes left" in again
    assert codes[0] not in again


def test_enrolling_with_a_wrong_code_does_not(staff, sign_in):
    staff(EDITORS, "elena")
    client = Client()
    sign_in(client, "elena")
    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post("/admin/two-factor/setup/", {"code": wrong_code_for(device)})
    assert response.status_code == 400
    assert "That code did not match" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert not opens(client, "/admin/pages/")


def test_after_each_password_sign_in_a_valid_code_gets_in(enrolled, sign_in):
    _, device, _ = enrolled
    client = Client()
    sign_in(client, "elena")
    response = client.get("/admin/pages/")
    assert response["Location"] == "/admin/two-factor/?next=/admin/pages/"
    response = client.post("/admin/two-factor/", {"code": code_for(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert opens(client, "/admin/pages/")


def test_a_wrong_code_does_not(enrolled, sign_in):
    _, device, _ = enrolled
    client = Client()
    sign_in(client, "elena")
    response = client.post("/admin/two-factor/", {"code": wrong_code_for(device)})
    assert response.status_code == 400
    assert "That code did not match" in response.content.decode()
    assert not opens(client, "/admin/pages/")


def test_an_outside_address_after_the_code_is_not_followed(enrolled, sign_in):
    _, device, _ = enrolled
    client = Client()
    sign_in(client, "elena")
    response = client.post("/admin/two-factor/", {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_a_backup_code_works_once(enrolled, sign_in):
    user, _, codes = enrolled
    first = Client()
    sign_in(first, "elena")
    response = first.post("/admin/two-factor/", {"code": codes[0].upper(), "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    assert opens(first, "/admin/pages/")
    assert StaticToken.objects.filter(device__user=user).count() == 9

    second = Client()
    sign_in(second, "elena")
    assert second.post("/admin/two-factor/", {"code": codes[0]}).status_code == 400
    assert not opens(second, "/admin/pages/")


def test_with_only_the_password_no_second_authenticator_can_be_added(enrolled, sign_in):
    client = Client()
    sign_in(client, "elena")
    response = client.get("/admin/two-factor/setup/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/?next=")
    assert client.post("/admin/two-factor/setup/", {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=enrolled[0]).count() == 1


def test_outside_the_admin_a_password_only_session_counts_as_anonymous(staff, sign_in):
    staff(EDITORS, "elena")
    client = Client()
    sign_in(client, "elena")
    assert "wagtail-userbar" not in client.get("/").content.decode()
    enrol(client)
    assert "wagtail-userbar" in client.get("/").content.decode()


def test_every_role_must_enrol(staff, sign_in):
    staff(FRONT_DESK, "priya")
    client = Client()
    sign_in(client, "priya")
    assert client.get("/admin/inquiries/")["Location"].startswith("/admin/two-factor/setup/")


def test_the_development_exemption_needs_the_development_settings(staff, sign_in, settings):
    staff(EDITORS, "elena")
    settings.DEBUG = True
    settings.TWO_FACTOR_EXEMPT_USERNAMES = ["elena"]
    client = Client()
    sign_in(client, "elena")
    assert not opens(client, "/admin/pages/")
    settings.SETTINGS_MODULE = "ellemes.settings.dev"  # last: each override starts a new layer without it
    assert opens(client, "/admin/pages/")
    settings.DEBUG = False
    assert not opens(client, "/admin/pages/")


def test_new_backup_codes_replace_the_old_ones(enrolled, sign_in):
    _, device, codes = enrolled
    client = Client()
    sign_in(client, "elena")
    client.post("/admin/two-factor/", {"code": code_for(device)})
    response = client.post("/admin/two-factor/setup/", {"new_backup_codes": "1"})
    fresh = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
    assert len(fresh) == 10 and not set(fresh) & set(codes)
