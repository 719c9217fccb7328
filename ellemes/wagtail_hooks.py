from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ellemes.models import Treatment


class TreatmentViewSet(SnippetViewSet):
    model = Treatment
    icon = "tag"
    menu_label = "Treatment tags"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "slug", "short_description"]
    search_fields = ["name"]


register_snippet(TreatmentViewSet)
