"""schema.org data for staff: a `Person` on each profile, the team as employees of the clinic."""

from ellemes.models import ClinicSettings
from ellemes.public_urls import absolute_url, public_site
from ellemes.structured_data import clinic_business


def clinic_json_ld(request):
    """The clinic as a `MedicalBusiness`, from the clinic details editors keep in the settings."""
    return clinic_business(ClinicSettings.for_request(request), public_site(request))


# The board that issues each kind of license, by state. Only Georgia's, where the clinic practices:
# a license from elsewhere names no board rather than a guessed one.
LICENSING_BOARDS = {
    "GA": {
        "md": "Georgia Composite Medical Board",
        "do": "Georgia Composite Medical Board",
        "physician assistant": "Georgia Composite Medical Board",
        "registered nurse": "Georgia Board of Nursing",
        "rn": "Georgia Board of Nursing",
        "nurse practitioner": "Georgia Board of Nursing",
        "licensed esthetician": "Georgia State Board of Cosmetology and Barbers",
    }
}


def licensing_board(license_type, state):
    """The licensing board as a schema.org `Organization`, or None when we cannot name it for certain."""
    kind = " ".join(license_type.replace(".", "").lower().split())
    name = LICENSING_BOARDS.get(state.upper(), {}).get(kind)
    if name is None:
        return None
    address = {"@type": "PostalAddress", "addressRegion": state.upper(), "addressCountry": "US"}
    return {"@type": "Organization", "name": name, "address": address}


def credential(member):
    """The license as an `EducationalOccupationalCredential`; the number only when editors chose to show it."""
    if not member.license_type:
        return None
    data = {"@type": "EducationalOccupationalCredential", "credentialCategory": "license", "name": member.license_type}
    if member.license_display:
        data["identifier"] = member.license_number
        if (board := licensing_board(member.license_type, member.license_state)) is not None:
            data["recognizedBy"] = board
    return data


def person(member, request, image=None):
    url = member.get_full_url(request)
    data = {"@type": "Person", "name": member.title, "jobTitle": member.role, "url": url}
    if image is not None:
        data["image"] = absolute_url(public_site(request), image.url)
    if (license := credential(member)) is not None:
        data["hasCredential"] = license
    return data


def person_data(member, request, image=None, specialties=()):
    """The profile page's `Person`, working for the clinic."""
    data = {"@context": "https://schema.org", **person(member, request, image), "description": member.short_bio}
    data["worksFor"] = clinic_json_ld(request)
    if specialties:
        data["knowsAbout"] = [treatment.name for treatment in specialties]
    return data


def team_data(index, members, request):
    """The clinic with the team as its employees, for the “Our Team” page."""
    data = {"@context": "https://schema.org", **clinic_json_ld(request)}
    data["employee"] = [person(member, request) for member in members]
    return data
