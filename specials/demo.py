"""Demo specials: the December campaign from the clinic's site, plus one of each other state.

Dates are computed from the loader's `today` so that the demo always has running, upcoming
and ended specials, and in December the bar reads “Ends 12.31” as on the clinic's site.
"""

import datetime
from decimal import Decimal

from wagtail.models import Site

from ellemes.models import Treatment
from specials.models import SpecialPage, SpecialsIndexPage, SpecialsSettings
from staff.models import StaffMemberPage


def _demo_specials(today):
    december_first = datetime.date(today.year, 12, 1)
    new_years_eve = datetime.date(today.year, 12, 31)
    day = datetime.timedelta(days=1)
    return [
        {
            "slug": "eye-treatment-promos",
            "title": "Eye Treatment Promos",
            "campaign": "December Spa Specials",
            "bar_label": "Eye Treatment Promos",
            "summary": "Twenty percent off every eye treatment this month, from under-eye brightening "
            "to softening the fine lines that late nights leave behind.",
            "body": "<p>The skin around the eyes is thinner than anywhere else on the face, so it is often the "
            "first place tiredness shows. This month every eye treatment on our menu is 20% off.</p>"
            "<ul><li>Under-eye brightening for dark circles and dullness</li>"
            "<li>Crow’s feet smoothing with a neuromodulator</li>"
            "<li>A calming de-puffing facial focused on the eye area</li></ul>"
            "<p>Not sure which suits you? Your first visit starts with a short consultation where we look at "
            "your skin together and suggest a plan, with no obligation to book anything.</p>",
            "discount_text": "20% off",
            "promo_code": "BRIGHTEYES",
            "terms": "Valid on eye treatments booked and performed by December 31. "
            "Cannot be combined with other offers. One promotion per client.",
            "starts_on": min(today, december_first),
            "ends_on": new_years_eve,
            "image": ("flower", "mist"),
            "treatments": ["eye-treatments"],
            "providers": ["jordan-reyes"],
        },
        {
            "slug": "dermaplaning-glow-facial",
            "title": "Dermaplaning Glow Facial",
            "campaign": "Winter Skin Care",
            "bar_label": "Dermaplaning Glow Facial",
            "summary": "Dermaplaning, a hydrating mask and a soothing massage in one 60-minute visit, "
            "for smooth skin that takes make-up beautifully.",
            "body": "<p>Cold air and central heating leave skin dry and dull. Dermaplaning lifts away dead skin "
            "and fine facial hair so that your serums and moisturizer can do their work.</p>"
            "<p>We finish with a hydrating mask chosen for your skin type and a short facial massage. "
            "There is no downtime: most clients go straight back to their day.</p>",
            "regular_price": Decimal("150.00"),
            "special_price": Decimal("119.00"),
            "terms": "New and returning clients. Not suitable during active acne breakouts; "
            "we will suggest an alternative at your consultation. Cannot be combined with other offers.",
            "starts_on": today - 10 * day,
            "ends_on": today + 45 * day,
            "image": ("eucalyptus", "sand"),
            "treatments": ["dermaplaning"],
            "providers": ["lauren-siso"],
        },
        {
            "slug": "new-year-laser-refresh",
            "title": "New Year Laser Refresh",
            "campaign": "New Year, New Skin",
            "bar_label": "Laser Refresh",
            "summary": "A series of three laser sessions for even tone and texture, at a lower price "
            "when booked as a package.",
            "body": "<p>Sun spots and uneven tone from the summer often become visible in winter, which is also "
            "the best season to treat them. The package includes three sessions four weeks apart and a "
            "follow-up review.</p>",
            "regular_price": Decimal("900.00"),
            "special_price": Decimal("720.00"),
            "promo_code": "REFRESH3",
            "terms": "Package paid at the first session. A consultation and patch test are required beforehand.",
            "starts_on": today + 14 * day,
            "ends_on": today + 75 * day,
            "image": ("ripples", "plum"),
            "treatments": ["laser-treatments"],
            "providers": ["lauren-siso"],
        },
        {
            "slug": "autumn-peel-series",
            "title": "Autumn Peel Series",
            "campaign": "Autumn Skin Reset",
            "bar_label": "Autumn Peel Series",
            "summary": "Book two chemical peels and the third is on us: a reset for skin after the summer sun.",
            "body": "<p>A course of light chemical peels renews the surface of the skin gradually, with little "
            "peeling and no time off work.</p>",
            "discount_text": "Third peel free",
            "terms": "All three peels to be used within twelve weeks of the first.",
            "starts_on": today - 75 * day,
            "ends_on": today - 15 * day,
            "image": ("gradient", "blush"),
            "treatments": ["chemical-peels"],
            "providers": [],
        },
    ]


def _staff(slugs):
    return list(StaffMemberPage.objects.filter(slug__in=slugs))


def load_demo(loader):
    index = loader.child_page(
        loader.home,
        SpecialsIndexPage,
        "specials",
        title="Specials",
        intro="Seasonal offers on our most popular treatments, for a limited time.",
        show_in_menus=True,
    )
    loader.say("  specials page")

    specials = {}
    for spec in _demo_specials(loader.today):
        fields = dict(spec)
        slug = fields.pop("slug")
        artwork, palette = fields.pop("image")
        treatments = list(Treatment.objects.filter(slug__in=fields.pop("treatments")))
        providers = _staff(fields.pop("providers"))
        special = loader.child_page(
            index,
            SpecialPage,
            slug,
            image=loader.image(f"Special art: {slug}", artwork, palette=palette),
            treatments=treatments,
            providers=providers,
            **fields,
        )
        if providers and not special.providers.exists():
            # The staff may have been added after the specials were first loaded.
            special.providers = providers
            special.save_revision().publish()
        specials[slug] = special
    loader.say(f"  specials: {SpecialPage.objects.count()}")

    site = Site.objects.get(is_default_site=True)
    bar = SpecialsSettings.for_site(site)
    if bar.featured_special_id is None:
        bar.featured_special = specials["eye-treatment-promos"]
        bar.save()
        loader.created += 1


def reset_demo():
    SpecialsSettings.objects.all().delete()
