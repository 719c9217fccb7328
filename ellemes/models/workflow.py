from django.db import transaction
from django.utils.timezone import localdate
from wagtail.models import AbstractGroupApprovalTask


class MedicalReviewTask(AbstractGroupApprovalTask):
    """Approval by a medical reviewer that also records who reviewed the content, and when.

    Content that keeps a review record implements `medical_review_content(user, on)`, returning
    the revision fields to set (e.g. reviewer and review date). They are written into the revision
    being approved, so what goes live says truthfully who reviewed it.
    """

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            revision = task_state.revision
            record_review = getattr(revision.as_object(), "medical_review_content", None)
            if record_review is not None:
                revision.content.update(record_review(user, localdate()))
                revision.save(update_fields=["content"])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Medical reviewers approve the content; approval records them as its reviewer."

    class Meta:
        verbose_name = "medical review task"
        verbose_name_plural = "medical review tasks"
