import re
import unicodedata

from django import forms
from django.db.models import F
from django.forms.renderers import Jinja2

from contact.models.inquiry import Inquiry
from ellemes.models import Treatment
from specials.models import SpecialPage
from staff.models import StaffMemberPage
from treatments.models import TreatmentPage

CONSENT_TEXT = "I agree that ELLEMES Medical Spa may contact me about this inquiry"
PHONE_CHARACTERS = re.compile(r"^[0-9 +\-()]+$")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def refuse_invisible_characters(value):
    """Refuse format characters (Unicode category Cf): invisible, or reversing the text, in a one-line answer."""
    if any(unicodedata.category(character) == "Cf" for character in value):
        raise forms.ValidationError(
            "Please remove the invisible characters (such as direction marks or zero-width spaces), "
            "for example by typing the answer again.",
            code="format_characters",
        )


class MessageField(forms.CharField):
    """Counts a line break as one character, as the browser's counter does, before checking the length."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class PageChoiceField(forms.ModelChoiceField):
    """Choose a page by its slug, so links like `?special=<slug>` can pre-select it."""

    def label_from_instance(self, obj):
        # Staff are named as wherever the site promotes them: license type and role alongside the name.
        return getattr(obj, "name_license_and_role", obj.title)


class TreatmentChoiceField(forms.ModelChoiceField):
    """A treatment from the catalog, named as its page is, chosen by its tag's slug (`?treatment=<slug>`)."""

    def label_from_instance(self, obj):
        return obj.page_title


class InquiryForm(forms.Form):
    """The contact form. Labels are part of the site's contract with patients: change them deliberately."""

    name = forms.CharField(label="Name", max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label="Email", max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = forms.CharField(
        label="Phone",
        required=False,
        max_length=30,
        help_text="Optional. Digits, spaces, +, - and brackets.",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    contact_method = forms.ChoiceField(
        label="Preferred contact method",
        choices=Inquiry.ContactMethod.choices,
        initial=Inquiry.ContactMethod.EMAIL,
        widget=forms.RadioSelect,
    )
    inquiry_type = forms.ChoiceField(label="How can we help you?", choices=[("", "Choose one")] + Inquiry.Type.choices)
    treatment = TreatmentChoiceField(
        label="Treatment of interest",
        required=False,
        queryset=None,
        to_field_name="slug",
        empty_label="No particular treatment",
    )
    special = PageChoiceField(
        label="Special", required=False, queryset=None, to_field_name="slug", empty_label="No special"
    )
    staff_member = PageChoiceField(
        label="Preferred staff member",
        required=False,
        queryset=None,
        to_field_name="slug",
        empty_label="No preference",
    )
    message = MessageField(
        label="Message",
        max_length=2000,
        help_text="Up to 2,000 characters.",
        widget=forms.Textarea(attrs={"rows": 8, "data-character-count": ""}),
    )
    consent = forms.BooleanField(label=CONSENT_TEXT)
    # The honeypot: hidden from people (and screen readers), filled in by bots that fill in everything.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    honeypot_fields = ("website",)
    default_renderer = Jinja2()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each option needs a value and a label only: the rest of a page is left unread.
        # The treatments patients can read about: a tag whose page is a draft or private is not offered.
        self.fields["treatment"].queryset = (
            Treatment.objects.filter(page__in=TreatmentPage.objects.published())
            .annotate(page_title=F("page__title"))
            .only("slug")
            .order_by("page_title")
        )
        self.fields["special"].queryset = (
            SpecialPage.objects.published().running().order_by("ends_on", "title").only("title", "slug")
        )
        self.fields["staff_member"].queryset = (
            StaffMemberPage.objects.published().order_by("path").only("title", "slug", "license_type", "role")
        )

    @classmethod
    def for_request(cls, request, token):
        """An empty form, pre-selecting a running special, a treatment or a staff member named in the address."""
        form = cls(initial={"form_token": token})
        for name, parameter in (("special", "special"), ("treatment", "treatment"), ("staff_member", "staff")):
            slug = request.GET.get(parameter, "")
            if slug and slug in {value for value, _ in form.fields[name].choices}:
                form.initial[name] = slug
        if "special" in form.initial:
            form.initial["inquiry_type"] = Inquiry.Type.SPECIAL
        elif "treatment" in form.initial:
            # A treatment page's “Book” button.
            form.initial["inquiry_type"] = Inquiry.Type.CONSULTATION
        return form

    @property
    def preselected(self):
        """What the address chose for an empty form (a special, treatment or staff member, and the inquiry type):
        its fields differ only by this, so they are kept per choice (`contact/includes/inquiry_form.html`)."""
        return sorted((name, value) for name, value in self.initial.items() if name != "form_token")

    def clean_name(self):
        name = self.cleaned_data["name"]
        if CONTROL_CHARACTERS.search(name):
            raise forms.ValidationError("Please write your name on one line.", code="one_line")
        refuse_invisible_characters(name)
        return name

    def clean_email(self):
        email = self.cleaned_data["email"]
        refuse_invisible_characters(email)
        domain = email.rpartition("@")[2]
        # Django accepts x@localhost; nobody can write back to an address without a dotted domain.
        if "." not in domain.strip("."):
            raise forms.ValidationError("Enter your full email address, e.g. name@example.com.", code="dotless_domain")
        return email

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if not phone:
            return phone
        refuse_invisible_characters(phone)
        digits = sum(c.isdigit() for c in phone)
        if not PHONE_CHARACTERS.match(phone) or not 7 <= digits <= 20:
            raise forms.ValidationError(
                "Enter a phone number of 7 to 20 digits, e.g. (404) 555-0142.", code="invalid_phone"
            )
        return phone

    def clean(self):
        cleaned_data = super().clean()
        wants_a_call = cleaned_data.get("contact_method") == Inquiry.ContactMethod.PHONE
        if wants_a_call and not cleaned_data.get("phone") and "phone" not in self.errors:
            self.add_error("phone", "Add a phone number so we can call you, or choose Email.")
        return cleaned_data

    def mark_errors(self):
        """Flag invalid fields for assistive technology and tie each field to its help text and error."""
        for name, field in self.fields.items():
            bound = self[name]
            described_by = []
            if field.help_text:
                described_by.append(f"{bound.auto_id}_helptext")
            if bound.errors:
                described_by.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)

    def error_links(self):
        """(anchor, message) pairs for the error summary at the top of the form."""
        links = [("#inquiry-form", error) for error in self.non_field_errors()]
        for name in self.fields:
            bound = self[name]
            anchor = bound.auto_id + ("_0" if isinstance(bound.field.widget, forms.RadioSelect) else "")
            links.extend((f"#{anchor}", f"{bound.label}: {error}") for error in bound.errors)
        return links

    def build_inquiry(self, consented_at):
        data = self.cleaned_data
        return Inquiry(
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            contact_method=data["contact_method"],
            inquiry_type=data["inquiry_type"],
            treatment=data["treatment"],
            special=data["special"],
            staff_member=data["staff_member"],
            message=data["message"],
            consent_text=CONSENT_TEXT,
            consented_at=consented_at,
        )
