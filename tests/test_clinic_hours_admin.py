"""Opening hours and social links, kept by a site manager under Settings › Clinic details."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from editorial.roles import SITE_MANAGERS
from ellemes.models import ClinicSettings
from tests.admin_forms import clinic_settings_form

pytestmark = pytest.mark.usefixtures("small_site")


def day(weekday, opens="", closes="", closed=False):
    return ("day", {"weekday": weekday, "opens": opens, "closes": closes, "closed": "on" if closed else ""})


def week(**changed):
    """Mon–Fri 10–7, Sat 10–4, Sun closed, with `changed` days (by code) replaced."""
    days = {code: day(code, "10:00", "19:00") for code in ("Mo", "Tu", "We", "Th", "Fr")}
    days |= {"Sa": day("Sa", "10:00", "16:00"), "Su": day("Su", closed=True)}
    return list((days | changed).values())


@pytest.fixture
def settings_url(client, user_in):
    client.force_login(user_in(SITE_MANAGERS))
    return reverse("wagtailsettings:edit", args=["ellemes", "clinicsettings", ClinicSettings.objects.get().site_id])


def save(client, url, hours, links=()):
    data = clinic_settings_form(ClinicSettings.objects.get())
    data.update(nested_form_data({"opening_hours": streamfield(hours), "social_links": streamfield(list(links))}))
    return client.post(url, data)


def footer(client, path="/blog/"):
    return BeautifulSoup(client.get(path).content, "html.parser").find("footer")


def test_saved_hours_and_links_show_on_every_page(client, settings_url):
    assert client.get(settings_url).status_code == 200
    hours = week(Sa=day("Sa", "09:00", "14:00"))
    links = [("link", {"network": "TikTok", "url": "https://www.tiktok.com/@ellemes.example"})]
    assert save(client, settings_url, hours, links).status_code == 302

    clinic = ClinicSettings.objects.get()
    assert [str(day) for day in clinic.hours][5:] == ["Saturday: 09:00–14:00", "Sunday: closed"]
    text = footer(client).get_text(" ", strip=True)
    assert "Sat 9:00 AM – 2:00 PM" in text and "Sun Closed" in text
    assert [a["href"] for a in footer(client).select(".site-footer__links a")] == [
        "https://www.tiktok.com/@ellemes.example"
    ]


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        (day("Sa", "16:00", "10:00"), "Closing time must be after opening time."),
        (day("Sa", "10:00"), "Give opening and closing times, or tick “closed”."),
    ],
)
def test_a_day_that_makes_no_sense_is_refused_with_a_message_and_nothing_saved(client, settings_url, changed, message):
    before = [str(day) for day in ClinicSettings.objects.get().hours]
    response = save(client, settings_url, week(Sa=changed))
    assert response.status_code == 200
    # The admin's script shows a day's error beside it, from the form's data (JSON, non-ASCII escaped).
    html = response.content.decode()
    assert message in html or json.dumps(message)[1:-1] in html
    assert [str(day) for day in ClinicSettings.objects.get().hours] == before


def test_a_social_link_must_be_a_web_address(client, settings_url):
    before = [(link.network, link.url) for link in ClinicSettings.objects.get().links]
    response = save(client, settings_url, week(), [("link", {"network": "Instagram", "url": "not a link"})])
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    assert [(link.network, link.url) for link in ClinicSettings.objects.get().links] == before
