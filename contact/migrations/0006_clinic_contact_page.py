from django.db import migrations


def choose_existing_contact_page(apps, schema_editor):
    """Each site's Clinic details point at the contact page under its root, as the hand-built /contact/ links did."""
    ClinicSettings = apps.get_model("ellemes", "ClinicSettings")
    ContactPage = apps.get_model("contact", "ContactPage")
    for clinic in ClinicSettings.objects.filter(contact_page__isnull=True).select_related("site__root_page"):
        root = clinic.site.root_page
        page = ContactPage.objects.filter(path__startswith=root.path).order_by("path").first()
        if page is not None:
            clinic.contact_page_id = page.pk
            clinic.save(update_fields=["contact_page"])


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0005_inquiry_rate_limit_key"),
        ("ellemes", "0009_clinic_contact_page"),
    ]

    operations = [migrations.RunPython(choose_existing_contact_page, migrations.RunPython.noop)]
