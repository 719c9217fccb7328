"""Who may manage whom: only superusers touch superusers; Site managers hand out the four clinic roles only.

Wagtail's user forms let anyone with the user permissions tick "Administrator" (is_superuser), pick any
group, and set the password of any account, a superuser's included. Here the forms, the edit and delete
views and the bulk actions all ask `may_manage` and `assignable_groups` first.
"""

from django.contrib.auth.models import Group
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users
from wagtail.users.views.bulk_actions import AssignRoleBulkAction, SetActiveStateBulkAction


def clinic_role_names():
    """The clinic roles, as the apps that define them register them (the `clinic_roles` hook)."""
    return [name for provide in hooks.get_hooks("clinic_roles") for name in provide()]


def assignable_groups(actor):
    """The groups `actor` may give people: any for a superuser, otherwise the clinic roles."""
    return Group.objects.all() if actor.is_superuser else Group.objects.filter(name__in=clinic_role_names())


def may_manage(actor, user):
    """Only a superuser may edit a superuser (details, password, groups, active state) or delete one."""
    return actor.is_superuser or not user.is_superuser


class ClinicRolesFormMixin:
    """Without superuser rights, no "Administrator" box and only the clinic roles to choose from."""

    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        if actor is None or not actor.is_superuser:
            self.fields.pop("is_superuser", None)
        self.fields["groups"].queryset = assignable_groups(actor) if actor else Group.objects.none()

    def clean_groups(self):
        chosen = self.cleaned_data["groups"]
        if self.instance.pk is None or (self.actor and self.actor.is_superuser):
            return chosen
        # Groups outside the clinic roles stay as a superuser set them.
        kept = self.instance.groups.exclude(pk__in=self.fields["groups"].queryset)
        return Group.objects.filter(pk__in=[*chosen.values_list("pk", flat=True), *kept.values_list("pk", flat=True)])


class ClinicUserCreationForm(ClinicRolesFormMixin, UserCreationForm):
    pass


class ClinicUserEditForm(ClinicRolesFormMixin, UserEditForm):
    pass


class ActorFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.request.user}


class CreateView(ActorFormMixin, users.CreateView):
    pass


class EditView(ActorFormMixin, users.EditView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage(request.user, self.object):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class DeleteView(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage(request.user, self.get_object()):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    # A copy would start from another account's rights; new accounts start from nothing.
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return ClinicUserEditForm if for_update else ClinicUserCreationForm


class ClinicAssignRoleBulkAction(AssignRoleBulkAction):
    def check_perm(self, obj):
        return super().check_perm(obj) and may_manage(self.request.user, obj)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = assignable_groups(self.request.user)
        return form


class ClinicSetActiveStateBulkAction(SetActiveStateBulkAction):
    def check_perm(self, obj):
        return super().check_perm(obj) and may_manage(self.request.user, obj)
