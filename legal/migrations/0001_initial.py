import django.db.models.deletion
import django.utils.timezone
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="LegalPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                (
                    "approved_content_hash",
                    models.CharField(
                        blank=True,
                        editable=False,
                        help_text="Fingerprint of the patient-facing content a medical reviewer last approved.",
                        max_length=64,
                    ),
                ),
                (
                    "last_updated",
                    models.DateField(
                        default=django.utils.timezone.localdate,
                        help_text="The day the policy last changed in substance; shown under the title.",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.RichTextField(
                        help_text="The policy, in plain words, with headings for each part."
                    ),
                ),
            ],
            options={
                "verbose_name": "legal page",
            },
            bases=("wagtailcore.page",),
        ),
    ]
