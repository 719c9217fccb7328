from .images import ClinicImage, ClinicRendition
from .pages import HomePage
from .site_settings import ClinicSettings, OpeningHours, SocialLink
from .taxonomy import Treatment
from .users import User

__all__ = [
    "ClinicImage",
    "ClinicRendition",
    "ClinicSettings",
    "HomePage",
    "OpeningHours",
    "SocialLink",
    "Treatment",
    "User",
]
