from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    """Staff accounts: lockout, two-factor authentication, who may manage whom, password reset."""

    default = True
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"


class ClinicUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with the clinic's user views (accounts.users), set up the way Wagtail documents."""

    default = False
    user_viewset = "accounts.users.UserViewSet"
