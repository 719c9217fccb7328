"""Demo treatment catalog: twelve treatments in four categories, with Atlanta-typical prices, FAQs and concerns.

Runs after the team, the blog and the specials: the treatments hang from the tags those already use.
A treatment page left as a draft by the migration from the tags is completed and published here.
"""

import zlib
from decimal import Decimal

from django.db.models import Q
from wagtail.rich_text import RichText

from ellemes.models import Treatment
from staff.models import StaffMemberPage
from treatments.models import Concern, TreatmentCategoryPage, TreatmentIndexPage, TreatmentPage, TreatmentPrice

CONCERNS = [
    (
        "fine-lines-and-wrinkles",
        "Fine lines and wrinkles",
        "Creases that show when you frown or smile, or stay at rest.",
    ),
    ("under-eye-circles", "Under-eye circles", "Shadows, hollows and tiredness under the eyes."),
    ("uneven-tone-and-dark-spots", "Uneven tone and dark spots", "Sun spots, freckling, redness and blotchiness."),
    ("unwanted-hair", "Unwanted hair", "Hair you are tired of shaving, waxing or threading."),
    ("volume-loss", "Volume loss", "Flatter cheeks, thinner lips and deeper folds that come with time."),
    ("acne-scars", "Acne scars", "Pitted or rolling marks left behind after breakouts."),
    ("dull-or-dry-skin", "Dull or dry skin", "Skin that looks tired, rough or thirsty."),
]

CATEGORIES = [
    ("injectables", "Injectables", "Neuromodulators and fillers, placed by our nurse injector and physician."),
    ("facials-and-peels", "Facials & Peels", "Treatments that renew the surface of the skin and leave it clearer."),
    ("laser", "Laser", "Light-based treatments for hair, tone and texture."),
    ("skin-health", "Skin Health", "Collagen-building treatments and a plan for your skin at home."),
]


def _faqs(*pairs):
    return [("faq", {"question": question, "answer": RichText(f"<p>{answer}</p>")}) for question, answer in pairs]


def _p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# The painted artworks (ellemes/demo_art.py) the treatment pages take turns with, chosen by slug.
TREATMENT_ART = ["sprig", "flower", "eucalyptus", "ripples", "pebbles", "arches"]

# (category, slug, tag slug, title, palette, fields, prices, concerns, providers)
TREATMENTS = [
    (
        "injectables",
        "botox",
        "botox",
        "Botox",
        "blush",
        {
            "summary": "A neuromodulator that relaxes the muscles behind frown lines, forehead lines and crow's feet.",
            "suits": _p("Adults bothered by lines that deepen when they frown, raise their brows or smile."),
            "not_suited": _ul(
                "Pregnancy or breastfeeding",
                "Some nerve and muscle conditions, such as myasthenia gravis",
                "An infection or active breakout where we would inject",
            ),
            "how_it_works": _p(
                "A few tiny injections soften the pull of chosen muscles, so the skin above them creases less. "
                "We agree the areas and the number of units with you before we start."
            ),
            "sessions": "One; a review at two weeks",
            "appointment_length": "20–30 minutes",
            "downtime": "None; small bumps settle within an hour",
            "results_duration": "Three to four months",
            "preparation": _p("Avoid alcohol and, if your doctor agrees, blood-thinning painkillers for a day before."),
            "aftercare": _p("Stay upright for four hours and skip the gym and facials until the next day."),
            "faqs": _faqs(
                (
                    "When will I see a difference?",
                    "Most people notice a change after three to five days, and the full effect at about two weeks.",
                ),
                (
                    "Will I still look like myself?",
                    "Yes. We dose to soften lines, not to freeze expression, and we "
                    "would rather add a few units at your review than use too many.",
                ),
            ),
        },
        [("", "13", "from", None, "unit", "Most foreheads need 10–20 units; crow's feet 8–12 units a side.")],
        ["fine-lines-and-wrinkles"],
        ["maya-okafor"],
    ),
    (
        "injectables",
        "dermal-fillers",
        "dermal-fillers",
        "Dermal fillers",
        "sand",
        {
            "summary": "Hyaluronic acid gel that restores volume to cheeks, temples, chin and the folds "
            "beside the mouth.",
            "suits": _p("Adults whose face has lost fullness with age or weight change."),
            "not_suited": _ul("Pregnancy or breastfeeding", "A history of severe allergies", "Active cold sores"),
            "how_it_works": _p(
                "The gel sits under the skin and holds water, lifting the area gently. It can be dissolved if "
                "ever needed, which is one reason we use it."
            ),
            "sessions": "One; a follow-up at two weeks",
            "appointment_length": "45–60 minutes",
            "downtime": "Swelling and possible bruising for two to five days",
            "results_duration": "Nine to eighteen months, depending on the area",
            "preparation": _p("Plan around events: allow two weeks before a wedding or photos."),
            "aftercare": _p("Avoid pressing on the area, strenuous exercise and saunas for two days."),
            "faqs": _faqs(
                (
                    "How many syringes will I need?",
                    "It depends on the area and your goals. Many people start with "
                    "one; we will suggest a number at your consultation.",
                ),
                (
                    "Can filler be reversed?",
                    "Hyaluronic acid fillers can be dissolved with an enzyme if you are "
                    "unhappy or if there is a problem.",
                ),
            ),
        },
        [("", "725", "exact", None, "syringe", "Cheeks often need one to two syringes.")],
        ["volume-loss"],
        ["maya-okafor", "jordan-reyes"],
    ),
    (
        "injectables",
        "lip-filler",
        "",
        "Lip filler",
        "blush",
        {
            "summary": "Soft hyaluronic acid filler for lip shape, balance and hydration, built up gradually.",
            "suits": _p("Adults who want fuller, more even or better-defined lips."),
            "not_suited": _ul("Pregnancy or breastfeeding", "Active cold sores", "Recent dental work"),
            "how_it_works": _p(
                "We mark the shape you would like, numb the lips, and place small amounts of filler with a fine "
                "needle or cannula, checking the balance as we go."
            ),
            "sessions": "One; build up over visits if you like",
            "appointment_length": "45 minutes",
            "downtime": "Swollen lips for two to three days",
            "results_duration": "Six to twelve months",
            "preparation": _p("If you get cold sores, ask your doctor about an antiviral before your visit."),
            "aftercare": _p("Avoid kissing, straws and hot drinks for the rest of the day."),
            "faqs": _faqs(
                ("Will it look natural?", "We start with a modest amount and respect the proportions of your face."),
                ("Does it hurt?", "We use a numbing cream, and most fillers contain a local anesthetic."),
            ),
        },
        [("", "650", "exact", None, "syringe", "A first treatment often uses half to one syringe.")],
        ["volume-loss"],
        ["jordan-reyes"],
    ),
    (
        "injectables",
        "under-eye-rejuvenation",
        "eye-treatments",
        "Under-eye rejuvenation",
        "mist",
        {
            "summary": "A small amount of filler in the tear trough to soften hollows and the shadows they cast.",
            "suits": _p("Adults whose dark circles come from hollowness rather than pigment or puffiness."),
            "not_suited": _ul("Puffy under-eye bags", "Very thin or crepey skin", "Pregnancy or breastfeeding"),
            "how_it_works": _p(
                "We look at your eyes in different light to see what causes the shadow, then place filler deep, "
                "close to the bone, with a blunt cannula."
            ),
            "sessions": "One; a review at two weeks",
            "appointment_length": "45 minutes",
            "downtime": "Mild swelling or bruising for up to a week",
            "results_duration": "Nine to twelve months",
            "preparation": _p("Come without eye makeup, and allow two weeks before an important event."),
            "aftercare": _p("Sleep with your head raised the first night and use a cool compress if needed."),
            "faqs": _faqs(
                (
                    "Why might you say no?",
                    "Filler can make puffiness worse. If we think another treatment suits "
                    "your eyes better, we will tell you.",
                ),
                ("Will I bruise?", "Sometimes. A cannula lowers the chance, and concealer covers most bruises."),
            ),
        },
        [("", "750", "from", None, "syringe", "Most people need a single syringe for both eyes.")],
        ["under-eye-circles", "volume-loss"],
        ["jordan-reyes"],
    ),
    (
        "facials-and-peels",
        "hydrating-facial",
        "",
        "Hydrating facial",
        "mist",
        {
            "summary": "A HydraFacial-style treatment that cleanses, exfoliates, extracts and hydrates in one visit.",
            "suits": _p(
                "Most skin types, including sensitive skin, and anyone wanting a fresher look before an event."
            ),
            "not_suited": _ul("Active rashes or sunburn", "Recent isotretinoin (Accutane) use"),
            "how_it_works": _p(
                "A handpiece with a spiral tip gently exfoliates while suctioning out debris, then infuses "
                "hydrating serums matched to your skin."
            ),
            "sessions": "One, or monthly as maintenance",
            "appointment_length": "60 minutes",
            "downtime": "None",
            "results_duration": "About a week of glow; best kept up monthly",
            "preparation": _p("Skip retinoids and exfoliating acids for two days before."),
            "aftercare": _p("Wear sunscreen, and leave makeup off for the rest of the day if you can."),
            "faqs": _faqs(
                ("Can I have it before an event?", "Yes. With no downtime, a few days before is ideal."),
                (
                    "Is it suitable for sensitive skin?",
                    "Usually. Tell us about any reactions and we will adjust the serums.",
                ),
            ),
        },
        [
            ("Single facial", "199", "exact", None, "session", ""),
            ("Three facials", "540", "exact", None, "package", "Use within six months."),
        ],
        ["dull-or-dry-skin", "under-eye-circles"],
        ["lauren-siso"],
    ),
    (
        "facials-and-peels",
        "chemical-peels",
        "chemical-peels",
        "Chemical peels",
        "sand",
        {
            "summary": "Controlled exfoliation with acids, from a light lunchtime peel to a deeper medium peel.",
            "suits": _p("Uneven tone, sun damage, fine lines and mild acne marks."),
            "not_suited": _ul("Pregnancy", "Active cold sores or open wounds", "A recent tan"),
            "how_it_works": _p(
                "We apply a solution chosen for your skin for a timed few minutes. The old surface sheds over the "
                "following days and fresher skin shows through."
            ),
            "sessions": "A series of three to six, two to four weeks apart",
            "appointment_length": "30–45 minutes",
            "downtime": "Light flaking for two to seven days, depending on the peel",
            "results_duration": "Months, with sunscreen and good home care",
            "preparation": _p("Stop retinoids a week before and avoid waxing the area."),
            "aftercare": _p("Do not pick at peeling skin; moisturize and wear sunscreen every day."),
            "faqs": _faqs(
                (
                    "Will my face peel a lot?",
                    "Light peels cause little visible peeling; medium peels flake for about a week.",
                ),
                (
                    "Are peels safe for darker skin?",
                    "Yes, with the right acid and strength. We choose both with your skin type in mind.",
                ),
            ),
        },
        [("", "150", "range", "350", "session", "Light peels start at $150; medium peels cost more.")],
        ["uneven-tone-and-dark-spots", "acne-scars", "fine-lines-and-wrinkles"],
        ["maya-okafor", "lauren-siso"],
    ),
    (
        "facials-and-peels",
        "dermaplaning",
        "dermaplaning",
        "Dermaplaning",
        "blush",
        {
            "summary": "A sterile blade gently removes dead skin and fine facial hair, leaving skin smooth.",
            "suits": _p("Dull skin, makeup that sits unevenly, and fine vellus hair."),
            "not_suited": _ul("Active acne breakouts", "Sunburn", "Recent isotretinoin use"),
            "how_it_works": _p(
                "An esthetician draws a surgical blade across the skin at a shallow angle, in short strokes."
            ),
            "sessions": "One; every four weeks to keep it up",
            "appointment_length": "45 minutes",
            "downtime": "None",
            "results_duration": "Three to four weeks",
            "preparation": _p("Pause retinoids for three days beforehand."),
            "aftercare": _p("Use a gentle cleanser and sunscreen; skip exfoliants for two days."),
            "faqs": _faqs(
                ("Will the hair grow back thicker?", "No. Vellus hair grows back as it was."),
                ("Can I combine it with a peel?", "Yes. Dermaplaning first helps a light peel work evenly."),
            ),
        },
        [("", "95", "exact", None, "session", "")],
        ["dull-or-dry-skin"],
        ["lauren-siso"],
    ),
    (
        "laser",
        "laser-hair-removal",
        "",
        "Laser hair removal",
        "mist",
        {
            "summary": "Laser light targets the pigment in hair follicles for a lasting reduction in hair growth.",
            "suits": _p("Dark hair on most skin tones; we choose the laser to suit your skin."),
            "not_suited": _ul("White, gray or red hair", "A recent tan or self-tan", "Pregnancy"),
            "how_it_works": _p(
                "Each pulse heats the follicles in its path. Hair sheds over two weeks, and follicles treated "
                "in their growing phase slow down."
            ),
            "sessions": "Six to eight, four to eight weeks apart",
            "appointment_length": "15–60 minutes, by area",
            "downtime": "Redness for a few hours",
            "results_duration": "A lasting reduction; some need a yearly top-up",
            "preparation": _p("Shave the area the day before; do not wax or pluck for four weeks."),
            "aftercare": _p("Keep the area out of the sun and avoid hot baths for a day."),
            "faqs": _faqs(
                (
                    "Why do I need several sessions?",
                    "Hair grows in cycles, and the laser only affects follicles "
                    "that are actively growing at each visit.",
                ),
                ("What does it feel like?", "Like a quick snap of a rubber band. Cooling makes it comfortable."),
            ),
        },
        [
            ("Underarms", "125", "exact", None, "session", ""),
            ("Lower legs", "275", "exact", None, "session", ""),
            ("Underarms, six sessions", "600", "exact", None, "package", ""),
        ],
        ["unwanted-hair"],
        ["lauren-siso"],
    ),
    (
        "laser",
        "ipl-photofacial",
        "",
        "IPL photofacial",
        "sand",
        {
            "summary": "Intense pulsed light fades sun spots and redness for a clearer, more even complexion.",
            "suits": _p("Lighter skin tones with sun spots, freckling, redness or broken capillaries."),
            "not_suited": _ul("Deeper skin tones", "A recent tan", "Medicines that make skin sensitive to light"),
            "how_it_works": _p(
                "Broad-spectrum light is absorbed by brown and red pigment. Spots darken, then flake away over "
                "one to two weeks."
            ),
            "sessions": "Three, four weeks apart",
            "appointment_length": "30 minutes",
            "downtime": "Spots look darker for about a week",
            "results_duration": "A year or more with daily sunscreen",
            "preparation": _p("Avoid the sun and self-tan for four weeks before."),
            "aftercare": _p("Wear SPF 30 or higher every day and let darkened spots flake off on their own."),
            "faqs": _faqs(
                (
                    "Is IPL a laser?",
                    "Not quite: it uses a range of light wavelengths rather than one, which suits "
                    "spots and redness together.",
                ),
                ("Can I treat my hands and chest?", "Yes, both respond well. Ask us for a price for each area."),
            ),
        },
        [
            ("Face", "350", "exact", None, "session", ""),
            ("Face, three sessions", "950", "exact", None, "package", ""),
        ],
        ["uneven-tone-and-dark-spots"],
        ["maya-okafor"],
    ),
    (
        "laser",
        "laser-skin-resurfacing",
        "laser-treatments",
        "Laser skin resurfacing",
        "plum",
        {
            "summary": "Fractional laser treatment that renews texture, softens lines and improves scarring.",
            "suits": _p("Fine lines, rough texture, enlarged pores and acne scarring."),
            "not_suited": _ul("Pregnancy", "Active skin infections", "A tendency to keloid scarring"),
            "how_it_works": _p(
                "The laser makes thousands of microscopic columns of heat in the skin while leaving the skin "
                "around them intact, so it heals quickly and builds new collagen."
            ),
            "sessions": "Three to five, four to six weeks apart",
            "appointment_length": "60–90 minutes, including numbing",
            "downtime": "Redness and swelling for three to five days",
            "results_duration": "Collagen keeps improving for six months",
            "preparation": _p("We may prescribe an antiviral; stop retinoids a week before."),
            "aftercare": _p("Use the balm we give you, stay out of the sun and skip makeup for two days."),
            "faqs": _faqs(
                (
                    "How is it different from a peel?",
                    "It works deeper, with heat rather than acid, which helps scarring and texture more.",
                ),
                ("When can I go back to work?", "Most people return after two to three days."),
            ),
        },
        [("By area", "450", "range", "900", "session", "A full face is at the top of the range.")],
        ["fine-lines-and-wrinkles", "acne-scars", "uneven-tone-and-dark-spots"],
        ["maya-okafor", "lauren-siso"],
    ),
    (
        "skin-health",
        "microneedling",
        "",
        "Microneedling",
        "sage",
        {
            "summary": "Fine needles make tiny channels in the skin that prompt it to repair itself with new collagen.",
            "suits": _p("Acne scars, enlarged pores, fine lines and uneven texture, on most skin tones."),
            "not_suited": _ul("Active acne or rosacea flares", "Blood-clotting disorders", "Pregnancy"),
            "how_it_works": _p(
                "After numbing, a pen-shaped device moves across the skin. The small wounds heal within days, "
                "and collagen builds over the following weeks."
            ),
            "sessions": "Three, four to six weeks apart",
            "appointment_length": "60 minutes",
            "downtime": "Redness like a mild sunburn for one to two days",
            "results_duration": "Builds over three months; a yearly session keeps it up",
            "preparation": _p("Stop retinoids and exfoliants three days before."),
            "aftercare": _p("Leave makeup off for a day, use a gentle moisturizer and sunscreen."),
            "faqs": _faqs(
                ("Does it hurt?", "With numbing cream most people feel only a light scratching."),
                ("Is it suitable for darker skin?", "Yes. Because it uses no heat or light, it suits every skin tone."),
            ),
        },
        [
            ("Single session", "325", "exact", None, "session", ""),
            ("Three sessions", "875", "exact", None, "package", ""),
        ],
        ["acne-scars", "fine-lines-and-wrinkles"],
        ["lauren-siso"],
    ),
    (
        "skin-health",
        "skin-care-consultation",
        "",
        "Skin care consultation",
        "sage",
        {
            "summary": "A sit-down visit to assess your skin and plan a realistic routine and treatment path.",
            "suits": _p("Anyone unsure where to start, or whose products are not doing what they hoped."),
            "not_suited": _p("Urgent skin concerns, such as a changing mole: please see a dermatologist."),
            "how_it_works": _p(
                "We look at your skin under magnification, talk through your history and goals, and write down a "
                "morning and evening routine you can keep."
            ),
            "sessions": "One; a follow-up after eight weeks",
            "appointment_length": "45 minutes",
            "downtime": "None",
            "results_duration": "A plan to keep",
            "preparation": _p("Bring your current products, or photos of their labels."),
            "aftercare": _p("Introduce new products one at a time, a week apart."),
            "faqs": _faqs(
                ("Do I have to buy products?", "No. We suggest options at different prices and you choose."),
                ("Is the fee credited?", "Yes, towards any treatment booked within a month."),
            ),
        },
        [("", "75", "exact", None, "session", "Credited towards a treatment booked within a month.")],
        ["dull-or-dry-skin", "uneven-tone-and-dark-spots", "acne-scars"],
        ["lauren-siso", "maya-okafor"],
    ),
]


def load_demo(loader):
    concerns = {}
    for position, (slug, name, description) in enumerate(CONCERNS):
        concerns[slug], made = Concern.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": position}
        )
        loader.created += made

    index = TreatmentIndexPage.objects.first()
    if index is None:
        index = loader.child_page(
            loader.home,
            TreatmentIndexPage,
            "treatments",
            title="Treatments",
            intro="What we offer, who each treatment suits, and what it costs. Not sure where to start? "
            "Tell us what you would like to improve.",
            seo_title="Treatments and prices in Atlanta",
            show_in_menus=True,
        )
    elif not index.live:
        index.intro = "What we offer, who each treatment suits, and what it costs."
        index.show_in_menus = True
        index.save_revision().publish()

    categories = {}
    for slug, title, intro in CATEGORIES:
        categories[slug] = loader.child_page(index, TreatmentCategoryPage, slug, title=title, intro=intro)

    for category, slug, tag_slug, title, palette, fields, prices, concern_slugs, providers in TREATMENTS:
        fields = {**fields, "concerns": [concerns[concern] for concern in concern_slugs]}
        page = _treatment(loader, categories[category], slug, tag_slug, title, palette, fields, prices)
        if page is not None:
            _add_specialty(page.treatment, providers)

    # The migration's placeholder category, emptied above, is left to editors unless it is empty.
    for leftover in TreatmentCategoryPage.objects.child_of(index).filter(slug="all-treatments"):
        if not leftover.get_children().exists():
            leftover.delete()
    loader.say(f"  treatments: {TreatmentPage.objects.live().count()} live, {Concern.objects.count()} concerns")


def _treatment(loader, category, slug, tag_slug, title, palette, fields, prices):
    """The treatment page, created or (when the migration left a draft for its tag) completed; None if live."""
    tag = Treatment.objects.filter(slug=tag_slug).first() if tag_slug else None
    lookup = Q(slug=slug) | (Q(treatment=tag) if tag else Q(pk__in=[]))
    page = TreatmentPage.objects.filter(lookup).first()
    if page is not None and page.live:
        return None
    artwork = TREATMENT_ART[zlib.crc32(slug.encode()) % len(TREATMENT_ART)]
    image = loader.image(f"Treatment art: {slug}", artwork, palette=palette, size=(1200, 800))
    fields = dict(fields)
    concerns = fields.pop("concerns")
    if page is None:
        page = TreatmentPage(title=title, slug=slug, treatment=tag, hero_image=image, **fields)
        category.add_child(instance=page)
        loader.created += 1
    else:
        if page.get_parent().pk != category.pk:
            page.move(category, pos="last-child")
            page.refresh_from_db()
        for name, value in {"title": title, "slug": slug, "hero_image": image, **fields}.items():
            setattr(page, name, value)
    page.concerns = concerns
    page.prices = [
        TreatmentPrice(
            label=label,
            amount=Decimal(amount),
            kind=kind,
            upper_amount=Decimal(upper) if upper else None,
            unit=unit,
            note=note,
        )
        for label, amount, kind, upper, unit, note in prices
    ]
    page.save()
    # Publishing creates the tag of a treatment that had none (TreatmentPage.save).
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _add_specialty(tag, provider_slugs):
    for provider in StaffMemberPage.objects.filter(slug__in=provider_slugs):
        if provider.specialties.filter(pk=tag.pk).exists():
            continue
        provider.specialties.add(tag)
        provider.save_revision().publish()
