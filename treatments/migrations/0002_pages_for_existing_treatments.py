"""Give every existing treatment tag a treatment page, so that the catalog starts from what the site already has.

The tags (`ellemes.Treatment`) stay, with their slugs: articles, specials, staff and inquiries keep
pointing at them, and `/blog/?treatment=<slug>` keeps working. Each tag gets a draft treatment page
under Treatments › All treatments with the tag's name, slug and description; nothing becomes public
until an editor completes a page and a medical reviewer approves it.
"""

from django.db import migrations
from django.db.models import F

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4  # treebeard's materialised path: four base-36 digits per level, as Wagtail uses it


def _step(number):
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEPLEN, "0")


def _add_draft_child(apps, parent, model, **fields):
    """A draft page of `model` as the last child of `parent` (historical models have no treebeard API)."""
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    parent = Page.objects.get(pk=parent.pk)
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    number = int(last.path[-STEPLEN:], 36) + 1 if last else 1
    content_type, _ = ContentType.objects.get_or_create(
        app_label=model._meta.app_label, model=model._meta.model_name
    )
    page = model.objects.create(
        path=parent.path + _step(number),
        depth=parent.depth + 1,
        numchild=0,
        content_type=content_type,
        live=False,
        has_unpublished_changes=True,
        draft_title=fields["title"],
        url_path=f"{parent.url_path}{fields['slug']}/",
        locale_id=parent.locale_id,
        **fields,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    return page


def pages_for_tags(apps, schema_editor):
    Treatment = apps.get_model("ellemes", "Treatment")
    HomePage = apps.get_model("ellemes", "HomePage")
    TreatmentIndexPage = apps.get_model("treatments", "TreatmentIndexPage")
    TreatmentCategoryPage = apps.get_model("treatments", "TreatmentCategoryPage")
    TreatmentPage = apps.get_model("treatments", "TreatmentPage")

    tags = list(Treatment.objects.filter(page__isnull=True).order_by("name"))
    # Only the tree's columns: the home page's own may have changed since (a later ellemes migration can
    # run before this one), and only its place in the tree is needed.
    home = HomePage.objects.order_by("path").only("pk", "path", "depth").first()
    if not tags or home is None:
        return
    index = TreatmentIndexPage.objects.order_by("path").first() or _add_draft_child(
        apps, home, TreatmentIndexPage, title="Treatments", slug="treatments", show_in_menus=True
    )
    category = TreatmentCategoryPage.objects.filter(path__startswith=index.path).order_by("path").first()
    if category is None:
        category = _add_draft_child(apps, index, TreatmentCategoryPage, title="All treatments", slug="all-treatments")
    taken = set(TreatmentPage.objects.filter(path__startswith=category.path).values_list("slug", flat=True))
    for tag in tags:
        slug = tag.slug if tag.slug not in taken else f"{tag.slug}-{tag.pk}"
        taken.add(slug)
        _add_draft_child(
            apps,
            category,
            TreatmentPage,
            title=tag.name,
            slug=slug,
            summary=tag.short_description or tag.name,
            treatment=tag,
        )


def remove_treatment_pages(apps, schema_editor):
    """Back to the tags alone: the treatment pages go, and their parents' child counts with them."""
    Page = apps.get_model("wagtailcore", "Page")
    pages = Page.objects.filter(content_type__app_label="treatments")
    top = list(pages.filter(depth=pages.order_by("depth").values("depth")[:1]).values_list("path", flat=True))
    pages.delete()
    for path in top:
        parent_path = path[:-STEPLEN]
        children = Page.objects.filter(path__startswith=parent_path, depth=len(parent_path) // STEPLEN + 1).count()
        Page.objects.filter(path=parent_path).update(numchild=children)


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0001_initial"),
        ("ellemes", "0010_clinicsettings_booking_url"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(pages_for_tags, remove_treatment_pages)]
