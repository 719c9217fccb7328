from .claims import ClaimsCheckedMixin, ClaimsSettings
from .housekeeping import CommandRun
from .images import ClinicImage, ClinicRendition
from .pages import HomePage
from .site_settings import ClinicSettings, OpeningHours, SocialLink
from .taxonomy import Treatment
from .users import User
from .workflow import MedicalReviewTask

__all__ = [
    "ClaimsCheckedMixin",
    "ClaimsSettings",
    "ClinicImage",
    "CommandRun",
    "ClinicRendition",
    "ClinicSettings",
    "HomePage",
    "MedicalReviewTask",
    "OpeningHours",
    "SocialLink",
    "Treatment",
    "User",
]
