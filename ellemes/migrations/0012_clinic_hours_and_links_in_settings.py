"""The clinic's opening hours and social links move from rows of their own into the clinic details' row, as
stream data, so every page reads them with the settings in one query. Every row is kept, in its order."""

import uuid

import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.db import migrations


def _time(value):
    return value.strftime("%H:%M:%S") if value else None


def rows_to_stream(apps, schema_editor):
    ClinicSettings = apps.get_model("ellemes", "ClinicSettings")
    OpeningHours = apps.get_model("ellemes", "OpeningHours")
    SocialLink = apps.get_model("ellemes", "SocialLink")
    for clinic in ClinicSettings.objects.all():
        clinic.opening_hours = [
            {
                "type": "day",
                "id": str(uuid.uuid4()),
                "value": {
                    "weekday": day.weekday,
                    "opens": _time(day.opens),
                    "closes": _time(day.closes),
                    "closed": day.closed,
                },
            }
            for day in OpeningHours.objects.filter(settings=clinic).order_by("sort_order", "pk")
        ]
        clinic.social_links = [
            {"type": "link", "id": str(uuid.uuid4()), "value": {"network": link.network, "url": link.url}}
            for link in SocialLink.objects.filter(settings=clinic).order_by("sort_order", "pk")
        ]
        clinic.save(update_fields=["opening_hours", "social_links"])


def stream_to_rows(apps, schema_editor):
    ClinicSettings = apps.get_model("ellemes", "ClinicSettings")
    OpeningHours = apps.get_model("ellemes", "OpeningHours")
    SocialLink = apps.get_model("ellemes", "SocialLink")
    for clinic in ClinicSettings.objects.all():
        for order, day in enumerate(clinic.opening_hours.raw_data):
            value = day["value"]
            OpeningHours.objects.create(
                settings=clinic,
                sort_order=order,
                weekday=value["weekday"],
                opens=value.get("opens") or None,
                closes=value.get("closes") or None,
                closed=bool(value.get("closed")),
            )
        for order, link in enumerate(clinic.social_links.raw_data):
            SocialLink.objects.create(settings=clinic, sort_order=order, **link["value"])


class Migration(migrations.Migration):
    dependencies = [
        ("ellemes", "0011_home_book_button_privacy_page"),
    ]

    operations = [
        # The rows give up their names on the settings (`opening_hours`, `social_links`) to the new fields.
        migrations.AlterField(
            model_name="openinghours",
            name="settings",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="ellemes.clinicsettings"
            ),
        ),
        migrations.AlterField(
            model_name="sociallink",
            name="settings",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="ellemes.clinicsettings"
            ),
        ),
        migrations.AddField(
            model_name="clinicsettings",
            name="opening_hours",
            field=wagtail.fields.StreamField(
                [("day", 3)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("Mo", "Monday"),
                                ("Tu", "Tuesday"),
                                ("We", "Wednesday"),
                                ("Th", "Thursday"),
                                ("Fr", "Friday"),
                                ("Sa", "Saturday"),
                                ("Su", "Sunday"),
                            ]
                        },
                    ),
                    1: ("wagtail.blocks.TimeBlock", (), {"required": False}),
                    2: (
                        "wagtail.blocks.BooleanBlock",
                        (),
                        {"help_text": "Tick if the clinic is closed all day.", "required": False},
                    ),
                    3: (
                        "wagtail.blocks.StructBlock",
                        [[("weekday", 0), ("opens", 1), ("closes", 1), ("closed", 2)]],
                        {},
                    ),
                },
                help_text="A row per weekday.",
            ),
        ),
        migrations.AddField(
            model_name="clinicsettings",
            name="social_links",
            field=wagtail.fields.StreamField(
                [("link", 2)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"help_text": "Shown to patients, e.g. “Instagram”.", "max_length": 40},
                    ),
                    1: ("wagtail.blocks.URLBlock", (), {}),
                    2: ("wagtail.blocks.StructBlock", [[("network", 0), ("url", 1)]], {}),
                },
            ),
        ),
        migrations.RunPython(rows_to_stream, stream_to_rows),
        migrations.DeleteModel(
            name="OpeningHours",
        ),
        migrations.DeleteModel(
            name="SocialLink",
        ),
    ]
