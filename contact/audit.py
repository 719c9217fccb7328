import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from contact.models.inquiry import Inquiry


def log_each_inquiry(inquiries, action, *, user=None, deleted=False, data=None):
    """One audit entry per inquiry, all sharing one id so a batch (an export, a purge) reads as one act."""
    content_type = ContentType.objects.get_for_model(Inquiry)
    batch_id = uuid.uuid4()
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            timestamp=now,
            object_id=str(inquiry.pk),
            label=str(inquiry),
            action=action,
            user=user,
            uuid=batch_id,
            deleted=deleted,
            data=data or {},
        )
        for inquiry in inquiries
    )
