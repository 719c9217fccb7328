from django.urls import path, reverse
from wagtail import hooks

from accounts.users import ClinicAssignRoleBulkAction, ClinicSetActiveStateBulkAction
from accounts.views import TwoFactorSetupView, TwoFactorVerifyView


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", TwoFactorVerifyView.as_view(), name="accounts_two_factor_verify"),
        path("two-factor/setup/", TwoFactorSetupView.as_view(), name="accounts_two_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_two_factor_setup"),
        "label": "Two-factor authentication",
        "help_text": "Move your authenticator to a new phone, or make new backup codes.",
    }


# Registered after Wagtail's own (higher order), so these replace the bulk actions of the same type.
hooks.register("register_bulk_action", ClinicAssignRoleBulkAction, order=100)
hooks.register("register_bulk_action", ClinicSetActiveStateBulkAction, order=100)
