# The inquiry first: the forms and views depend on it, and the page depends on the views.
from .inquiry import Inquiry, InquiryQuerySet
from .page import ContactPage

__all__ = ["ContactPage", "Inquiry", "InquiryQuerySet"]
