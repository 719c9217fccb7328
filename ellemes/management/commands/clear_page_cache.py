from django.core.management.base import BaseCommand

from ellemes.cache_invalidation import clear_everything


class Command(BaseCommand):
    """Empty the pages cache and purge the edge; run on every deploy, since new code may render pages differently."""

    help = "Empty the pages cache and purge every page from the edge caches (Varnish, Cloudflare, CloudFront)."

    def handle(self, *args, **options):
        clear_everything()
        self.stdout.write(self.style.SUCCESS("Pages cache emptied and edge caches purged."))
