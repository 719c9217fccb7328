"""The home page's sections of cards, measured in a browser: whatever their count, cards sit in centered rows."""

import pytest

pytestmark = pytest.mark.browser

# For each list of cards on the home page: the list's box and each card's, by row.
MEASURE = """
() => [...document.querySelectorAll("main .cards")].map((list) => {
  const box = list.getBoundingClientRect();
  const cards = [...list.children].map((card) => card.getBoundingClientRect());
  const rows = {};
  for (const card of cards) (rows[Math.round(card.top)] ||= []).push(card);
  return {
    section: list.closest("section").querySelector("h2").textContent.trim(),
    left: box.left,
    right: box.right,
    rows: Object.values(rows).map((row) => ({
      left: Math.min(...row.map((card) => card.left)),
      right: Math.max(...row.map((card) => card.right)),
      count: row.length,
    })),
  };
})
"""


@pytest.mark.parametrize("width", [390, 800, 1280])
def test_every_row_of_cards_is_centered(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    lists = page.evaluate(MEASURE)
    sections = {item["section"] for item in lists}
    assert {"Our treatments", "Current specials", "Meet our team", "Latest articles"} <= sections
    for item in lists:
        for row in item["rows"]:
            space_left = row["left"] - item["left"]
            space_right = item["right"] - row["right"]
            assert abs(space_left - space_right) <= 2, f"{item['section']} at {width}px: {row}"


def test_four_categories_share_one_row_on_a_wide_screen(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    categories = [item for item in page.evaluate(MEASURE) if item["section"] == "Our treatments"][0]
    assert [row["count"] for row in categories["rows"]] == [4]


def test_book_and_call_are_on_the_first_screen_of_a_phone(page):
    page.goto("/")
    for name in ["Book a consultation", "Call (404) 555-0142"]:
        link = page.get_by_role("link", name=name).first
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844, name
