from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from treatments.models import Concern


class ConcernViewSet(SnippetViewSet):
    model = Concern
    icon = "help"
    menu_label = "Concerns"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


register_snippet(ConcernViewSet)
