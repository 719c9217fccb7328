"""An inquiry notice never waits behind image work: renditions have a queue, and a worker, of their own."""

import pytest
from django.core import mail
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from contact.models import Inquiry
from contact.tests.conftest import valid_data
from ellemes.factories import ImageFactory
from ellemes.renditions import generate_renditions

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("contact_page")]


def test_a_notice_is_sent_while_a_large_images_renditions_are_still_waiting(client, run_worker):
    images = [ImageFactory(title=f"Large image {n}", file__width=1600, file__height=1200).pk for n in range(3)]
    renditions = generate_renditions.enqueue(images)  # every image at once: minutes of work for one worker
    assert client.post("/contact/", valid_data()).status_code == 302

    run_worker()  # the notices' worker, as `run_worker` runs by default

    inquiry = Inquiry.objects.get()
    assert [message.subject for message in mail.outbox][0].startswith(f"New inquiry #{inquiry.reference}")
    assert DBTaskResult.objects.get(pk=renditions.id).status == TaskResultStatus.READY
