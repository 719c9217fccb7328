
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ellemes', '0008_clinic_location_and_price_range'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='clinicsettings',
            name='contact_page',
            field=models.ForeignKey(blank=True, help_text='Where every “contact us” and “book” link on the site leads.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page'),
        ),
    ]
