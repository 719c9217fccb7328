from django.core.management.base import BaseCommand

from specials.search import remove_ended_from_search


class Command(BaseCommand):
    """Specials that ran out since they were indexed leave the site search (run_periodic runs this)."""

    help = "Remove every special that has ended from the site search."

    def handle(self, *args, **options):
        removed = remove_ended_from_search()
        self.stdout.write(f"{removed} ended special(s) are out of the search.")
