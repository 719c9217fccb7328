from django.core.paginator import Paginator


def requested_page_number(raw_number):
    """The page number a visitor asked for, or 1 when it is not a number."""
    try:
        return int(raw_number)
    except (TypeError, ValueError):
        return 1


def clamped_page(object_list, per_page, raw_number):
    """The requested page, or the nearest page that exists when the number is out of range or not a number."""
    paginator = Paginator(object_list, per_page)
    return paginator.page(min(max(requested_page_number(raw_number), 1), paginator.num_pages))
