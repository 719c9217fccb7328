import signal
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection


class Command(BaseCommand):
    """Run the housekeeping commands in PERIODIC_COMMANDS on their intervals, so no cron is needed."""

    help = "Run scheduled publishing and other housekeeping every few minutes until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every command once, then exit.")

    def handle(self, *args, once=False, **options):
        self.stopping = False
        signal.signal(signal.SIGTERM, self._stop)
        next_run = dict.fromkeys(settings.PERIODIC_COMMANDS, 0.0)
        while not self.stopping:
            for command, interval in settings.PERIODIC_COMMANDS.items():
                if time.monotonic() >= next_run[command]:
                    self._run(command)
                    next_run[command] = time.monotonic() + interval
            if once:
                return
            time.sleep(5)

    def _run(self, command):
        if not connection.in_atomic_block:  # a connection is never dropped mid-transaction
            close_old_connections()
        try:
            call_command(command, stdout=self.stdout, stderr=self.stderr)
        except Exception as error:  # noqa: BLE001 - one failing job must not stop the others
            self.stderr.write(f"{command} failed: {error}")

    def _stop(self, *args):
        self.stopping = True
