import datetime
import re
import zoneinfo
from urllib.parse import quote

import django_filters
from django import forms
from django.conf import settings
from django.contrib.auth import get_permission_codename, get_user_model
from django.db import transaction
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.timezone import localtime
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import UserColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.permissions import ModelPermissionPolicy

from contact.audit import log_each_inquiry
from contact.forms import PHONE_CHARACTERS
from contact.models.inquiry import Inquiry
from contact.tasks import notify_later

# Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def email_link(email):
    return format_html('<a href="mailto:{}">{}</a>', quote(email, safe="@"), email) if email else ""


def phone_link(phone):
    """A `tel:` link for a number as the contact form accepts them; the dialler wants only digits and a leading +."""
    if not phone or not PHONE_CHARACTERS.match(phone):
        return phone
    number = re.sub(r"\D", "", phone)
    return format_html('<a href="tel:{}">{}</a>', f"+{number}" if phone.startswith("+") else number, phone)


class StaffMemberChoiceField(forms.ModelChoiceField):
    """Staff by name (“Priya Shah”), as the front desk knows them, not by account name."""

    def label_from_instance(self, obj):
        return get_user_display_name(obj)


class ContactLinkPanel(FieldPanel):
    """A read-only email address or phone number that opens the mail program or the phone's dialler."""

    def __init__(self, field_name, link, **kwargs):
        super().__init__(field_name, read_only=True, **kwargs)
        self.link = link

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.pop("read_only")
        return {**kwargs, "link": self.link}

    def format_value_for_display(self, value):
        return self.link(value)


class InquiryForm(WagtailAdminModelForm):
    class Meta:
        field_classes = {"assigned_to": StaffMemberChoiceField}


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


class StaffMemberFilter(django_filters.ModelChoiceFilter):
    field_class = StaffMemberChoiceField


class InquiryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Inquiry.Status.choices)
    assigned_to = StaffMemberFilter(label="Assigned to", queryset=get_user_model().objects.filter(is_active=True))
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
    # Exports are for people, in the clinic's own time: an 8:15 a.m. inquiry must not read 13:15.
    clinic_time = zoneinfo.ZoneInfo(settings.TIME_ZONE)

    @cached_property
    def header_buttons(self):
        # Downloads as buttons of their own: in the “…” menu the front desk never found them.
        return [
            *super().header_buttons,
            HeaderButton("Download Excel", url=self.xlsx_export_url, icon_name="download", priority=90),
            HeaderButton("Download CSV", url=self.csv_export_url, icon_name="download", priority=100),
        ]

    @cached_property
    def header_more_buttons(self):
        downloads = {self.xlsx_export_url, self.csv_export_url}
        return [button for button in super().header_more_buttons if button.url not in downloads]

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return {name: self.readable(item, name, value) for name, value in row.items()}

    def readable(self, item, name, value):
        """What staff read in the listing: “New” rather than “new”, a name rather than an account, clinic time."""
        field = Inquiry._meta.get_field(name)
        if field.choices:
            return getattr(item, f"get_{name}_display")()
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, datetime.datetime):
            # Naive, in clinic time: Wagtail writes an aware datetime to Excel in UTC.
            return localtime(value, self.clinic_time).replace(tzinfo=None, microsecond=0)
        if name == "assigned_to" and value is not None:
            return get_user_display_name(value)
        return value

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

    def get_email_display_value(self):
        return email_link(self.object.email)

    def get_phone_display_value(self):
        return phone_link(self.object.phone)

    def get_assigned_to_display_value(self):
        return get_user_display_name(self.object.assigned_to) if self.object.assigned_to else "Not assigned"


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
        UserColumn("assigned_to", label="Assigned to", blank_display_name="Not assigned"),
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
                    ContactLinkPanel("email", link=email_link),
                    ContactLinkPanel("phone", link=phone_link),
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
        ],
        base_form_class=InquiryForm,
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
