"""Every size an image is shown at on the public site, in one place.

Templates show an image with `{% picture_of image "<name>" %}` (ellemes_tags), which renders Wagtail's
own `Picture` (the `{% picture %}` tag's output: AVIF and WebP sources, a JPEG fallback, `sizes`, width
and height) from the specs below. The background task run when an image is uploaded or a page is
published, and `manage.py warm_renditions`, make exactly these renditions, so no visitor waits for one.
"""

import functools

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter

FORMATS = "format-{avif,webp,jpeg}"
CARD_SIZES = "(min-width: 72rem) 22rem, (min-width: 38rem) 50vw, 100vw"

# Name → (Wagtail's resize spec, with its sizes in braces as `{% picture %}` takes them; the HTML `sizes`).
# A `sizes` of None is for an image shown at its smallest rendition's width (the logo: 1x and 2x).
PICTURES = {
    "home_hero": ("fill-{640x320,960x480,1280x640}", "100vw"),
    "article_hero": ("fill-{480x252,800x420,1200x630}", "(min-width: 72rem) 69.5rem, 100vw"),
    "article_figure": ("width-{500,800}", "(min-width: 44rem) 44rem, 100vw"),
    "card": ("fill-{320x213,640x427}", CARD_SIZES),
    "staff_card": ("fill-{240x300,480x600}", CARD_SIZES),
    "profile": ("fill-{300x375,600x750}", "(min-width: 48rem) 22rem, 100vw"),
    "special": ("fill-{600x400,1200x800}", "(min-width: 72rem) 45rem, (min-width: 56rem) 62vw, 100vw"),
    "action": ("fill-{400x267,800x533}", "(min-width: 48rem) 44rem, 100vw"),
    "spotlight": ("fill-{320x240,640x480}", "(min-width: 56rem) 22rem, 100vw"),
    "spotlight_thumb": ("fill-{64x64,128x128}", None),
    "logo": ("height-{48,96}", None),
}


def picture_specs(name):
    """The filter specs of the picture `name`, one per size and format ("fill-320x213|format-avif", …)."""
    return Filter.expand_spec([PICTURES[name][0], FORMATS])


@functools.cache
def picture_filters(name):
    """Wagtail's `Filter` for each spec of the picture `name`, parsed once per process, as Wagtail's own
    `{% image %}` tag parses its spec once per template."""
    return tuple(Filter(spec) for spec in picture_specs(name))


def all_filter_specs():
    """Every filter spec the templates use, each once."""
    return list(dict.fromkeys(spec for name in PICTURES for spec in picture_specs(name)))


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
