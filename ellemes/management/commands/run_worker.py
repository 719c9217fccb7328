import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, InterfaceError, connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker


class Command(BaseCommand):
    """Run the durable queue's worker, and keep it running through database outages."""

    help = (
        "Process background jobs (inquiry emails, image renditions) until stopped. When the database cannot be "
        "reached, wait and reconnect with backoff instead of exiting."
    )
    # It must be able to start while the database is still down.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--queues",
            default="default",
            help="Comma-separated queues to work on (default: inquiry notices and password resets; "
            "run a second worker with --queues renditions for image work).",
        )
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks at an empty queue.")
        parser.add_argument(
            "--max-delay", type=float, default=30.0, help="Longest wait between reconnection attempts, in seconds."
        )
        parser.add_argument(
            "--heartbeat",
            default=settings.WORKER_HEARTBEAT_FILE,
            help="A file touched after each look at the queue, for health checks (default: WORKER_HEARTBEAT_FILE).",
        )

    def handle(self, *args, queues, interval, max_delay, heartbeat, **options):
        # Batch mode drains the queue and returns, so this loop can notice outages and touch the heartbeat.
        worker = Worker(
            queue_names=[name.strip() for name in queues.split(",") if name.strip()],
            interval=0,
            batch=True,
            backend_name="durable",
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        heartbeat = Path(heartbeat) if heartbeat else None
        delay = 0.0
        while worker.running:
            try:
                worker.run()
            # InterfaceError is not a DatabaseError: it is what the worker gets when it records the failure of a
            # job whose connection dropped mid-query ("connection already closed").
            except (DatabaseError, InterfaceError) as error:
                delay = min(max(delay * 2, 1.0), max_delay)
                self.stderr.write(f"Database unavailable ({type(error).__name__}); trying again in {delay:g} s.")
                self._drop_connections()
                time.sleep(delay)
                continue
            if delay:
                self.stdout.write("Database reachable again; processing jobs.")
                delay = 0.0
            if heartbeat:
                heartbeat.touch()
            time.sleep(interval)

    def _drop_connections(self):
        for connection in connections.all(initialized_only=True):
            try:
                connection.close()
            except (DatabaseError, InterfaceError):
                connection.connection = None  # already broken: the next query opens a new one
