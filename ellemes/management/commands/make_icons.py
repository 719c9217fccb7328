"""Draw the favicon and app icons (PNG and ICO) and the wordmark as PNG from the site's own display font.

The outputs are committed under ellemes/static/img/, so this runs only when the brand changes
(`make brand`); the SVG favicon and wordmark come from assets/wordmark.js.
"""

from pathlib import Path

from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw, ImageFont

STATIC = Path(__file__).resolve().parents[2] / "static"
DISPLAY_FONT = STATIC / "fonts" / "cormorant-garamond-latin-600-normal.woff2"
TEXT_FONT = STATIC / "fonts" / "inter-latin-wght-normal.woff2"  # variable: set to 600 below
PLUM = (107, 39, 72)
WHITE = (255, 255, 255)


def monogram(size, rounded=True):
    """The E of the wordmark, white on a plum tile of `size` pixels (drawn 4× larger and reduced: smooth edges)."""
    big = size * 4
    tile = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(tile)
    # iOS rounds the corners of a touch icon itself; the favicon has its own, as the SVG one does.
    radius = big * 7 // 32 if rounded else 0
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=radius, fill=PLUM)
    font = ImageFont.truetype(str(DISPLAY_FONT), int(big * 0.92))
    draw.text((big / 2, big / 2), "E", font=font, fill=WHITE, anchor="mm")
    return tile.resize((size, size), Image.Resampling.LANCZOS)


def wordmark(width):
    """The wordmark in plum on white, `width` pixels wide: the clinic's logo in shared links and search results."""
    height = width * 61 // 280
    image = Image.new("RGB", (width, height + width // 8), WHITE)
    draw = ImageDraw.Draw(image)
    name_font = ImageFont.truetype(str(DISPLAY_FONT), width * 48 // 280)  # with a margin either side
    tag_font = ImageFont.truetype(str(TEXT_FONT), width * 20 // 560)
    tag_font.set_variation_by_axes([600])
    centre = image.width / 2
    _spaced(draw, centre, image.height * 0.47, "ELLEMES", name_font, 0.14)
    _spaced(draw, centre, image.height * 0.8, "MEDICAL SPA", tag_font, 0.42)
    return image


def _spaced(draw, centre, baseline, text, font, tracking):
    """`text` centred on `centre` with `tracking` ems between its letters."""
    gap = font.size * tracking
    widths = [font.getlength(letter) for letter in text]
    x = centre - (sum(widths) + gap * (len(text) - 1)) / 2
    for letter, width in zip(text, widths, strict=True):
        draw.text((x, baseline), letter, font=font, fill=PLUM, anchor="ls")
        x += width + gap


class Command(BaseCommand):
    help = "Draw favicon.ico, apple-touch-icon.png and logo.png into ellemes/static/img/."

    def handle(self, *args, **options):
        out = STATIC / "img"
        sizes = [16, 32, 48]
        icons = [monogram(size) for size in sizes]
        icons[-1].save(out / "favicon.ico", format="ICO", sizes=[(s, s) for s in sizes], append_images=icons[:-1])
        monogram(180, rounded=False).convert("RGB").save(out / "apple-touch-icon.png", optimize=True)
        monogram(512, rounded=False).convert("RGB").save(out / "icon-512.png", optimize=True)
        wordmark(600).save(out / "logo.png", optimize=True)
        for name in ("favicon.ico", "apple-touch-icon.png", "icon-512.png", "logo.png"):
            self.stdout.write(f"{name}: {(out / name).stat().st_size} bytes")
