"""What the staff app shows on the home page: a few of the team, with the way to meet them all."""

from ellemes.slots import section_page
from staff.models import StaffIndexPage

HOME_TEAM = 3


def home_team(request, page):
    index_page = section_page(request, StaffIndexPage)
    if index_page is None:
        return None
    members = list(index_page.staff_members()[: HOME_TEAM + 1])
    if not members:
        return None
    return {
        "members": members[:HOME_TEAM],
        "more": len(members) > HOME_TEAM,
        "team_url": index_page.get_url(request),
    }
