"""The look, measured in a real browser on the served demo: fit on small phones, tap targets, type, fonts,
layout shift, and the layout fixes (header, announcement bar, grids, articles, footer, form errors)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}

PAGES = [
    "/",
    "/blog/",
    "/blog/botox-for-facial-symmetry/",
    "/blog/dermaplaning-aftercare/",
    "/treatments/",
    "/treatments/injectables/botox/",
    "/specials/",
    "/specials/eye-treatment-promos/",
    "/staff/",
    "/staff/lauren-siso/",
    "/contact/",
    "/search/?q=botox",
]


@pytest.fixture
def open_page(browser, site_url):
    """`open_page(path, viewport, javascript=True)`: a fresh browser tab at `path`, closed after the test."""
    contexts = []

    def open_page(path, viewport=PHONE, javascript=True):
        context = browser.new_context(base_url=site_url, viewport=viewport, java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.goto(path, wait_until="load")
        return page

    yield open_page
    for context in contexts:
        context.close()


def open_menu(page):
    """Open the header's menu where it is folded away (phones); nothing to do on wide screens or when open."""
    nav = page.get_by_role("navigation", name="Main")
    if not nav.is_visible():
        page.locator(".site-menu__toggle").click()
    expect(nav).to_be_visible()


# The bars every page meets.


@pytest.mark.parametrize("path", PAGES)
def test_nothing_overflows_sideways_at_320_px(open_page, path):
    page = open_page(path, SMALL_PHONE)
    open_menu(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} is {overflow} px wider than a 320 px screen"


SMALL_TARGETS = """selector => [...document.querySelectorAll(selector)]
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
  .map(el => ({el, box: el.getBoundingClientRect()}))
  .filter(({box}) => box.width < 44 || box.height < 44)
  .map(({el, box}) => `${el.tagName.toLowerCase()} "${(el.textContent || el.name || '').trim()}" `
                      + `${Math.round(box.width)}×${Math.round(box.height)}`)"""
# The site's header (with its menu) and footer; an article's own <header> is text, its links inline.
TARGETS = ", ".join(
    f"{area} {control}"
    for area in (".site-header", ".site-footer")
    for control in ("a", "button", "summary", "input", "select")
)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["/", "/blog/botox-for-facial-symmetry/", "/contact/"])
def test_header_menu_and_footer_tap_targets_are_at_least_44_px(open_page, path, viewport):
    page = open_page(path, viewport)
    open_menu(page)
    assert page.evaluate(SMALL_TARGETS, TARGETS) == []


BODY_TEXT_SIZES = """() => [...document.querySelectorAll(
    'main p, main li, main dd, main address, main label, footer p, footer li, footer dd, footer address')]
  // Small print is marked as such (dates, reading times, captions); navigation lists are not body text.
  .filter(el => !el.closest('.meta, figcaption, nav') && el.textContent.trim() && el.getClientRects().length)
  .map(el => [el.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(el).fontSize)])
  .filter(([, size]) => size < 16)"""


@pytest.mark.parametrize("path", PAGES)
def test_body_text_is_at_least_16_px(open_page, path):
    page = open_page(path, PHONE)
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16
    assert page.evaluate(BODY_TEXT_SIZES) == []


@pytest.mark.parametrize("path", ["/", "/blog/botox-for-facial-symmetry/", "/contact/"])
def test_the_web_fonts_load(open_page, path):
    page = open_page(path, DESKTOP)
    loaded = page.evaluate(
        "document.fonts.ready.then(fonts => [...fonts].filter(f => f.status === 'loaded').map(f => f.family))"
    )
    assert {family.strip("\"'") for family in loaded} >= {"Inter", "Cormorant Garamond"}
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily").startswith('"Cormorant Garamond"')
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Inter")


LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["/", "/blog/botox-for-facial-symmetry/", "/staff/", "/contact/"])
def test_nothing_moves_while_the_page_loads(open_page, path, viewport):
    page = open_page(path, viewport)
    assert page.evaluate(LAYOUT_SHIFT) == 0


# The header and the announcement bar on phones.


def test_the_phone_header_is_compact_with_book_in_view_and_a_menu_button(open_page):
    page = open_page("/", PHONE)
    header_bottom = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().bottom")
    assert header_bottom <= 150, "the announcement bar and header should leave the screen to the page"
    expect(page.locator(".site-header__book")).to_be_visible()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(nav.get_by_role("link", name="Blog")).to_be_visible()
    expect(page.get_by_role("searchbox", name="Search the site")).to_be_visible()


def test_the_menu_opens_without_javascript(open_page):
    page = open_page("/", PHONE, javascript=False)
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Our Team").click()
    page.wait_for_url("**/staff/")


def test_the_desktop_header_shows_the_menu_in_a_row(open_page):
    page = open_page("/", DESKTOP)
    expect(page.locator(".site-menu__toggle")).to_be_hidden()
    links = page.get_by_role("navigation", name="Main").get_by_role("link")
    tops = {round(box["y"]) for box in (links.nth(i).bounding_box() for i in range(links.count()))}
    assert len(tops) == 1
    expect(page.locator(".site-header__book")).to_be_visible()


def test_the_header_shows_the_wordmark(open_page):
    page = open_page("/", PHONE)
    wordmark = page.locator(".site-header__brand svg")
    expect(wordmark).to_be_visible()
    assert wordmark.bounding_box()["width"] > 100
    expect(page.locator("header").get_by_role("link", name="ELLEMES Medical Spa")).to_be_visible()


@pytest.mark.parametrize("viewport", [SMALL_PHONE, PHONE], ids=["320", "390"])
def test_the_announcement_bar_never_splits_the_specials_name(open_page, viewport):
    page = open_page("/", viewport)
    name = page.get_by_role("complementary", name="Current special").get_by_role("link", name="Eye Treatment Promos")
    assert name.evaluate("el => el.getClientRects().length") == 1
    line = name.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)")
    assert name.evaluate("el => el.getBoundingClientRect().height") < 2 * line + 24  # one line and its padding


# Grids, articles and the footer.

ROW_FILL = """list => {
  const cards = [...list.children];
  const gap = parseFloat(getComputedStyle(list).columnGap) || 0;
  const firstRow = cards.filter(card => Math.abs(card.offsetTop - cards[0].offsetTop) < 2);
  const widths = firstRow.reduce((sum, card) => sum + card.getBoundingClientRect().width, 0);
  const used = widths + gap * (firstRow.length - 1);
  // auto-fit collapses the columns it has no card for to 0 px: those are not columns anyone sees. A row of
  // flexible cards (the home page's) has as many columns as cards on its first row.
  const tracks = getComputedStyle(list).gridTemplateColumns.split(' ').filter(track => parseFloat(track) > 0).length;
  const columns = getComputedStyle(list).display === 'grid' ? tracks : firstRow.length;
  return {cards: cards.length, columns, used: Math.round(used), width: Math.round(list.getBoundingClientRect().width)};
}"""


@pytest.mark.parametrize("path", ["/", "/blog/", "/staff/", "/specials/", "/treatments/", "/staff/lauren-siso/"])
def test_card_grids_fill_their_rows_and_have_no_empty_columns(open_page, path):
    page = open_page(path, DESKTOP)
    grids = page.locator("main .cards")
    assert grids.count()
    for i in range(grids.count()):
        grid = grids.nth(i).evaluate(ROW_FILL)
        if grid["cards"] == 1:
            continue  # a card on its own lies on its side (components.css)
        assert grid["columns"] <= grid["cards"], grid
        assert abs(grid["used"] - grid["width"]) <= 2, grid


def test_three_latest_articles_fill_one_row_on_the_home_page(open_page):
    page = open_page("/", DESKTOP)
    grid = page.locator(".home-articles .cards").evaluate(ROW_FILL)
    assert grid["cards"] == 3 and grid["columns"] == 3


@pytest.mark.parametrize(
    ("path", "has_contents"),
    [("/blog/dermaplaning-aftercare/", False), ("/blog/botox-for-facial-symmetry/", True)],
)
def test_article_text_has_the_full_reading_width_with_or_without_contents(open_page, path, has_contents):
    page = open_page(path, DESKTOP)
    assert page.locator(".toc").count() == int(has_contents)
    width = page.locator(".article__body").bounding_box()["width"]
    assert width >= 640, f"the text is {width} px wide"


def test_the_phone_footer_is_short(open_page):
    page = open_page("/blog/", PHONE)
    height = page.locator("footer").bounding_box()["height"]
    # About 1,500 px before the redesign; the policies' links add a row since.
    assert height <= 1100, f"the footer is {height} px tall"


@pytest.mark.parametrize("path", ["/", "/blog/", "/staff/lauren-siso/"])
def test_the_staff_spotlight_shows_at_most_once(open_page, path):
    page = open_page(path, PHONE)
    assert page.get_by_role("heading", name="Staff Spotlight").count() == 1


# The contact form's errors on a phone.


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_after_a_failed_submit_the_error_summary_has_focus_and_is_in_view(open_page, javascript):
    page = open_page("/contact/", PHONE, javascript=javascript)
    page.locator("#id_name").fill("Test")
    page.get_by_role("button", name="Send inquiry").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()


def test_form_controls_use_the_sites_font(open_page):
    page = open_page("/contact/", PHONE)
    button = page.get_by_role("button", name="Send inquiry")
    assert button.evaluate("el => getComputedStyle(el).fontFamily").startswith("Inter")
    assert button.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= 16
