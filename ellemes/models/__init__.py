from .claims import ClaimsCheckedMixin, ClaimsSettings
from .housekeeping import CommandRun
from .images import ClinicImage, ClinicRendition
from .pages import HomePage
from .site_settings import WEEKDAYS, ClinicSettings, opening_day, social_link
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
    "WEEKDAYS",
    "Treatment",
    "User",
    "opening_day",
    "social_link",
]
