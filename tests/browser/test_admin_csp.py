"""Wagtail's editor works under the admin's Content-Security-Policy: every page type's editor, no violation."""

import sqlite3

import pytest

from tests.browser.conftest import sign_in_to_admin

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "ellemes.homepage",
    "blog.blogindexpage",
    "blog.articlepage",
    "specials.specialsindexpage",
    "specials.specialpage",
    "staff.staffindexpage",
    "staff.staffmemberpage",
    "contact.contactpage",
]
COLLECT_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}`);
});
"""


def page_ids(site_workdir):
    """One page of each type in the served site's database: {"app.model": id}."""
    with sqlite3.connect(site_workdir / "site.sqlite3") as database:
        rows = database.execute(
            "SELECT ct.app_label || '.' || ct.model, MIN(page.id) FROM wagtailcore_page AS page "
            "JOIN django_content_type AS ct ON ct.id = page.content_type_id GROUP BY ct.app_label, ct.model"
        ).fetchall()
    return dict(rows)


@pytest.fixture
def admin_page(browser, site_url):
    context = browser.new_context(base_url=site_url, viewport={"width": 1366, "height": 900})
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    sign_in_to_admin(page)
    yield page
    context.close()


def violations(page):
    return page.evaluate("window.__violations")


def test_the_dashboard_runs_without_a_policy_violation(admin_page):
    admin_page.goto("/admin/")
    admin_page.wait_for_load_state("networkidle")
    found = violations(admin_page)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_editor_runs_without_a_policy_violation(admin_page, site_workdir, page_type):
    page_id = page_ids(site_workdir)[page_type]
    admin_page.goto(f"/admin/pages/{page_id}/edit/")
    admin_page.wait_for_selector("[data-edit-form]")
    admin_page.wait_for_load_state("networkidle")
    found = violations(admin_page)
    assert found == [], "\n".join(found)


def test_streamfield_date_picker_image_chooser_and_inline_panels(admin_page, site_workdir):
    admin_page.goto(f"/admin/pages/{page_ids(site_workdir)['blog.articlepage']}/edit/")
    admin_page.wait_for_selector("[data-edit-form]")
    # StreamField: add an image block.
    admin_page.locator("[data-contentpath=body] button[title='Insert a block']").last.click()
    admin_page.get_by_role("option", name="Image").first.click()
    # The date picker.
    admin_page.locator("#id_updated_on").click()
    admin_page.wait_for_selector(".xdsoft_datetimepicker >> visible=true")
    admin_page.keyboard.press("Escape")
    # An inline panel: add a related article.
    admin_page.get_by_role("button", name="Add related article").click()
    # The image chooser of the new block, opened in its modal.
    admin_page.get_by_role("button", name="Choose an image").last.click()
    admin_page.wait_for_selector(".modal-content [data-chooser-modal-search], .modal-content form", timeout=15_000)
    admin_page.wait_for_load_state("networkidle")
    found = violations(admin_page)
    assert found == [], "\n".join(found)


def test_the_live_preview_is_allowed_to_frame_the_page(admin_page, site_workdir):
    admin_page.goto(f"/admin/pages/{page_ids(site_workdir)['blog.articlepage']}/edit/")
    admin_page.get_by_role("button", name="Toggle preview").click()
    heading = admin_page.frame_locator("#w-preview-iframe").locator("h1").first
    heading.wait_for(state="attached", timeout=15_000)
    assert heading.text_content().strip()
    found = violations(admin_page)
    assert found == [], "\n".join(found)


def test_the_clinic_details_editor_lists_the_opening_hours_a_day_each(admin_page):
    admin_page.goto("/admin/settings/ellemes/clinicsettings/")
    weekdays = admin_page.locator("[data-contentpath='opening_hours'] select")
    weekdays.first.wait_for()
    assert weekdays.evaluate_all("selects => selects.map(select => select.value)") == [
        "Mo",
        "Tu",
        "We",
        "Th",
        "Fr",
        "Sa",
        "Su",
    ]
    admin_page.wait_for_load_state("networkidle")
    found = violations(admin_page)
    assert found == [], "\n".join(found)
