"""What the 503 page can still tell a patient while the database is down: the clinic's phone number,
from a copy in a file that is written whenever Clinic details are saved."""

import json
import logging
import os
import re
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.db.models.signals import post_migrate, post_save
from wagtail.models import Site

from ellemes.models import ClinicSettings

logger = logging.getLogger(__name__)


def contact_file():
    return Path(settings.CLINIC_CONTACT_FILE or Path(settings.MEDIA_ROOT) / "clinic-contact.json")


def write_clinic_contact(clinic):
    """Keep the public name and phone number where the 503 page can read them without the database."""
    path = contact_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(json.dumps({"name": clinic.name, "phone": clinic.phone}))
        os.replace(partial, path)  # readers never see half a file
    except OSError as error:
        logger.warning("Could not keep the clinic's contact details for the outage page: %s", error)


def read_clinic_contact():
    """The copy's name and phone (empty when there is none or it cannot be read)."""
    try:
        data = json.loads(contact_file().read_text())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    phone = str(data.get("phone") or "")
    return {"name": str(data.get("name") or ""), "phone": phone, "phone_link": re.sub(r"[^\d+]", "", phone)}


def _settings_saved(sender, instance, **kwargs):
    if instance.site_id and instance.site.is_default_site:
        write_clinic_contact(instance)


def _migrated(sender, **kwargs):
    # A deployment that existed before the copy gets one on its next migrate, without anyone saving the settings.
    write_default_clinic_contact()


def write_default_clinic_contact():
    """Write the copy from the default site's Clinic details, if the database has them."""
    try:
        clinic = ClinicSettings.objects.filter(site__in=Site.objects.filter(is_default_site=True)).first()
    except DatabaseError:
        return
    if clinic is not None:
        write_clinic_contact(clinic)


def connect(app_config):
    post_save.connect(_settings_saved, sender=ClinicSettings, dispatch_uid="clinic-contact-copy")
    post_migrate.connect(_migrated, sender=app_config, dispatch_uid="clinic-contact-copy")
