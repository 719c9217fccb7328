"""A patient's way from the home page to a sent inquiry, with the mouse and with the keyboard alone."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    # Evaluated by the browser's automation channel, which the page's Content-Security-Policy does not
    # govern: the site forbids inline scripts, and axe's own code is not the site's.
    page.evaluate(AXE_SCRIPT.read_text())
    found = page.evaluate("tags => axe.run({runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)["violations"]
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} elements)" for v in found]


def test_from_an_article_to_a_sent_inquiry_for_a_special(page):
    page.goto("/")
    page.locator(".home-articles .card").first.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/blog/[\w-]+/$"))
    expect(page.locator("main h1")).to_be_visible()

    bar = page.get_by_role("complementary", name="Current special")
    bar.get_by_role("link", name="See All Specials").click()
    page.wait_for_url("**/specials/")
    special_link = page.locator("main").get_by_role("link", name="Eye Treatment Promos").first
    special_link.click()
    page.wait_for_url("**/specials/eye-treatment-promos/")
    page.get_by_role("link", name="Book this special").click()
    page.wait_for_url("**/contact/?special=eye-treatment-promos")
    expect(page.get_by_label("Special", exact=True)).to_have_value("eye-treatment-promos")
    assert "Eye Treatment Promos" in page.get_by_label("Special", exact=True).locator("option:checked").inner_text()

    page.locator("#id_name").fill("Amélie Brown")
    page.locator("#id_email").fill("amelie@example.com")
    page.get_by_role("radio", name="Phone").check()  # the "Phone" contact method, but no number given
    page.get_by_label("How can we help you?").select_option(label="Claim a special")
    page.locator("#id_message").fill("I would like to book the eye treatment offer, ideally on a Saturday.")
    page.get_by_label("I agree that ELLEMES Medical Spa may contact me about this inquiry").check()
    page.get_by_role("button", name="Send inquiry").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    phone = page.locator("#id_phone")
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_message")).to_have_value(re.compile("Saturday"))
    expect(page.locator("#id_name")).to_have_value("Amélie Brown")

    phone.fill("(404) 555-0177")
    page.wait_for_timeout(3200)  # a person takes a few seconds; faster answers look automated
    page.get_by_role("button", name="Send inquiry").click()
    page.wait_for_url("**/contact/thank-you/**")
    expect(page.locator("main")).to_contain_text(re.compile(r"reference", re.IGNORECASE))


def test_keyboard_alone_reaches_the_navigation_and_sends_the_form(page):
    page.goto("/")
    focus_order = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate("(document.activeElement.textContent || document.activeElement.name).trim()")
        focus_order.append(focused)
        if focused == "Menu" and not page.get_by_role("navigation", name="Main").is_visible():
            page.keyboard.press("Enter")  # on a phone the menu opens from its button
    for expected in ["Skip to main content", "Treatments", "Blog", "Specials", "Our Team", "Contact"]:
        assert expected in focus_order, focus_order

    page.goto("/contact/")
    page.locator("#id_name").focus()
    page.keyboard.type("Kofi Mensah")
    page.keyboard.press("Tab")
    page.keyboard.type("kofi@example.com")
    page.get_by_label("How can we help you?").focus()
    page.keyboard.press("ArrowDown")  # the first choice: a treatment question
    page.locator("#id_message").focus()
    page.keyboard.type("Do you offer evening appointments for laser hair removal?")
    page.get_by_label("I agree that ELLEMES Medical Spa may contact me about this inquiry").focus()
    page.keyboard.press("Space")
    page.wait_for_timeout(3200)
    page.get_by_role("button", name="Send inquiry").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/contact/thank-you/"))


PAGES = [
    "/",
    "/blog/",
    "/blog/botox-for-facial-symmetry/",
    "/specials/",
    "/specials/eye-treatment-promos/",
    "/staff/",
    "/staff/lauren-siso/",
    "/contact/",
    "/search/?q=botox",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations(page, path):
    if not AXE_SCRIPT.exists():
        pytest.skip("axe-core is not installed (cd bench && npm ci --ignore-scripts); accessibility audit skipped.")
    page.goto(path)
    assert axe_violations(page) == []


def test_no_accessibility_violations_on_a_form_with_errors(page):
    if not AXE_SCRIPT.exists():
        pytest.skip("axe-core is not installed (cd bench && npm ci --ignore-scripts); accessibility audit skipped.")
    page.goto("/contact/")
    page.locator("#id_name").fill("Test")
    page.locator("#id_email").fill("test@example.com")
    page.get_by_role("radio", name="Phone").check()
    page.locator("#id_message").fill("Hello")
    page.get_by_label("I agree that ELLEMES Medical Spa may contact me about this inquiry").check()
    page.get_by_role("button", name="Send inquiry").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []
