"""The demo's pictures: abstract compositions painted in code, in the brand's palette, that say what they are.

The demo has no photographs, so it shows none: each image is one of the artworks below (botanical line
drawings, ripples, arches, pebbles, soft gradients), and its alt text is the artwork's own description,
naming the palette's colors. A gradient is decorative (empty alt text). Editors replace these with real
photos in the admin; the templates show whatever image a page has.

The artwork and palette are kept in the image's file name (`demo-<artwork>-<palette>-…`), so a test can
check every rendered alt text against the description of what was actually painted (tests/test_demo.py).
"""

import io
import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter


@dataclass(frozen=True)
class Palette:
    ground: tuple  # the background
    soft: tuple  # shapes between ground and line
    line: tuple  # drawn lines and the strongest shapes
    ground_name: str
    line_name: str


PALETTES = {
    "blush": Palette((247, 228, 234), (232, 196, 210), (107, 39, 72), "blush pink", "plum"),
    "plum": Palette((92, 33, 62), (128, 58, 94), (244, 214, 225), "deep plum", "pale rose"),
    "sage": Palette((223, 232, 223), (192, 211, 196), (58, 90, 70), "pale sage", "forest green"),
    "sand": Palette((245, 235, 220), (226, 206, 180), (122, 86, 58), "warm sand", "umber"),
    "mist": Palette((228, 233, 243), (201, 211, 231), (66, 78, 126), "misty blue", "slate blue"),
}


@dataclass(frozen=True)
class Artwork:
    name: str
    description: str  # with {ground} and {line}: the palette's color names
    paint: Callable
    decorative: bool = False

    def describe(self, palette):
        """The alt text of this artwork in `palette`: what the picture shows ("" when it is decorative)."""
        if self.decorative:
            return ""
        colors = PALETTES[palette]
        return self.description.format(ground=colors.ground_name, line=colors.line_name)


# Painting: at twice the size, then reduced, so lines come out smooth.
SCALE = 2


def _canvas(size, colors):
    return Image.new("RGB", (size[0] * SCALE, size[1] * SCALE), colors.ground)


def _finish(canvas, size, colors, grain=True):
    image = canvas.resize(size, Image.Resampling.LANCZOS)
    if grain:
        # A faint paper grain, so flat color does not look like a placeholder.
        noise = Image.effect_noise(size, 12).convert("RGB")
        image = ImageChops.blend(image, ImageChops.overlay(image, noise), 0.18)
    return image


def _wash(canvas, colors, rng):
    """A soft glow of the palette's middle tone behind the drawing."""
    width, height = canvas.size
    glow = Image.new("L", canvas.size, 0)
    draw = ImageDraw.Draw(glow)
    cx, cy = rng.uniform(0.3, 0.7) * width, rng.uniform(0.3, 0.7) * height
    radius = min(width, height) * 0.42
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=150)
    glow = glow.filter(ImageFilter.GaussianBlur(radius * 0.45))
    canvas.paste(Image.new("RGB", canvas.size, colors.soft), mask=glow)


def _curve(start, control, end, steps=60):
    """Points along a quadratic Bézier curve."""
    points = []
    for i in range(steps + 1):
        t = i / steps
        x = (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t**2 * end[0]
        y = (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t**2 * end[1]
        points.append((x, y))
    return points


def _leaf(base, angle, length, width, steps=24):
    """The outline of an almond-shaped leaf from `base`, pointing at `angle` (radians)."""
    along = (math.cos(angle), math.sin(angle))
    across = (-along[1], along[0])
    side_a, side_b = [], []
    for i in range(steps + 1):
        t = i / steps
        half = math.sin(math.pi * t) * width / 2
        x, y = base[0] + along[0] * length * t, base[1] + along[1] * length * t
        side_a.append((x + across[0] * half, y + across[1] * half))
        side_b.append((x - across[0] * half, y - across[1] * half))
    return side_a + side_b[::-1]


def paint_sprig(rng, size, colors):
    canvas = _canvas(size, colors)
    _wash(canvas, colors, rng)
    draw = ImageDraw.Draw(canvas)
    width, height = canvas.size
    stroke = max(3, width // 260)
    start = (width * rng.uniform(0.22, 0.32), height * 0.96)
    end = (width * rng.uniform(0.68, 0.78), height * 0.06)
    control = (width * rng.uniform(0.2, 0.8), height * 0.5)
    stem = _curve(start, control, end)
    draw.line(stem, fill=colors.line, width=stroke, joint="curve")
    for i in range(6, len(stem) - 4, 7):
        (x0, y0), (x1, y1) = stem[i - 1], stem[i + 1]
        heading = math.atan2(y1 - y0, x1 - x0)
        side = 1 if (i // 7) % 2 else -1
        angle = heading + side * rng.uniform(0.6, 0.9)
        leaf = _leaf(stem[i], angle, height * rng.uniform(0.2, 0.26), height * 0.09)
        draw.polygon(leaf, fill=colors.soft)
        draw.line(leaf + [leaf[0]], fill=colors.line, width=stroke, joint="curve")
        tip = (stem[i][0] + math.cos(angle) * height * 0.15, stem[i][1] + math.sin(angle) * height * 0.15)
        draw.line([stem[i], tip], fill=colors.line, width=max(2, stroke // 2))
    return _finish(canvas, size, colors)


def paint_eucalyptus(rng, size, colors):
    canvas = _canvas(size, colors)
    _wash(canvas, colors, rng)
    draw = ImageDraw.Draw(canvas)
    width, height = canvas.size
    stroke = max(3, width // 280)
    stem = _curve(
        (width * 0.1, height * 0.85), (width * 0.5, height * rng.uniform(0.2, 0.5)), (width * 0.92, height * 0.3)
    )
    draw.line(stem, fill=colors.line, width=stroke, joint="curve")
    for i in range(5, len(stem) - 2, 6):
        x, y = stem[i]
        for side in (-1, 1):
            radius = height * rng.uniform(0.06, 0.085)
            cx, cy = x + side * radius * 0.4, y + side * radius * 1.15
            draw.ellipse(
                (cx - radius, cy - radius, cx + radius, cy + radius),
                fill=colors.soft,
                outline=colors.line,
                width=stroke,
            )
    return _finish(canvas, size, colors)


def paint_flower(rng, size, colors):
    canvas = _canvas(size, colors)
    _wash(canvas, colors, rng)
    draw = ImageDraw.Draw(canvas)
    width, height = canvas.size
    stroke = max(3, width // 260)
    centre = (width * rng.uniform(0.42, 0.58), height * 0.45)
    bend = (centre[0] - width * 0.05, height * 0.8)
    draw.line(_curve(centre, bend, (centre[0] + width * 0.02, height)), fill=colors.line, width=stroke, joint="curve")
    petals = 6
    turn = rng.uniform(0, math.pi)
    for k in range(petals):
        angle = turn + k * 2 * math.pi / petals
        petal = _leaf(centre, angle, height * 0.3, height * 0.16)
        draw.polygon(petal, fill=colors.soft)
        draw.line(petal + [petal[0]], fill=colors.line, width=stroke, joint="curve")
    heart = height * 0.045
    draw.ellipse((centre[0] - heart, centre[1] - heart, centre[0] + heart, centre[1] + heart), fill=colors.line)
    return _finish(canvas, size, colors)


def paint_ripples(rng, size, colors):
    canvas = _canvas(size, colors)
    draw = ImageDraw.Draw(canvas)
    width, height = canvas.size
    stroke = max(2, width // 400)
    cx, cy = width * rng.uniform(0.35, 0.65), height * rng.uniform(0.4, 0.6)
    for ring in range(1, 12):
        radius = ring * height * 0.055 * (1 + ring * 0.04)
        draw.ellipse(
            (cx - radius * 1.6, cy - radius, cx + radius * 1.6, cy + radius), outline=colors.line, width=stroke
        )
    drop = height * 0.035
    draw.ellipse((cx - drop, cy - drop, cx + drop, cy + drop), fill=colors.line)
    return _finish(canvas, size, colors)


def paint_arches(rng, size, colors):
    canvas = _canvas(size, colors)
    draw = ImageDraw.Draw(canvas)
    width, height = canvas.size
    tones = [colors.soft, _mix(colors.soft, colors.line, 0.35), _mix(colors.soft, colors.line, 0.7)]
    count = 3
    span = width / (count + 1)
    for k in range(count):
        left = span * (k + 0.5) + rng.uniform(-0.05, 0.05) * span
        arch_width = span * 1.1
        top = height * rng.uniform(0.2, 0.4)
        radius = arch_width / 2
        color = tones[k % len(tones)]
        draw.rectangle((left, top + radius, left + arch_width, height), fill=color)
        draw.pieslice((left, top, left + arch_width, top + arch_width), 180, 360, fill=color)
    return _finish(canvas, size, colors)


def paint_pebbles(rng, size, colors):
    canvas = _canvas(size, colors)
    _wash(canvas, colors, rng)
    draw = ImageDraw.Draw(canvas)
    width, height = canvas.size
    base_y = height * 0.86
    cx = width * rng.uniform(0.42, 0.58)
    stones = [(0.34, 0.13), (0.26, 0.105), (0.18, 0.085)]
    y = base_y
    for k, (half_width, half_height) in enumerate(stones):
        rx, ry = width * half_width * 0.6, height * half_height * 1.3
        color = _mix(colors.soft, colors.line, 0.25 + 0.3 * k)
        x = cx + rng.uniform(-0.02, 0.02) * width
        draw.ellipse((x - rx, y - 2 * ry, x + rx, y), fill=color)
        y -= 2 * ry * 0.92
    return _finish(canvas, size, colors)


def paint_gradient(rng, size, colors):
    """A soft diagonal wash from the ground color to the middle tone: pure texture, so decorative."""
    big = (size[0] * SCALE, size[1] * SCALE)
    across = Image.linear_gradient("L").rotate(rng.choice([90, 270])).resize(big)
    down = Image.linear_gradient("L").resize(big)
    ramp = ImageChops.add(across, down, scale=2)
    canvas = Image.composite(Image.new("RGB", big, colors.soft), _canvas(size, colors), ramp)
    _wash(canvas, colors, rng)
    return _finish(canvas, size, colors)


def _mix(a, b, amount):
    return tuple(round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))


ARTWORKS = {
    artwork.name: artwork
    for artwork in [
        Artwork("sprig", "Line drawing of a leafy sprig in {line} on a {ground} background", paint_sprig),
        Artwork(
            "eucalyptus", "Line drawing of a eucalyptus branch with round leaves, {line} on {ground}", paint_eucalyptus
        ),
        Artwork(
            "flower", "Line drawing of an open six-petalled flower in {line} on a {ground} background", paint_flower
        ),
        Artwork("ripples", "Fine concentric ripples around a single drop, {line} lines on {ground}", paint_ripples),
        Artwork(
            "arches", "Abstract composition of three overlapping arches in {ground} and {line} tones", paint_arches
        ),
        Artwork("pebbles", "Three smooth pebbles stacked in balance, in {line} tones on {ground}", paint_pebbles),
        Artwork("gradient", "Soft gradient wash in {ground}", paint_gradient, decorative=True),
    ]
}


def painted_jpeg(artwork, palette, size, seed):
    """The artwork `artwork` in `palette`, `size` pixels, as JPEG bytes (the same bytes for the same `seed`)."""
    image = ARTWORKS[artwork].paint(random.Random(seed), size, PALETTES[palette])
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=84, optimize=True, progressive=True)
    return buffer.getvalue()


def file_name(artwork, palette, title):
    """`demo-<artwork>-<palette>-<title>.jpg`, short enough for Wagtail's rendition names to keep it whole."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:24].strip("-")
    return f"demo-{artwork}-{palette}-{slug}.jpg"


# Wagtail cuts a rendition's name to 60 characters: the title may go, the artwork and palette stay.
_FILE_NAME = re.compile(r"^demo-(?P<artwork>[a-z]+)-(?P<palette>[a-z]+)[-.]")


def artwork_in(path):
    """(artwork, palette) of a demo image or any rendition of it, from its file name or URL; None otherwise."""
    match = _FILE_NAME.search(path.rsplit("/", 1)[-1])
    if match and match["artwork"] in ARTWORKS and match["palette"] in PALETTES:
        return match["artwork"], match["palette"]
    return None
