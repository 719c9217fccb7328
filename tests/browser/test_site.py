"""What a patient does in a real browser."""

import pytest

from tests.browser.test_layout import open_menu

pytestmark = pytest.mark.browser


def test_home_page_links_to_every_section(page):
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    for name, url in [
        ("Blog", "/blog/"),
        ("Specials", "/specials/"),
        ("Our Team", "/staff/"),
        ("Contact", "/contact/"),
    ]:
        open_menu(page)  # on a phone the menu opens from its button
        nav.get_by_role("link", name=name).click()
        page.wait_for_url(f"**{url}")
        page.go_back()


def test_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
