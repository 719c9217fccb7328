"""The admin roles of the clinic's staff and exactly what each may do.

`apply_roles()` makes the groups match these definitions (adding and removing permissions),
so running it again after a change to this file brings every group up to date.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITORS = "Editors"
MEDICAL_REVIEWERS = "Medical reviewers"
FRONT_DESK = "Front desk"
SITE_MANAGERS = "Site managers"

CONTENT_APPS = ["ellemes", "staff", "blog", "specials"]
IMAGE_AND_DOCUMENT_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
EDITING_PAGES = ["add", "change", "lock", "unlock"]
ALL_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]


@dataclass
class Role:
    # "app_label.codename", or "app_label.*" for every permission of that app's models except deleting.
    permissions: list[str] = field(default_factory=list)
    # Section slug under the home page ("" for the whole site) → page actions allowed there.
    page_permissions: dict[str, list[str]] = field(default_factory=dict)
    collection_permissions: list[str] = field(default_factory=list)


ROLES = {
    EDITORS: Role(
        permissions=["wagtailadmin.access_admin", "ellemes.add_treatment", "ellemes.change_treatment"],
        # Articles go live only through the medical review; other sections may be published directly.
        page_permissions={"": EDITING_PAGES, "specials": ["publish"], "staff": ["publish"]},
        collection_permissions=IMAGE_AND_DOCUMENT_PERMISSIONS,
    ),
    MEDICAL_REVIEWERS: Role(
        permissions=["wagtailadmin.access_admin", "ellemes.add_treatment", "ellemes.change_treatment"],
        page_permissions={"": [*EDITING_PAGES, "publish"]},
        collection_permissions=IMAGE_AND_DOCUMENT_PERMISSIONS,
    ),
    FRONT_DESK: Role(permissions=["wagtailadmin.access_admin", "contact.*"]),
    SITE_MANAGERS: Role(
        permissions=[
            "wagtailadmin.access_admin",
            *(f"{app}.*" for app in CONTENT_APPS),
            "contact.*",
            "ellemes.delete_treatment",
            "ellemes.delete_user",
            "auth.*",
            "wagtailcore.*",
            "wagtailredirects.*",
            "wagtailredirects.delete_redirect",
            "wagtailimages.delete_image",
            "wagtaildocs.delete_document",
        ],
        page_permissions={"": ALL_PAGE_ACTIONS},
        collection_permissions=[
            *IMAGE_AND_DOCUMENT_PERMISSIONS,
            "wagtailimages.delete_image",
            "wagtaildocs.delete_document",
        ],
    ),
}


def _resolve(names):
    permissions = set()
    for name in names:
        app_label, codename = name.split(".", 1)
        queryset = Permission.objects.filter(content_type__app_label=app_label)
        if codename == "*":
            permissions.update(queryset.exclude(codename__startswith="delete_"))
        else:
            permissions.update(queryset.filter(codename=codename))
    return permissions


def _section(home, slug):
    return home if not slug else home.get_children().filter(slug=slug).first()


@transaction.atomic
def apply_roles(home=None):
    """Create or update every role's group; returns {group name: created?}."""
    home = home or Page.objects.filter(depth=2).first()
    root_collection = Collection.get_first_root_node()
    outcome = {}
    for name, role in ROLES.items():
        group, created = Group.objects.get_or_create(name=name)
        outcome[name] = created
        group.permissions.set(_resolve(role.permissions))

        GroupPagePermission.objects.filter(group=group).delete()
        if home is not None:
            for slug, actions in role.page_permissions.items():
                section = _section(home, slug)
                if section is None:
                    continue
                for action in actions:
                    permission = Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=f"{action}_page"
                    )
                    GroupPagePermission.objects.create(group=group, page=section, permission=permission)

        GroupCollectionPermission.objects.filter(group=group).delete()
        for permission in _resolve(role.collection_permissions):
            GroupCollectionPermission.objects.create(group=group, collection=root_collection, permission=permission)
    return outcome
