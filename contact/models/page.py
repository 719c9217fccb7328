"""The contact page: the form is served by `contact.views`, which depend on the inquiry, never on this page."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from contact import views
from ellemes.breadcrumbs import breadcrumb_context
from ellemes.models.pages import IntroPage


class ContactPage(RoutablePageMixin, IntroPage):
    """Where patients find the clinic and send an inquiry; `/thank-you/` confirms it."""

    parent_page_types = ["ellemes.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(breadcrumb_context(self, request))
        return context

    @path("")
    def inquiry_form(self, request):
        return views.inquiry_form(self, request)

    def serve_csrf_failure(self, request):
        return views.csrf_failure(self, request)

    @path("thank-you/")
    def thank_you(self, request):
        return views.thank_you(self, request)
