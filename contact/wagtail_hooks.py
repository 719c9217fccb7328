import django_filters
from django.contrib.auth import get_permission_codename
from django.db import transaction
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permissions import ModelPermissionPolicy

from contact.audit import log_each_inquiry
from contact.models.inquiry import Inquiry
from contact.tasks import notify_later

# Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


@hooks.register("register_log_actions")
def register_inquiry_log_actions(actions):
    actions.register_action("contact.inquiry.view", "View inquiry", "Viewed the inquiry’s details")
    actions.register_action("contact.inquiry.export", "Export inquiry", "Exported the inquiry")
    actions.register_action("contact.inquiry.purge", "Purge inquiry", "Deleted after the retention period")


class InquiryPermissionPolicy(ModelPermissionPolicy):
    """Inquiries come only from the public form: nobody adds or copies them in the admin."""

    def user_has_permission(self, user, action):
        return action not in ("add", "copy") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class InquiryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Inquiry.Status.choices)
    inquiry_type = django_filters.ChoiceFilter(label="Type", choices=Inquiry.Type.choices)
    created_at = django_filters.DateFromToRangeFilter(label="Received", widget=DateRangePickerWidget)
    spam = django_filters.ChoiceFilter(
        label="Spam",
        choices=[("quarantine", "Quarantine only"), ("all", "Inbox and quarantine")],
        empty_label="Inbox (spam hidden)",
        method="keep_all",  # applied in InquiryIndexView, because "no choice" must hide spam too
    )

    class Meta:
        model = Inquiry
        fields = ["status", "inquiry_type", "assigned_to", "notice_status", "acknowledgement_status"]

    def keep_all(self, queryset, name, value):
        return queryset


class InquiryIndexView(generic.IndexView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        spam = self.filters.form.cleaned_data.get("spam") if self.filters and self.filters.is_valid() else ""
        if spam == "quarantine":
            return queryset.quarantined()
        if spam == "all":
            return queryset
        return queryset.inbox()

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value) if export_format == self.FORMAT_CSV else value

    def stream_csv(self, queryset):
        # A byte-order mark so Excel reads the file as UTF-8 and shows “José” and “李” correctly.
        yield "\ufeff".encode()
        yield from super().stream_csv(queryset)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        log_each_inquiry(
            list(queryset), "contact.inquiry.export", user=self.request.user, data={"format": spreadsheet_format}
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class InquiryInspectView(generic.InspectView):
    def get(self, request, *args, **kwargs):
        log(self.object, "contact.inquiry.view", user=request.user)
        return super().get(request, *args, **kwargs)


class InquiryEditView(generic.EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(self.object, "contact.inquiry.view", user=request.user)
        return response

    def save_instance(self):
        was_spam = Inquiry.objects.filter(pk=self.object.pk, is_spam=True).exists()
        with transaction.atomic():
            instance = super().save_instance()
            if was_spam and not instance.is_spam and instance.notice_status == Inquiry.Notification.QUARANTINED:
                # Rescued from quarantine: now the front desk hears about it, and the sender gets a receipt.
                instance.notice_status = instance.acknowledgement_status = Inquiry.Notification.PENDING
                instance.save(update_fields=["notice_status", "acknowledgement_status"])
                notify_later(instance)
        return instance


class InquiryViewSet(ModelViewSet):
    """The front desk's inbox of inquiries from the contact form."""

    model = Inquiry
    name = "inquiries"
    icon = "mail"
    menu_label = "Inquiries"
    menu_order = 250
    add_to_admin_menu = True
    # Pages' "usage" listings, seen by every editor, must not reveal inquiries.
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = InquiryIndexView
    edit_view_class = InquiryEditView
    inspect_view_class = InquiryInspectView
    filterset_class = InquiryFilterSet
    search_fields = ["reference", "name", "email"]
    list_display = [
        "reference",
        "created_at",
        "inquiry_type",
        "name",
        "status",
        "assigned_to",
        "notice_status",
        "acknowledgement_status",
    ]
    list_export = [
        "reference",
        "created_at",
        "status",
        "inquiry_type",
        "name",
        "email",
        "phone",
        "contact_method",
        "treatment",
        "special",
        "staff_member",
        "message",
        "assigned_to",
        "internal_notes",
        "is_spam",
        "spam_reason",
        "notice_status",
        "acknowledgement_status",
        "consent_text",
        "consented_at",
    ]
    export_headings = {"inquiry_type": "Type", "is_spam": "Spam", "created_at": "Received"}
    export_filename = "inquiries"
    inspect_view_fields = [
        "reference",
        "created_at",
        "inquiry_type",
        "name",
        "email",
        "phone",
        "contact_method",
        "treatment",
        "special",
        "staff_member",
        "message",
        "consent_text",
        "consented_at",
        "status",
        "assigned_to",
        "internal_notes",
        "is_spam",
        "spam_reason",
        "notice_status",
        "acknowledgement_status",
        "notification_attempts",
        "notification_error",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("status"), FieldPanel("assigned_to")]),
                    FieldPanel("internal_notes"),
                    FieldPanel("is_spam"),
                ],
                heading="Front desk",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("inquiry_type", read_only=True),
                    FieldPanel("name", read_only=True),
                    FieldPanel("email", read_only=True),
                    FieldPanel("phone", read_only=True),
                    FieldPanel("contact_method", read_only=True),
                    FieldPanel("treatment", read_only=True),
                    FieldPanel("special", read_only=True),
                    FieldPanel("staff_member", read_only=True),
                    FieldPanel("message", read_only=True),
                ],
                heading="What they sent",
            ),
            MultiFieldPanel(
                [
                    FieldPanel("consent_text", read_only=True),
                    FieldPanel("consented_at", read_only=True),
                    FieldPanel("spam_reason", read_only=True),
                    FieldRowPanel(
                        [
                            FieldPanel("notice_status", read_only=True),
                            FieldPanel("acknowledgement_status", read_only=True),
                        ]
                    ),
                    FieldPanel("notification_error", read_only=True),
                ],
                heading="Consent and delivery",
            ),
        ]
    )

    @property
    def permission_policy(self):
        return InquiryPermissionPolicy(self.model)

    def get_permissions_to_register(self):
        add = get_permission_codename("add", self.model_opts)
        return super().get_permissions_to_register().exclude(codename=add)


@hooks.register("register_admin_viewset")
def register_inquiry_viewset():
    return InquiryViewSet()
