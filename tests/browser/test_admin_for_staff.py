"""The admin in a real browser, as staff use it: the clinic's sign-in page, a working avatar, and choosing
an image in the page editor without a JavaScript error."""

import pytest
from PIL import Image

from tests.browser.conftest import sign_in_to_admin
from tests.browser.test_admin_csp import page_ids

pytestmark = pytest.mark.browser


@pytest.fixture
def staff_page(browser, site_url):
    """A signed-in admin tab that records every console error and uncaught exception in `page.errors`."""
    context = browser.new_context(base_url=site_url, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    sign_in_to_admin(page)
    yield page
    context.close()


def loaded(image):
    return image.evaluate("img => img.complete && img.naturalWidth > 0")


def test_the_sign_in_page_shows_the_clinics_wordmark(page):
    page.goto("/admin/login/")
    assert page.locator("h1").inner_text() == "ELLEMES staff sign in"
    assert loaded(page.locator(".login-logo img"))


def test_the_sidebar_shows_the_clinics_logo_and_a_working_avatar(staff_page):
    staff_page.goto("/admin/")
    staff_page.wait_for_load_state("networkidle")
    logo = staff_page.locator("#wagtail-sidebar img[src$='favicon.svg']").first
    logo.wait_for()
    assert loaded(logo)
    avatar = staff_page.locator("#wagtail-sidebar .avatar img").first
    avatar.wait_for(state="attached")
    assert loaded(avatar)
    assert staff_page.errors == []


def open_image_chooser(page, site_workdir):
    """The special's editor, and the chooser of its image opened from the image's “Actions” menu."""
    page.goto(f"/admin/pages/{page_ids(site_workdir)['specials.specialpage']}/edit/")
    page.wait_for_selector("[data-edit-form]")
    page.wait_for_load_state("networkidle")
    chooser = page.locator("#id_image-chooser")
    chooser.get_by_role("button", name="Actions").click()
    chooser.get_by_role("button", name="Change image").click()
    page.locator(".modal-content [data-chooser-modal-choice]").first.wait_for(timeout=15_000)
    page.wait_for_load_state("networkidle")
    return chooser


def test_choosing_an_image_in_the_page_editor_raises_no_error(staff_page, site_workdir):
    chooser = open_image_chooser(staff_page, site_workdir)
    before = chooser.locator("[data-chooser-title]").inner_text()
    choice = staff_page.locator(".modal-content [data-chooser-modal-choice]")
    others = choice.filter(has_not_text=before)
    others.first.click()
    staff_page.locator(".modal-content").wait_for(state="detached", timeout=15_000)
    assert chooser.locator("[data-chooser-title]").inner_text() != before
    staff_page.wait_for_load_state("networkidle")
    assert staff_page.errors == []


def test_uploading_an_image_again_in_the_chooser_raises_no_error(staff_page, site_workdir, tmp_path):
    """The second upload of the same photo is a duplicate: Wagtail shows both, and its tabs keep working."""
    photo = tmp_path / "treatment-room.png"
    Image.new("RGB", (640, 480), (107, 39, 72)).save(photo)
    modal = staff_page.locator(".modal-content")
    for upload in ("first", "again"):
        chooser = open_image_chooser(staff_page, site_workdir)
        modal.get_by_role("tab", name="Upload").click()
        modal.locator("input[type=file]").set_input_files(photo)
        # Wagtail fills the title from the file name.
        title = modal.get_by_role("textbox", name="Title")
        staff_page.wait_for_function("el => el.value === 'treatment-room'", arg=title.element_handle())
        modal.get_by_role("textbox", name="Alt text").fill("The treatment room")
        modal.get_by_role("button", name="Upload").click()
        if upload == "again":
            modal.locator(".duplicate-upload").wait_for(timeout=15_000)
            modal.get_by_role("tab", name="Search").click()
            modal.get_by_role("tab", name="Upload").click()
            modal.get_by_role("link", name="Use existing and delete new").click()
        modal.wait_for(state="detached", timeout=15_000)
        assert chooser.locator("[data-chooser-title]").inner_text() == "treatment-room"
    staff_page.wait_for_load_state("networkidle")
    assert staff_page.errors == []
