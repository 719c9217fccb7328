"""The inquiry form: its contract with patients, its spam layers and every kind of bad input."""

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contact.models import Inquiry
from contact.protection import new_form_token
from contact.tests.conftest import form_token, valid_data
from staff.factories import StaffMemberPageFactory
from treatments.factories import TreatmentPageFactory

pytestmark = pytest.mark.usefixtures("contact_page")

LABELS = [
    "Name",
    "Email",
    "Phone",
    "Preferred contact method",
    "How can we help you?",
    "Treatment of interest",
    "Special",
    "Preferred staff member",
    "Message",
    "I agree that ELLEMES Medical Spa may contact me about this inquiry",
]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def post(client, **overrides):
    return client.post("/contact/", valid_data(**overrides))


def field_error(response, name):
    error = soup(response).find(id=f"id_{name}_error")
    return error.get_text(" ", strip=True) if error else None


@pytest.mark.django_db
class TestFormPage:
    def test_labels_are_exactly_as_agreed(self, client):
        html = soup(client.get("/contact/"))
        form = html.find("form", id="inquiry-form")
        texts = [
            " ".join(element.get_text(" ", strip=True).replace("*", "").split())
            for element in form.find_all(["label", "legend"])
        ]
        for label in LABELS:
            assert label in texts, label

    def test_every_field_has_a_label(self, client):
        form = soup(client.get("/contact/")).find("form", id="inquiry-form")
        for control in form.find_all(["input", "select", "textarea"]):
            if control.get("type") in ("hidden", "radio"):
                continue
            assert form.find("label", attrs={"for": control["id"]}), control["name"]

    def test_health_notice_sits_right_above_the_message(self, client):
        form = soup(client.get("/contact/")).find("form", id="inquiry-form")
        notice = form.find(class_="notice")
        assert "do not include medical history" in notice.get_text()
        assert notice.find_next("textarea")["name"] == "message"
        assert notice.find_next(["input", "select", "textarea"], attrs={"name": True})["name"] == "message"

    def test_character_count_is_a_deferred_enhancement(self, client):
        html = soup(client.get("/contact/"))
        script = html.find("script", src="/static/contact/character-count.js")
        assert script.has_attr("defer")
        textarea = html.find("textarea", attrs={"name": "message"})
        assert textarea["maxlength"] == "2000"
        assert not html.find_all("script", src=False, type=lambda t: t != "application/ld+json")

    def test_special_and_staff_member_are_preselected_from_the_address(self, client, running_special, staff_member):
        html = soup(client.get("/contact/?special=bright-eyes-week&staff=dana-reyes"))
        assert html.find("select", attrs={"name": "special"}).find("option", selected=True)["value"] == (
            "bright-eyes-week"
        )
        assert html.find("select", attrs={"name": "staff_member"}).find("option", selected=True)["value"] == (
            "dana-reyes"
        )
        assert html.find("select", attrs={"name": "inquiry_type"}).find("option", selected=True)["value"] == "special"

    def test_staff_choices_name_the_license_type_and_role(self, client):
        StaffMemberPageFactory(title="Ana Cruz", role="Nurse Injector", license_type="Registered Nurse")
        StaffMemberPageFactory(title="Bo Kim", role="Patient Care Coordinator", license_type="")
        select = soup(client.get("/contact/")).find("select", attrs={"name": "staff_member"})
        labels = {option["value"]: option.get_text() for option in select.find_all("option")}
        assert labels["ana-cruz"] == "Ana Cruz, Registered Nurse — Nurse Injector"
        assert labels["bo-kim"] == "Bo Kim — Patient Care Coordinator"

    def test_unknown_or_ended_specials_and_staff_are_ignored(self, client, ended_special):
        for query in ["?special=summer-glow", "?special=nope&staff=nobody", "?special=%00%3Cx%3E&staff[]=1"]:
            response = client.get(f"/contact/{query}")
            assert response.status_code == 200
            select = soup(response).find("select", attrs={"name": "special"})
            assert select.find("option", selected=True)["value"] == ""
            assert "summer-glow" not in str(select)

    def test_claiming_a_special_saves_it_with_the_inquiry(self, client, running_special, staff_member, treatments):
        post(client, inquiry_type="special", special="bright-eyes-week", staff_member="dana-reyes", treatment="botox")
        inquiry = Inquiry.objects.get()
        assert inquiry.special.specific == running_special
        assert inquiry.staff_member.specific == staff_member
        assert inquiry.treatment.slug == "botox"

    def test_treatments_offered_are_the_published_catalog_named_as_their_pages(self, client, treatments):
        draft = TreatmentPageFactory(
            parent=treatments[0].page.get_parent(), title="Trial laser", slug="trial-laser", live=False
        )
        response = client.get("/contact/?treatment=botox")
        select = soup(response).find("select", attrs={"name": "treatment"})
        options = {option["value"]: option.get_text() for option in select.find_all("option")}
        assert options == {"": "No particular treatment", "botox": "Botox® Cosmetic", "dermaplaning": "Dermaplaning"}
        assert select.find("option", selected=True)["value"] == "botox"
        # A treatment not yet published is neither listed, preselected nor accepted.
        assert client.get(f"/contact/?treatment={draft.treatment.slug}").status_code == 200
        response = post(client, treatment=draft.treatment.slug)
        assert "Select a valid choice" in field_error(response, "treatment")
        assert not Inquiry.objects.exists()


@pytest.mark.django_db
class TestValidation:
    def test_missing_fields_are_listed_in_a_summary_linking_to_them(self, client):
        response = client.post("/contact/", {"form_token": form_token()})
        assert response.status_code == 200
        html = soup(response)
        summary = html.find(class_="error-summary")
        links = {a["href"] for a in summary.find_all("a")}
        assert {"#id_name", "#id_email", "#id_inquiry_type", "#id_message", "#id_consent"} <= links
        assert "#id_contact_method_0" in links
        name = html.find("input", attrs={"name": "name"})
        assert name["aria-invalid"] == "true"
        assert "id_name_error" in name["aria-describedby"].split()
        assert html.find(id="id_name_error")
        assert Inquiry.objects.count() == 0

    def test_what_the_patient_typed_is_kept(self, client):
        response = post(client, email="not-an-email", name="José Álvarez", message="Hello there")
        html = soup(response)
        assert html.find("input", attrs={"name": "name"})["value"] == "José Álvarez"
        assert html.find("textarea", attrs={"name": "message"}).get_text().strip() == "Hello there"
        assert field_error(response, "email")

    def test_invalid_email(self, client):
        response = post(client, email="maria@")
        assert field_error(response, "email")
        assert Inquiry.objects.count() == 0

    @pytest.mark.parametrize("phone", ["12345", "call me maybe", "+1 (404) 555-0142 ext. 7", "1" * 21])
    def test_invalid_phone(self, client, phone):
        assert "7 to 20 digits" in field_error(post(client, phone=phone), "phone")

    def test_phone_is_required_when_preferred(self, client):
        assert "phone number" in field_error(post(client, contact_method="phone", phone=""), "phone")
        post(client, contact_method="phone", phone="+1 (404) 555-0142")
        assert Inquiry.objects.get().phone == "+1 (404) 555-0142"

    def test_a_10000_character_message_is_refused_and_kept(self, client):
        response = post(client, message="a" * 10_000)
        assert response.status_code == 200
        assert "at most 2000 characters" in field_error(response, "message")
        assert Inquiry.objects.count() == 0

    def test_line_breaks_count_once(self, client):
        post(client, message="a\r\n" * 999 + "b")
        assert Inquiry.objects.get().message.count("\n") == 999

    def test_nul_byte_is_refused(self, client):
        response = post(client, message="hello\x00world")
        assert response.status_code == 200
        assert field_error(response, "message")
        assert Inquiry.objects.count() == 0

    def test_newline_in_the_name_is_refused(self, client):
        response = post(client, name="Maria\r\nBcc: victim@example.com")
        assert "one line" in field_error(response, "name")
        assert Inquiry.objects.count() == 0

    def test_names_in_other_scripts_and_emoji(self, client):
        for name in ["李小龍", "Zoë Ñúñez", "Ólafur 🌸", "محمد"]:
            assert post(client, name=name).status_code == 302
        assert set(Inquiry.objects.values_list("name", flat=True)) == {"李小龍", "Zoë Ñúñez", "Ólafur 🌸", "محمد"}

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("inquiry_type", "free-botox"),
            ("contact_method", "carrier-pigeon"),
            ("treatment", "no-such-treatment"),
            ("special", "summer-glow"),
            ("staff_member", "999"),
        ],
    )
    def test_tampered_choice_values(self, client, ended_special, field, value):
        response = post(client, **{field: value})
        assert response.status_code == 200
        assert "valid choice" in field_error(response, field)
        assert Inquiry.objects.count() == 0

    def test_script_in_every_field_is_stored_as_text_and_escaped(self, client):
        script = "<script>alert(1)</script>"
        response = post(client, name=script, email="bad<script>@example.com", phone=script, message=script)
        assert response.status_code == 200
        body = response.content.decode()
        assert script not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body

    def test_oversized_request_body_is_a_clean_400(self, client, settings):
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
        response = post(client, message="x" * 20_000)
        assert response.status_code == 400
        assert Inquiry.objects.count() == 0


@pytest.mark.django_db
class TestSpam:
    def quarantined(self):
        inquiry = Inquiry.objects.get()
        assert inquiry.is_spam
        assert inquiry.notice_status == inquiry.acknowledgement_status == Inquiry.Notification.QUARANTINED
        return inquiry

    def test_honeypot_sends_to_quarantine_and_shows_the_normal_thank_you(self, client):
        from django_tasks_db.models import DBTaskResult

        response = post(client, website="http://spam.example")
        assert response["Location"].startswith("/contact/thank-you/?sent=")
        assert "honeypot" in self.quarantined().spam_reason
        assert not DBTaskResult.objects.filter(task_path="contact.tasks.send_inquiry_notification").exists()
        assert client.get(response["Location"]).status_code == 200

    def test_a_form_sent_back_too_fast_is_suspicious(self, client):
        post(client, form_token=form_token(age=1))
        assert "seconds after" in self.quarantined().spam_reason

    def test_a_form_older_than_a_day_is_suspicious(self, client):
        post(client, form_token=form_token(age=25 * 3600))
        assert "24 hours" in self.quarantined().spam_reason

    def test_a_missing_or_forged_token_is_suspicious(self, client):
        post(client, form_token="forged:token")
        assert "form token" in self.quarantined().spam_reason

    def test_the_real_form_filled_in_by_a_person_passes(self, client):
        with time_machine.travel(timezone.now(), tick=False) as clock:
            token = soup(client.get("/contact/")).find("input", attrs={"name": "form_token"})["value"]
            clock.shift(20)
            post(client, form_token=token)
        assert not Inquiry.objects.get().is_spam

    @pytest.mark.parametrize(
        "message",
        [
            "Visit http://a.example http://b.example and http://c.example now",
            "We offer cheap SEO services for your clinic",
            "Invest in crypto today",
        ],
    )
    def test_links_and_keywords(self, client, message):
        post(client, message=message)
        assert self.quarantined().spam_reason

    def test_one_link_in_a_real_message_is_fine(self, client):
        post(client, message="I saw your post at https://instagram.com/ellemes, is that offer still on?")
        assert not Inquiry.objects.get().is_spam

    def test_sixth_inquiry_in_an_hour_gets_a_friendly_429(self, client, settings):
        for number in range(5):
            assert post(client, name=f"Patient {number}").status_code == 302
        response = post(client, name="Patient 6")
        assert response.status_code == 429
        assert int(response["Retry-After"]) <= 3600
        assert "try again" in response.content.decode()
        assert Inquiry.objects.count() == 5

    def test_rate_limit_is_per_address(self, client):
        for number in range(5):
            post(client, name=f"Patient {number}")
        other = client.post("/contact/", valid_data(), REMOTE_ADDR="198.51.100.7")
        assert other.status_code == 302

    def test_rate_limit_ends_with_the_hour(self, client):
        with time_machine.travel(timezone.now(), tick=False) as clock:
            for number in range(5):
                post(client, name=f"Patient {number}", form_token=new_token_aged(60))
            assert post(client, form_token=new_token_aged(60)).status_code == 429
            clock.shift(3601)
            assert post(client, form_token=new_token_aged(60)).status_code == 302


def new_token_aged(seconds):
    with time_machine.travel(timezone.now() - timezone.timedelta(seconds=seconds), tick=False):
        return new_form_token()


@pytest.mark.django_db
def test_nul_bytes_in_choice_values_are_refused(client):
    response = client.post("/contact/", valid_data(special="bright\x00eyes", treatment="\x00"))
    assert response.status_code == 200
    assert Inquiry.objects.count() == 0


def visible_fields(response):
    """The form without its per-view tokens: what every visitor of the same address sees."""
    form = soup(response).find("form", id="inquiry-form")
    for token in form.find_all("input", attrs={"name": ["csrfmiddlewaretoken", "form_token"]}):
        token.decompose()
    return str(form)


def selected(response, name):
    return soup(response).find("select", attrs={"name": name}).find("option", selected=True)["value"]


@pytest.mark.django_db
class TestEmptyFormKeptBetweenViews:
    """An empty form's fields are kept like the layout: the next visitor's view reads no choices, and still
    shows what their address preselects, what was published since, and nothing of anyone's sent-back form."""

    def test_a_repeat_view_reads_no_choices_and_shows_the_same_fields(
        self, client, django_assert_max_num_queries, treatments, running_special, staff_member
    ):
        for _ in range(2):  # the shared layout is kept from here on (the first view makes the images' renditions)
            client.get("/contact/?treatment=botox")
        with CaptureQueriesContext(connection) as first_view:
            first = client.get("/contact/")
        with django_assert_max_num_queries(len(first_view) - 3):  # the treatments, specials and staff
            second = client.get("/contact/")
        assert visible_fields(second) == visible_fields(first)
        assert "Botox® Cosmetic" in visible_fields(second) and "Bright Eyes Week" in visible_fields(second)

    def test_each_address_keeps_its_own_preselection(self, client, treatments, running_special):
        assert selected(client.get("/contact/"), "treatment") == ""
        assert selected(client.get("/contact/?treatment=botox"), "treatment") == "botox"
        assert selected(client.get("/contact/?treatment=dermaplaning"), "treatment") == "dermaplaning"
        assert selected(client.get("/contact/"), "treatment") == ""
        special = client.get("/contact/?special=bright-eyes-week")
        assert (selected(special, "special"), selected(special, "inquiry_type")) == ("bright-eyes-week", "special")
        assert selected(client.get("/contact/?treatment=botox"), "inquiry_type") == "consultation"

    def test_a_treatment_published_since_is_offered_at_the_next_view(self, client, treatments):
        assert "Chemical peel" not in visible_fields(client.get("/contact/"))
        peel = TreatmentPageFactory(
            parent=treatments[0].page.get_parent(), title="Chemical peel", slug="chemical-peel", live=False
        )
        peel.save_revision().publish()
        assert "Chemical peel" in visible_fields(client.get("/contact/"))

    def test_a_form_sent_back_with_errors_is_shown_to_its_sender_only(self, client):
        sent_back = post(client, name="Maria Lopez", email="not-an-email")
        assert "Maria Lopez" in visible_fields(sent_back)
        assert field_error(sent_back, "email")
        fresh = client.get("/contact/")
        assert "Maria Lopez" not in visible_fields(fresh)
        assert field_error(fresh, "email") is None
        assert "Ana Silva" in visible_fields(post(client, name="Ana Silva", email="also-not-an-email"))
