"""Booking buttons with and without online booking; specials, staff and the inquiry form hanging from treatments."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils.timezone import localdate

from specials.models import SpecialPage, SpecialsIndexPage
from treatments.tests.conftest import staff_member

BOOKING = "https://www.vagaro.com/ellemes"


@pytest.fixture
def provider(catalog):
    return staff_member("nurse-nadia", title="Nadia Nurse", treatments=[catalog["treatment"].treatment])


@pytest.fixture
def online(clinic):
    clinic.booking_url = BOOKING
    clinic.save()
    return clinic


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_without_online_booking_book_opens_the_inquiry_form_with_the_treatment(client, catalog, provider):
    tag = catalog["treatment"].treatment.slug
    html = page_html(client, catalog["treatment"])
    assert f'<a class="button" href="/contact/?treatment={tag}">Book Neuromodulator</a>' in html
    assert f'href="/contact/?treatment={tag}&amp;staff=nurse-nadia">Book with Nadia Nurse</a>' in html
    assert "online" not in html.split('class="treatment__facts"')[1].split("</aside>")[0]
    assert '<a class="button site-header__book" href="/contact/">Book<span' in html


def test_with_online_booking_the_buttons_lead_there_in_the_same_tab(client, catalog, provider, online):
    html = page_html(client, catalog["treatment"])
    assert f'<a class="button" href="{BOOKING}">Book Neuromodulator online at vagaro.com</a>' in html
    assert f'<a href="{BOOKING}">Book with Nadia Nurse online at vagaro.com</a>' in html
    assert 'target="_blank"' not in html
    assert (
        f'<a class="button site-header__book" href="{BOOKING}">Book online<span class="visually-hidden"> at vagaro.com'
        in html
    )


def test_deep_links_win_over_the_clinics_link(client, catalog, provider, online):
    treatment = catalog["treatment"]
    treatment.booking_url = "https://www.vagaro.com/ellemes/services/neuromodulator"
    treatment.save_revision().publish()
    provider.booking_url = "https://www.vagaro.com/ellemes/staff/nadia"
    provider.save_revision().publish()
    html = page_html(client, treatment)
    assert 'href="https://www.vagaro.com/ellemes/services/neuromodulator">Book Neuromodulator online' in html
    assert 'href="https://www.vagaro.com/ellemes/staff/nadia">Book with Nadia Nurse online' in html
    assert 'href="https://www.vagaro.com/ellemes/staff/nadia">Book with Nadia Nurse online' in page_html(
        client, provider
    )


def test_deep_links_alone_do_not_switch_online_booking_on(client, catalog):
    treatment = catalog["treatment"]
    treatment.booking_url = "https://www.vagaro.com/ellemes/services/neuromodulator"
    treatment.save_revision().publish()
    assert "vagaro" not in page_html(client, treatment)


@pytest.mark.parametrize("url", ["http://www.vagaro.com/ellemes", "ftp://example.com/book"])
def test_booking_links_must_be_https(clinic, catalog, provider, url):
    clinic.booking_url = url
    with pytest.raises(ValidationError) as caught:
        clinic.full_clean()
    assert caught.value.message_dict["booking_url"][-1] == "Use a secure link that starts with https://."
    catalog["treatment"].booking_url = url
    with pytest.raises(ValidationError) as caught:
        catalog["treatment"].full_clean()
    assert "https://" in caught.value.message_dict["booking_url"][-1]
    provider.booking_url = url
    with pytest.raises(ValidationError) as caught:
        provider.full_clean()
    assert "https://" in caught.value.message_dict["booking_url"][-1]


def test_the_inquiry_form_opens_with_the_treatment_and_provider_chosen(client, catalog, provider):
    tag = catalog["treatment"].treatment
    html = client.get(f"/contact/?treatment={tag.slug}&staff=nurse-nadia").content.decode()
    assert f'<option value="{tag.slug}" selected>' in html
    assert '<option value="nurse-nadia" selected>' in html
    assert '<option value="consultation" selected>' in html
    response = client.get("/contact/?treatment=%3Cscript%3E")
    assert response.status_code == 200
    html = response.content.decode()
    treatment_select = html.split('name="treatment"')[1].split("</select>")[0]
    assert "&lt;script" not in html and '<script>"' not in html
    assert treatment_select.count(" selected>") == 1 and '<option value="" selected>' in treatment_select


def test_staff_profiles_link_the_treatments_they_perform(client, catalog, provider):
    html = page_html(client, provider)
    assert f'<a href="{catalog["treatment"].url}">{catalog["treatment"].treatment.name}</a>' in html


@pytest.fixture
def special(catalog):
    index = SpecialsIndexPage.objects.first()
    today = localdate()
    special = SpecialPage(
        title="Neuromodulator week",
        slug="neuromodulator-week",
        campaign="Spring",
        bar_label="Neuromodulator week",
        summary="Less for a week.",
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=6),
        special_price=Decimal("550"),
    )
    index.add_child(instance=special)
    special.treatments.set([catalog["treatment"].treatment])
    special.save_revision().publish()
    return special


def test_a_special_shows_the_treatments_price_struck_through(client, catalog, special):
    treatment = catalog["treatment"]
    price = treatment.prices.get()
    price.kind, price.amount = "exact", Decimal("650")
    price.save()
    special = SpecialPage.objects.get(pk=special.pk)
    assert special.shown_regular_price == Decimal("650")
    html = page_html(client, special)
    assert '<strong class="special-price__now">$550</strong>' in html
    assert '<s class="special-price__was">$650</s>' in html
    assert f'<a href="{treatment.url}">' in html
    # …and it appears on the treatment's page while it runs.
    treatment_html = page_html(client, treatment)
    assert "Neuromodulator week" in treatment_html and '<s class="special-price__was">$650</s>' in treatment_html


def test_a_from_price_is_no_regular_price(catalog, special):
    assert SpecialPage.objects.get(pk=special.pk).shown_regular_price is None  # “from $12 per unit”


def test_an_ended_special_leaves_the_treatment_page(client, catalog, special):
    special.starts_on = special.ends_on = localdate() - datetime.timedelta(days=3)
    special.save_revision().publish()
    assert "Neuromodulator week" not in page_html(client, catalog["treatment"])


def test_a_special_price_above_the_treatments_price_is_refused(catalog, special):
    price = catalog["treatment"].prices.get()
    price.kind, price.amount = "exact", Decimal("500")
    price.save()
    special = SpecialPage.objects.get(pk=special.pk)
    with pytest.raises(ValidationError) as caught:
        special.clean()
    assert "lower than the treatment’s price ($500.00)" in caught.value.message_dict["special_price"][0]
