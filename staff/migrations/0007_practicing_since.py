import django.core.validators
from django.db import migrations, models

import staff.models


def rename_in_revisions(apps, schema_editor, old="practising_since", new="practicing_since"):
    """Drafts and older revisions keep their year: publishing or reverting to one must not empty it."""
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="staff", model="staffmemberpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        if old in revision.content:
            revision.content[new] = revision.content.pop(old)
            revision.save(update_fields=["content"])


def rename_back(apps, schema_editor):
    rename_in_revisions(apps, schema_editor, old="practicing_since", new="practising_since")


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0006_photo_optional"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RenameField(
            model_name="staffmemberpage",
            old_name="practising_since",
            new_name="practicing_since",
        ),
        migrations.AlterField(
            model_name="staffmemberpage",
            name="practicing_since",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="The year they began practicing; experience on the site counts up from it.",
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(1950),
                    staff.models.validate_not_future_year,
                ],
            ),
        ),
        migrations.RunPython(rename_in_revisions, rename_back),
    ]
