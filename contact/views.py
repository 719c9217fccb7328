"""The contact page's form handling: validate, protect, save with its job, redirect."""

from urllib.parse import urlencode

from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone

from contact.forms import InquiryForm
from contact.models.inquiry import Inquiry
from contact.protection import RateLimit, content_spam_reason, new_form_token, read_form_token
from contact.tasks import notify_later
from ellemes.page_cache import never_cached

# The thank-you page's reference travels signed in its address rather than in a session, so a patient
# who sent an inquiry keeps getting cached pages. It is shown for a short while only.
REFERENCE_SALT = "contact.thank-you"
REFERENCE_MAX_AGE = 3600


def inquiry_form(page, request):
    if request.method == "POST":
        return submit(page, request)
    form = InquiryForm.for_request(request, new_form_token())
    return never_cached(page.render(request, context_overrides={"form": form}))


def submit(page, request):
    form = InquiryForm(request.POST)
    nonce, suspicion = read_form_token(request.POST.get("form_token"))

    # A second copy of a form already sent (double click, reload, back button): same inquiry, same answer.
    if nonce:
        earlier = Inquiry.objects.filter(form_token=nonce).first()
        if earlier:
            return thank_you_redirect(page, request, earlier)

    if not form.is_valid():
        form.mark_errors()
        return never_cached(page.render(request, context_overrides={"form": form}))

    rate_limit = RateLimit(request)
    inquiry = form.build_inquiry(consented_at=timezone.now())
    inquiry.form_token = nonce
    inquiry.rate_limit_key = rate_limit.window_key
    reason = content_spam_reason(form.cleaned_data) or suspicion
    if reason:
        inquiry.is_spam = True
        inquiry.spam_reason = reason[:200]
        inquiry.notice_status = inquiry.acknowledgement_status = Inquiry.Notification.QUARANTINED
    try:
        with transaction.atomic():
            # Counted and saved in one transaction: of several posts sent at once, only those within the limit pass.
            retry_after = rate_limit.take_slot()
            if retry_after is None:
                inquiry.save()
                if not inquiry.is_spam:
                    notify_later(inquiry)
    except IntegrityError:
        # Two copies of the same form raced each other: the other one was saved.
        earlier = Inquiry.objects.filter(form_token=nonce).first() if nonce else None
        if earlier is None:
            raise
        return thank_you_redirect(page, request, earlier)
    if retry_after is not None:
        return rate_limited(page, request, retry_after)
    return thank_you_redirect(page, request, inquiry)


CSRF_FAILURE_MESSAGE = (
    "For your security this form expired before it was sent, so nothing was sent yet. "
    "Your answers are still here: check them and press “Send inquiry” again."
)


def csrf_failure(page, request):
    """The form's security check failed (an old tab, blocked cookies): show the patient's answers back to send again."""
    if request.method != "POST":
        return page.render(request, context_overrides={"form": InquiryForm.for_request(request, new_form_token())})
    form = InquiryForm(request.POST)
    form.is_valid()
    form.add_error(None, CSRF_FAILURE_MESSAGE)
    form.mark_errors()
    response = page.render(request, context_overrides={"form": form})
    response.status_code = 403
    return response


def thank_you_redirect(page, request, inquiry):
    sent = signing.TimestampSigner(salt=REFERENCE_SALT).sign(inquiry.reference)
    return HttpResponseRedirect(f"{page.url}{page.reverse_subpage('thank_you')}?{urlencode({'sent': sent})}")


def thank_you(page, request):
    try:
        reference = signing.TimestampSigner(salt=REFERENCE_SALT).unsign(
            request.GET.get("sent", ""), max_age=REFERENCE_MAX_AGE
        )
    except signing.BadSignature:
        # Nothing was sent from here lately (or the address was altered): the form is the useful place to be.
        return never_cached(HttpResponseRedirect(page.url))
    response = page.render(
        request, template="contact/contact_page_thank_you.html", context_overrides={"reference": reference}
    )
    return never_cached(response)


def rate_limited(page, request, retry_after):
    minutes = max(1, round(retry_after / 60))
    response = TemplateResponse(
        request,
        "contact/rate_limited.html",
        {"page": page, "self": page, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return never_cached(response)
