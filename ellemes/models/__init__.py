from .claims import ClaimsCheckedMixin, ClaimsSettings
from .images import ClinicImage, ClinicRendition
from .pages import HomePage
from .site_settings import ClinicSettings, OpeningHours, SocialLink
from .taxonomy import Treatment
from .users import User

__all__ = [
    "ClaimsCheckedMixin",
    "ClaimsSettings",
    "ClinicImage",
    "ClinicRendition",
    "ClinicSettings",
    "HomePage",
    "OpeningHours",
    "SocialLink",
    "Treatment",
    "User",
]
