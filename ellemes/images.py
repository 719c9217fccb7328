"""Every size an image is shown at on the public site, in one place.

Templates show images with `{% responsive_image image "<preset>" %}` (ellemes_tags), which renders
a `<picture>` with AVIF and WebP sources and a JPEG fallback, the preset's `sizes`, and explicit
width and height. The background task run when an image is uploaded or a page is published, and
`manage.py warm_renditions`, generate exactly these renditions, so no visitor waits for one.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from wagtail.images import get_image_model

FORMATS = (("avif", "image/avif"), ("webp", "image/webp"), ("jpeg", "image/jpeg"))


@dataclass(frozen=True)
class Preset:
    operation: str  # "fill", "width" or "height"
    sizes_px: tuple  # (w, h) pairs for fill, single numbers otherwise; smallest first
    sizes: str = "100vw"  # the HTML `sizes` attribute; "" for density (1x/2x) presets
    density: bool = False  # srcset with 1x/2x instead of widths (the logo)

    def specs(self, image_format):
        return [f"{self._resize(size)}|format-{image_format}" for size in self.sizes_px]

    def all_specs(self):
        return [spec for image_format, _ in FORMATS for spec in self.specs(image_format)]

    def _resize(self, size):
        if self.operation == "fill":
            return f"fill-{size[0]}x{size[1]}"
        return f"{self.operation}-{size}"


CARD_SIZES = "(min-width: 72rem) 22rem, (min-width: 38rem) 50vw, 100vw"

PRESETS = {
    "home_hero": Preset("fill", ((640, 320), (960, 480), (1280, 640)), "100vw"),
    "article_hero": Preset("fill", ((480, 252), (800, 420), (1200, 630)), "(min-width: 72rem) 69.5rem, 100vw"),
    "article_figure": Preset("width", (500, 800), "(min-width: 44rem) 44rem, 100vw"),
    "card": Preset("fill", ((320, 213), (640, 427)), CARD_SIZES),
    "staff_card": Preset("fill", ((240, 300), (480, 600)), CARD_SIZES),
    "profile": Preset("fill", ((300, 375), (600, 750)), "(min-width: 48rem) 22rem, 100vw"),
    "special": Preset("fill", ((600, 400), (1200, 800)), "(min-width: 72rem) 45rem, (min-width: 56rem) 62vw, 100vw"),
    "action": Preset("fill", ((400, 267), (800, 533)), "(min-width: 48rem) 44rem, 100vw"),
    "spotlight": Preset("fill", ((320, 240), (640, 480)), "(min-width: 56rem) 22rem, 100vw"),
    "logo": Preset("height", (48, 96), "", density=True),
}


def all_filter_specs():
    """Every filter spec the templates use, each once."""
    return list(dict.fromkeys(spec for preset in PRESETS.values() for spec in preset.all_specs()))


# Renditions used outside `<picture>`: shared-link previews and structured data (JPEG/PNG as uploaded).
SHARE_IMAGE = "fill-1200x630"
OTHER_SPECS = [SHARE_IMAGE, "fill-600x750", "height-160"]


def warm_specs():
    return all_filter_specs() + [spec for spec in OTHER_SPECS if spec not in all_filter_specs()]


def with_renditions(queryset, field, *filter_specs):
    """`queryset` with each row's `field` image joined in and the renditions `filter_specs` prefetched:
    one query for the rows and images, one for the renditions, however many rows there are."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=filter_specs)
    # `prefetched_renditions` is where Wagtail's own `prefetch_renditions()` puts them, and where
    # `get_rendition()` looks first.
    return queryset.select_related(field).prefetch_related(
        Prefetch(f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )
