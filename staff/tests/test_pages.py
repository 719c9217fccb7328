"""What patients see: the team page, profiles, the booking button and the structured data."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ellemes import slots
from ellemes.factories import ImageFactory
from staff.models import StaffMemberPage

pytestmark = pytest.mark.usefixtures("the_team")


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def card_names(client):
    return [h2.get_text(strip=True) for h2 in soup(client.get("/staff/")).select(".staff-card h2")]


def json_ld(html):
    """The page's own structured data; the breadcrumbs' is tested with the shared include."""
    scripts = [json.loads(script.string) for script in html.find_all("script", type="application/ld+json")]
    return [data for data in scripts if data.get("@type") != "BreadcrumbList"]


@pytest.mark.django_db
class TestTeamPage:
    def test_lists_everyone_in_tree_order_with_license_and_role(self, client):
        html = soup(client.get("/staff/"))
        assert html.h1.get_text() == "Our Team"
        assert card_names(client) == [
            "Dr. Maya Okafor, MD",
            "Lauren Siso, Licensed Esthetician",
            "Jordan Reyes, Registered Nurse",
            "Priya Shah",
        ]
        lauren = html.find("a", href="/staff/lauren-siso/").find_parent("li")
        assert lauren.find(class_="staff-card__role").get_text() == "Medical Aesthetician"
        assert lauren.img["alt"] == "Portrait of Lauren Siso"

    def test_editors_reorder_by_moving_pages_in_the_tree(self, client):
        priya = StaffMemberPage.objects.get(slug="priya-shah")
        priya.move(StaffMemberPage.objects.get(slug="maya-okafor"), pos="left")
        assert card_names(client)[0] == "Priya Shah"

    def test_unpublished_and_restricted_staff_are_not_listed(self, client):
        StaffMemberPage.objects.get(slug="jordan-reyes").unpublish()
        assert "Jordan Reyes, Registered Nurse" not in card_names(client)
        assert client.get("/staff/jordan-reyes/").status_code == 404

    def test_team_in_the_clinic_structured_data(self, client):
        (data,) = json_ld(soup(client.get("/staff/")))
        assert data["@type"] == "MedicalBusiness"
        assert data["name"] == "ELLEMES Medical Spa"
        lauren = next(person for person in data["employee"] if person["name"] == "Lauren Siso")
        assert lauren["jobTitle"] == "Medical Aesthetician"
        assert lauren["url"].endswith("/staff/lauren-siso/")
        assert lauren["hasCredential"]["name"] == "Licensed Esthetician"

    def test_query_count_does_not_grow_with_the_team(self, client, add_member, django_assert_max_num_queries):
        def add(first, last):
            for n in range(first, last):
                photo = ImageFactory(title=f"Team portrait {n}", file__width=40, file__height=50)
                add_member(f"member-{n}", photo=photo, license_type="Registered Nurse")

        add(0, 3)
        client.get("/staff/")  # make the renditions once, as a first visitor would
        with CaptureQueriesContext(connection) as queries:
            client.get("/staff/")
        small_team = len(queries)  # now: the query log is cleared when the next request starts
        add(3, 20)
        client.get("/staff/")
        with django_assert_max_num_queries(small_team):
            assert len(card_names(client)) == 24


@pytest.mark.django_db
class TestProfile:
    def test_shows_who_they_are_and_what_they_do(self, client):
        html = soup(client.get("/staff/lauren-siso/"))
        assert html.h1.get_text() == "Lauren Siso, Licensed Esthetician"
        assert "Medical Aesthetician" in html.find(class_="staff-profile__role").get_text()
        assert html.find("img", class_="staff-profile__photo")["alt"] == "Portrait of Lauren Siso"
        figure = html.find("figure", class_="staff-profile__action")
        assert figure.figcaption.get_text() == "Lauren Siso performing dermaplaning treatment"
        assert figure.img["alt"]
        specialties = html.find("section", attrs={"aria-labelledby": "specialties-heading"})
        assert {"Dermaplaning", "Laser treatments"} <= {li.get_text() for li in specialties.find_all("li")}

    def test_the_title_search_engines_show_names_the_license_type(self, client, add_member):
        member = add_member("ana-cruz", title="Ana Cruz", role="Nurse Injector", license_type="Registered Nurse")
        title = soup(client.get(member.url)).title.get_text()
        assert title == "Ana Cruz, Registered Nurse — Nurse Injector | ELLEMES Medical Spa"

    def test_experience_counts_from_practicing_since(self, client):
        html = soup(client.get("/staff/lauren-siso/"))
        assert "years of experience" in html.find(class_="staff-profile__role").get_text()
        assert html.find("dt", string="Practicing since").find_next("dd").get_text() == "2013"

    def test_book_button_preselects_the_person_on_the_contact_form(self, client):
        button = soup(client.get("/staff/jordan-reyes/")).find("a", string="Book with Jordan Reyes")
        assert button["href"] == "/contact/?staff=jordan-reyes"

    def test_no_book_button_for_staff_who_do_not_take_bookings(self, client):
        assert not soup(client.get("/staff/priya-shah/")).find("a", string="Book with Priya Shah")

    def test_license_number_shown_only_when_ticked(self, client):
        maya = StaffMemberPage.objects.get(slug="maya-okafor")
        assert "GA license 071234" in soup(client.get(maya.url)).find("dl", class_="credentials").get_text()
        maya.show_license_number = False
        maya.save_revision().publish()
        html = client.get(maya.url).content.decode()
        assert "071234" not in html
        assert "MD" in soup(client.get(maya.url)).find("dl", class_="credentials").get_text()

    def test_supervising_physician_links_to_their_profile(self, client):
        credentials = soup(client.get("/staff/jordan-reyes/")).find("dl", class_="credentials")
        link = credentials.find("dt", string="Supervising physician").find_next("a")
        assert link.get_text() == "Dr. Maya Okafor, MD"
        assert link["href"] == "/staff/maya-okafor/"

    def test_unpublished_supervisor_is_not_linked(self, client):
        StaffMemberPage.objects.get(slug="maya-okafor").unpublish()
        html = soup(client.get("/staff/jordan-reyes/"))
        assert not html.find("dt", string="Supervising physician")

    def test_unlicensed_staff_say_so(self, client):
        credentials = soup(client.get("/staff/priya-shah/")).find("dl", class_="credentials")
        assert "not a clinical role" in credentials.get_text()

    def test_other_apps_add_sections_through_the_profile_slot(self, client, monkeypatch):
        seen = []

        def get_context(request, page):
            seen.append(page)
            return {"member": page, "caption": "Botox, explained"} if page.slug == "maya-okafor" else None

        # Any template will do: this stands in for the blog's “articles by …” section.
        monkeypatch.setitem(slots._providers, "staff_profile", [])
        slots.register("staff_profile", "staff/includes/spotlight_body.html", get_context)
        assert "Botox, explained" in client.get("/staff/maya-okafor/").content.decode()
        assert "Botox, explained" not in client.get("/staff/lauren-siso/").content.decode()
        assert [page.specific_class for page in seen] == [StaffMemberPage, StaffMemberPage]

    def test_person_structured_data(self, client):
        (data,) = json_ld(soup(client.get("/staff/maya-okafor/")))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "Person"
        assert data["name"] == "Dr. Maya Okafor"
        assert data["jobTitle"] == "Medical Director"
        assert data["url"].endswith("/staff/maya-okafor/")
        assert data["image"].startswith("http") and data["image"].endswith(".jpg")
        assert data["worksFor"]["@type"] == "MedicalBusiness"
        assert data["worksFor"]["name"] == "ELLEMES Medical Spa"
        assert data["worksFor"]["address"]["addressLocality"] == "Atlanta"
        assert data["hasCredential"] == {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "license",
            "name": "MD",
            "identifier": "071234",
            "recognizedBy": {
                "@type": "Organization",
                "name": "Georgia Composite Medical Board",
                "address": {"@type": "PostalAddress", "addressRegion": "GA", "addressCountry": "US"},
            },
        }
        assert {"Botox", "Chemical peels", "Dermal fillers"} <= set(data["knowsAbout"])

    @pytest.mark.parametrize(
        ("license_type", "board"),
        [
            ("Registered Nurse", "Georgia Board of Nursing"),
            ("M.D.", "Georgia Composite Medical Board"),
            ("Physician  Assistant", "Georgia Composite Medical Board"),
            ("Licensed Esthetician", "Georgia State Board of Cosmetology and Barbers"),
        ],
    )
    def test_the_license_is_recognized_by_the_state_board_as_an_organization(
        self, client, add_member, license_type, board
    ):
        member = add_member(
            "ana-cruz", license_type=license_type, license_number="X1", license_state="ga", show_license_number=True
        )
        (data,) = json_ld(soup(client.get(member.url)))
        recognized_by = data["hasCredential"]["recognizedBy"]
        assert recognized_by["@type"] == "Organization"
        assert recognized_by["name"] == board

    def test_no_board_is_guessed_for_other_states_or_unknown_licenses(self, client, add_member):
        for slug, license_type, state in [("ana", "Registered Nurse", "FL"), ("bo", "Laser Technician", "GA")]:
            member = add_member(
                slug, license_type=license_type, license_number="X1", license_state=state, show_license_number=True
            )
            (data,) = json_ld(soup(client.get(member.url)))
            assert data["hasCredential"]["identifier"] == "X1"
            assert "recognizedBy" not in data["hasCredential"]

    def test_structured_data_keeps_hidden_license_numbers_hidden(self, client, add_member):
        member = add_member("ana-cruz", license_type="Registered Nurse", license_number="RN998877", license_state="GA")
        (data,) = json_ld(soup(client.get(member.url)))
        assert data["hasCredential"]["name"] == "Registered Nurse"
        assert "RN998877" not in json.dumps(data)

    def test_structured_data_cannot_be_broken_out_of(self, client, add_member):
        member = add_member("ana-cruz", role="</script><script>alert(1)</script>")
        html = client.get(member.url).content.decode()
        assert "<script>alert(1)" not in html
        (data,) = json_ld(BeautifulSoup(html, "html.parser"))
        assert data["jobTitle"] == "</script><script>alert(1)</script>"


@pytest.mark.django_db
class TestSearchResults:
    def search_titles(self, client, query):
        html = soup(client.get("/search/", {"q": query}))
        return [link.get_text() for link in html.select(".search-result h2 a")]

    def test_staff_are_found_with_their_license_type_and_role(self, client, add_member):
        add_member("ana-quillfeather", title="Ana Quillfeather", role="Nurse Injector", license_type="Registered Nurse")
        assert self.search_titles(client, "Quillfeather") == ["Ana Quillfeather, Registered Nurse — Nurse Injector"]

    def test_staff_without_a_license_are_found_without_one(self, client, add_member):
        add_member("bo-quillfeather", title="Bo Quillfeather", role="Patient Care Coordinator")
        assert self.search_titles(client, "Quillfeather") == ["Bo Quillfeather — Patient Care Coordinator"]

    def test_names_in_results_are_escaped(self, client, add_member):
        add_member("cy-quillfeather", title="Cy <b>Quillfeather</b>", license_type="<i>RN</i>")
        html = client.get("/search/", {"q": "Quillfeather"}).content.decode()
        assert "<b>Quillfeather</b>" not in html
        assert "Cy &lt;b&gt;Quillfeather&lt;/b&gt;, &lt;i&gt;RN&lt;/i&gt; — Aesthetician" in html


@pytest.mark.django_db
class TestAdmin:
    def test_editors_can_add_staff_under_the_team_page(self, admin_client, team):
        response = admin_client.get(f"/admin/pages/add/staff/staffmemberpage/{team.pk}/")
        assert response.status_code == 200
        for field in ["license_type", "show_license_number", "supervising_physician", "specialties"]:
            assert f'name="{field}"' in response.content.decode()

    def test_spotlight_setting_is_editable(self, admin_client):
        response = admin_client.get("/admin/settings/staff/staffsettings/", follow=True)
        assert response.status_code == 200
        assert 'name="spotlight"' in response.content.decode()
