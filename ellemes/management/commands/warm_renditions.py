import sys

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from ellemes.images import warm_specs
from ellemes.renditions import make_renditions


class Command(BaseCommand):
    help = "Make every image rendition the templates use that does not exist yet, with a progress bar."

    def handle(self, *args, **options):
        images = list(get_image_model().objects.order_by("pk"))
        total = len(images)
        made = 0
        for done, image in enumerate(images, start=1):
            made += make_renditions(image)
            self._progress(done, total)
        self.stdout.write(
            f"{made} rendition(s) made for {total} image(s); each image has {len(warm_specs())} sizes and formats."
        )

    def _progress(self, done, total, width=30):
        filled = width * done // total if total else width
        line = f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} images"
        interactive = getattr(self.stdout._out, "isatty", lambda: False)() and self.stdout._out is sys.stdout
        if interactive:
            self.stdout.write(line, ending="")
            if done == total:
                self.stdout.write("")
        elif done == total:
            self.stdout.write(line.lstrip("\r"))
