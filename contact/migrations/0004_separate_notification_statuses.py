from django.db import migrations, models

CHOICES = [
    ("pending", "Waiting to be sent"),
    ("retrying", "Retrying"),
    ("sent", "Sent"),
    ("failed", "Notification failed"),
    ("refused", "Address refused"),
    ("skipped", "Not sent (switched off or no address)"),
    ("quarantined", "Not sent (quarantined)"),
]
UNFINISHED = ["pending", "retrying", "failed"]


def split_status(apps, schema_editor):
    """The old single status covered both emails; the sent times say which of them actually went."""
    inquiries = apps.get_model("contact", "Inquiry").objects
    inquiries.filter(notice_status="quarantined").update(acknowledgement_status="quarantined")
    # "Sent" without an acknowledgement time: acknowledgements were switched off.
    inquiries.filter(notice_status="sent", acknowledged_at__isnull=False).update(acknowledgement_status="sent")
    inquiries.filter(notice_status="sent", acknowledged_at__isnull=True).update(acknowledgement_status="skipped")
    for status in UNFINISHED:
        inquiries.filter(notice_status=status, acknowledged_at__isnull=False).update(acknowledgement_status="sent")
        inquiries.filter(notice_status=status, acknowledged_at__isnull=True).update(acknowledgement_status=status)
        inquiries.filter(notice_status=status, notified_at__isnull=False).update(notice_status="sent")


def join_status(apps, schema_editor):
    """Back to one status: the worst of the two."""
    inquiries = apps.get_model("contact", "Inquiry").objects
    inquiries.filter(acknowledgement_status__in=UNFINISHED).exclude(notice_status__in=["failed", "quarantined"]).update(
        notice_status=models.F("acknowledgement_status")
    )
    inquiries.filter(notice_status__in=["refused", "skipped"]).update(notice_status="sent")
    inquiries.filter(acknowledgement_status="refused", notice_status="sent").update(notice_status="failed")


class Migration(migrations.Migration):

    dependencies = [
        ('contact', '0003_approved_content_hash'),
    ]

    operations = [
        migrations.RenameField(model_name='inquiry', old_name='notification_status', new_name='notice_status'),
        migrations.AlterField(
            model_name='inquiry',
            name='notice_status',
            field=models.CharField(choices=CHOICES, default='pending', editable=False, max_length=20, verbose_name='front-desk notice'),
        ),
        migrations.AddField(
            model_name='inquiry',
            name='acknowledgement_status',
            field=models.CharField(choices=CHOICES, default='pending', editable=False, max_length=20, verbose_name='acknowledgement to the sender'),
        ),
        migrations.RunPython(split_status, join_status),
    ]
