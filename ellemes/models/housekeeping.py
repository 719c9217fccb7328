from django.db import models
from django.utils import timezone
from django.utils.timezone import localtime


class CommandRun(models.Model):
    """When a housekeeping command last completed, so monitoring can tell when one has stopped running."""

    command = models.CharField(max_length=100, unique=True)
    last_run_at = models.DateTimeField()

    def __str__(self):
        return f"{self.command} at {localtime(self.last_run_at):%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, command):
        cls.objects.update_or_create(command=command, defaults={"last_run_at": timezone.now()})

    @classmethod
    def last_run(cls, command):
        return cls.objects.filter(command=command).values_list("last_run_at", flat=True).first()
