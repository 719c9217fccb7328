import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ellemes", "0010_clinicsettings_booking_url"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="homepage",
            name="hero_link",
        ),
        migrations.AlterField(
            model_name="homepage",
            name="hero_link_text",
            field=models.CharField(
                blank=True,
                default="Book a consultation",
                help_text="The words on the hero’s Book button. It leads to the online booking link, or else the "
                "contact page, chosen under Settings › Clinic details.",
                max_length=40,
                verbose_name="book button text",
            ),
        ),
        migrations.AddField(
            model_name="clinicsettings",
            name="privacy_page",
            field=models.ForeignKey(
                blank=True,
                help_text="The privacy policy, linked from the inquiry form’s consent checkbox.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.page",
            ),
        ),
    ]
