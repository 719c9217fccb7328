from django.urls import path

from accounts.views import QueuedPasswordResetView

# Mounted at the address of Wagtail's own password reset form, ahead of it.
urlpatterns = [
    path("", QueuedPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
]
