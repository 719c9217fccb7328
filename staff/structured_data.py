"""schema.org data for staff: a `Person` on each profile, the team as employees of the clinic."""

from ellemes.models import ClinicSettings
from ellemes.public_urls import absolute_url, public_site
from ellemes.structured_data import clinic_business, json_ld_script


def clinic_json_ld(request):
    """The clinic as a `MedicalBusiness`, from the clinic details editors keep in the settings."""
    return clinic_business(ClinicSettings.for_request(request), public_site(request))


def credential(member):
    """The license as an `EducationalOccupationalCredential`; the number only when editors chose to show it."""
    if not member.license_type:
        return None
    data = {"@type": "EducationalOccupationalCredential", "credentialCategory": "license", "name": member.license_type}
    if member.license_display:
        data["identifier"] = member.license_number
        data["recognizedBy"] = {"@type": "State", "name": member.license_state.upper()}
    return data


def person(member, request, image=None):
    url = member.get_full_url(request)
    data = {"@type": "Person", "name": member.title, "jobTitle": member.role, "url": url}
    if image is not None:
        data["image"] = absolute_url(public_site(request), image.url)
    if (license := credential(member)) is not None:
        data["hasCredential"] = license
    return data


def person_json_ld(member, request, image=None, specialties=()):
    """The profile page's `Person`, working for the clinic."""
    data = {"@context": "https://schema.org", **person(member, request, image), "description": member.short_bio}
    data["worksFor"] = clinic_json_ld(request)
    if specialties:
        data["knowsAbout"] = [treatment.name for treatment in specialties]
    return json_ld_script(data)


def team_json_ld(index, members, request):
    """The clinic with the team as its employees, for the “Our Team” page."""
    data = {"@context": "https://schema.org", **clinic_json_ld(request)}
    data["employee"] = [person(member, request) for member in members]
    return json_ld_script(data)
