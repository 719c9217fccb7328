from django.core.paginator import Paginator


def clamped_page(object_list, per_page, raw_number):
    """The requested page, or the nearest page that exists when the number is out of range or not a number."""
    paginator = Paginator(object_list, per_page)
    try:
        number = int(raw_number)
    except (TypeError, ValueError):
        number = 1
    return paginator.page(min(max(number, 1), paginator.num_pages))
