"""Image renditions are made ahead of time, never by the first patient who opens a page.

Uploading (or replacing) an image, or publishing a page, queues a background task on the durable
backend's own "renditions" queue (run by `manage.py run_worker --queues renditions`, a worker of
its own) that makes every rendition the templates use (`ellemes.images.warm_specs()`) for the
images concerned. `manage.py warm_renditions` makes any that are still missing.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.signals import page_published

from ellemes.images import warm_specs


def missing_specs(image, specs=None):
    specs = specs or warm_specs()
    have = set(image.renditions.values_list("filter_spec", flat=True))
    return [spec for spec in specs if spec not in have]


def make_renditions(image):
    """Make the renditions `image` lacks; returns how many were made."""
    missing = missing_specs(image)
    if missing:
        image.get_renditions(*missing)
    return len(missing)


# A queue of its own, with a worker of its own: a huge image's renditions can take minutes and gigabytes,
# and must never hold up an inquiry notice.
RENDITIONS_QUEUE = "renditions"


@task(backend="durable", queue_name=RENDITIONS_QUEUE)
def generate_renditions(image_ids):
    made = 0
    for image in get_image_model().objects.filter(pk__in=image_ids):
        made += make_renditions(image)
    return made


def queue_renditions(image_ids):
    image_ids = sorted({int(pk) for pk in image_ids if pk})
    if image_ids:
        transaction.on_commit(lambda: generate_renditions.enqueue(image_ids))


def images_of_page(page):
    """Ids of the images a page shows: its image fields and the images inside its StreamFields."""
    image_type = ContentType.objects.get_for_model(get_image_model())
    references = ReferenceIndex.get_references_for_object(page).filter(to_content_type=image_type)
    return {int(pk) for pk in references.values_list("to_object_id", flat=True)}


def _image_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if created or update_fields is None or "file" in update_fields or "focal_point_x" in update_fields:
        queue_renditions([instance.pk])


def _page_published(sender, instance, **kwargs):
    queue_renditions(images_of_page(instance))


def connect():
    post_save.connect(_image_saved, sender=get_image_model(), dispatch_uid="renditions_on_upload")
    page_published.connect(_page_published, dispatch_uid="renditions_on_publish")
