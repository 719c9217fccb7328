from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled

from ellemes.models import CommandRun


class Command(WagtailPublishScheduled):
    """Wagtail's scheduled publishing, recording each completed run for the content health check."""

    help = "Publish pages and snippets whose go-live time has come, and unpublish expired ones."

    def handle(self, *args, **options):
        super().handle(*args, **options)
        if not options.get("dryrun"):
            CommandRun.record("publish_scheduled")
