"""The admin roles of the clinic's staff and exactly what each may do.

`apply_roles()` makes the groups match these definitions (adding and removing permissions),
creates the "Medical review" workflow and attaches it to the blog, the treatments, the specials and
the team, so running it again after a change to this file brings every group up to date.

- Editors: write and edit articles, treatment pages, specials and staff profiles, upload images, edit
  treatment tags and concerns. They publish specials and staff profiles themselves, but articles and
  treatment pages only through the medical review (they submit; a medical reviewer approves, and
  approval publishes).
- Medical reviewers: everything editors can, plus approving the medical review step. Wagtail
  publishes an approved page as the approver, so they hold the publish permission too.
- Front desk: inquiries only (view, change status and notes, export).
- Site managers: everything, including site settings, the policies (legal pages), users and groups, and
  publishing, except medical approval: text with risky claims goes live only when a medical reviewer approves it.

Wagtail's own "Moderators" group and "Moderators approval" workflow (which would send every
page in the site to a group nobody belongs to) are retired: the group is deleted when it has no
members, and the workflow deactivated.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from blog.models import BlogIndexPage
from ellemes.claims import PUBLISH_RISKY_CLAIMS
from ellemes.models import MedicalReviewTask
from specials.models import SpecialsIndexPage
from staff.models import StaffIndexPage
from treatments.models import TreatmentIndexPage

EDITORS = "Editors"
MEDICAL_REVIEWERS = "Medical reviewers"
FRONT_DESK = "Front desk"
SITE_MANAGERS = "Site managers"

MEDICAL_REVIEW_WORKFLOW = "Medical review"
# Sections whose pages go through the medical review when submitted.
MEDICAL_REVIEW_SECTIONS = [BlogIndexPage, SpecialsIndexPage, StaffIndexPage, TreatmentIndexPage]
WAGTAIL_DEFAULT_GROUP = "Moderators"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

CONTENT_APPS = ["ellemes", "staff", "blog", "specials", "treatments", "legal"]
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
ARTICLES, SPECIALS, STAFF = BlogIndexPage, SpecialsIndexPage, StaffIndexPage
TREATMENTS = [
    "ellemes.add_treatment",
    "ellemes.change_treatment",
    "treatments.add_concern",
    "treatments.change_concern",
]
# The treatment catalog: its pages are medical text, published only through the medical review.
CATALOG = TreatmentIndexPage


@dataclass
class Role:
    # "app_label.codename", or "app_label.*" for every permission of that app's models except deleting.
    permissions: list[str] = field(default_factory=list)
    # Section (None for the whole site, else the model of a section's index page) → page actions there.
    page_permissions: dict[type | None, list[str]] = field(default_factory=dict)
    collection_permissions: list[str] = field(default_factory=list)


ROLES = {
    EDITORS: Role(
        permissions=["wagtailadmin.access_admin", *TREATMENTS],
        # Articles go live only through the medical review; specials and profiles may be published directly.
        page_permissions={
            ARTICLES: EDITING_PAGES,
            CATALOG: EDITING_PAGES,
            SPECIALS: [*EDITING_PAGES, "publish"],
            STAFF: [*EDITING_PAGES, "publish"],
        },
        collection_permissions=IMAGE_AND_DOCUMENT_PERMISSIONS,
    ),
    MEDICAL_REVIEWERS: Role(
        permissions=["wagtailadmin.access_admin", *TREATMENTS, PUBLISH_RISKY_CLAIMS],
        page_permissions={section: [*EDITING_PAGES, "publish"] for section in (ARTICLES, CATALOG, SPECIALS, STAFF)},
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
            # The roles' permissions are this file (`setup_roles`): managers put people in groups, never
            # change what a group may do, so no manager can grant themselves medical approval.
            "auth.view_group",
            "wagtailcore.*",
            "wagtailredirects.*",
            "wagtailredirects.delete_redirect",
            "wagtailimages.delete_image",
            "wagtaildocs.delete_document",
        ],
        page_permissions={None: ALL_PAGE_ACTIONS},
        collection_permissions=[
            *IMAGE_AND_DOCUMENT_PERMISSIONS,
            "wagtailimages.delete_image",
            "wagtaildocs.delete_document",
        ],
    ),
}

# Development accounts, one per role (`load_demo_content` with DEBUG on).
DEMO_USERS = {
    "editor": (EDITORS, "Elena", "Editor"),
    "reviewer": (MEDICAL_REVIEWERS, "Maya", "Okafor"),
    "frontdesk": (FRONT_DESK, "Priya", "Shah"),
    "manager": (SITE_MANAGERS, "Sam", "Manager"),
}


def _resolve(names):
    permissions = set()
    for name in names:
        app_label, codename = name.split(".", 1)
        queryset = Permission.objects.filter(content_type__app_label=app_label)
        if codename == "*":
            # Medical approval is a clinician's role: granted by name, never by a wildcard.
            everything = queryset.exclude(codename__startswith="delete_")
            permissions.update(everything.exclude(codename=PUBLISH_RISKY_CLAIMS.split(".", 1)[1]))
        else:
            permissions.update(queryset.filter(codename=codename))
    return permissions


def section_page(home, model):
    """The home page for None, else the first page of `model` (a section's index page) under it."""
    if model is None:
        return home
    return model.objects.descendant_of(home).first()


def _retire_wagtail_defaults():
    group = Group.objects.filter(name=WAGTAIL_DEFAULT_GROUP).first()
    if group is not None and not group.user_set.exists():
        group.delete()
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        workflow.deactivate()


def ensure_medical_review_workflow(home):
    """The "Medical review" workflow, with its one task for the Medical reviewers, on the blog and specials."""
    task = MedicalReviewTask.objects.filter(name=MEDICAL_REVIEW_WORKFLOW).first()
    if task is None:
        task = MedicalReviewTask.objects.create(name=MEDICAL_REVIEW_WORKFLOW)
    task.active = True
    task.save()
    task.groups.set([Group.objects.get(name=MEDICAL_REVIEWERS)])

    workflow, _ = Workflow.objects.get_or_create(name=MEDICAL_REVIEW_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save()
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    if home is not None:
        for model in MEDICAL_REVIEW_SECTIONS:
            section = section_page(home, model)
            if section is not None:
                WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def apply_roles(home=None):
    """Create or update every role's group and the medical review workflow; returns {group name: created?}."""
    home = home or Page.objects.filter(depth=2).first()
    root_collection = Collection.get_first_root_node()
    outcome = {}
    for name, role in ROLES.items():
        group, created = Group.objects.get_or_create(name=name)
        outcome[name] = created
        group.permissions.set(_resolve(role.permissions))

        GroupPagePermission.objects.filter(group=group).delete()
        if home is not None:
            for model, actions in role.page_permissions.items():
                section = section_page(home, model)
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
    _retire_wagtail_defaults()
    ensure_medical_review_workflow(home)
    return outcome
