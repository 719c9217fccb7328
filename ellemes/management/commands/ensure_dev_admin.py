import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    """Make sure a local `admin` account exists, so a newcomer can sign in to the admin."""

    help = (
        "Development only: create the superuser `admin` if missing, with DJANGO_SUPERUSER_PASSWORD "
        "or a random password printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin runs only with DEBUG on (development settings).")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin account “{username}” already exists; sign in at /admin/ with its password.")
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=f"{username}@ellemes.example", password=password)
        shown = "from DJANGO_SUPERUSER_PASSWORD" if os.environ.get("DJANGO_SUPERUSER_PASSWORD") else password
        self.stdout.write(self.style.SUCCESS(f"Created admin account: user “{username}”, password {shown}"))
        self.stdout.write("It is shown only this once. Sign in at /admin/ on the address the server prints.")
