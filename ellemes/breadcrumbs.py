"""Breadcrumbs for every section's pages: the trail shown by `includes/breadcrumbs.html`, and its JSON-LD."""


def breadcrumb_trail(page, request):
    """Home › … › page, as titles and URLs (the site's home page is the first crumb)."""
    # Walking up with get_parent() costs no query for a page Wagtail routed to: routing keeps each
    # parent on its child. Elsewhere (previews) it costs one query per level.
    crumbs = [page]
    while crumbs[0].depth > 2:
        crumbs.insert(0, crumbs[0].get_parent())
    return [
        {"title": crumb.title, "url": crumb.get_url(request), "full_url": crumb.get_full_url(request)}
        for crumb in crumbs
    ]


def breadcrumb_context(page, request):
    """The trail and its JSON-LD."""
    trail = breadcrumb_trail(page, request)
    return {"breadcrumbs": trail, "breadcrumb_data": breadcrumb_data(trail)}


def breadcrumb_data(trail):
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": crumb["title"], "item": crumb["full_url"]}
            for position, crumb in enumerate(trail, start=1)
        ],
    }
