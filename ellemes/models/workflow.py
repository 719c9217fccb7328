from django.db.models import Q
from wagtail.models import AbstractGroupApprovalTask, TaskState


class MedicalReviewTask(AbstractGroupApprovalTask):
    """Approval by a medical reviewer; the approver's publish stamps them as the reviewer of what goes live.

    Unlike Wagtail's group approval, superusers who are not in the reviewers' groups cannot approve:
    a medical approval must come from a clinician, whatever else an account may do.
    """

    def get_actions(self, obj, user):
        if not self.user_is_reviewer(user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self.user_is_reviewer(user):
            return TaskState.objects.none()
        return super().get_task_states_user_can_moderate(user, **kwargs)

    def user_is_reviewer(self, user):
        return user.is_active and self.groups.filter(Q(user=user)).exists()

    @classmethod
    def get_description(cls):
        return "Medical reviewers approve the content; approval records them as its reviewer."

    class Meta:
        verbose_name = "medical review task"
        verbose_name_plural = "medical review tasks"
