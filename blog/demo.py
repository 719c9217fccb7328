"""Demo articles: the Botox facial-symmetry article and a dozen more across the demo treatments."""

import datetime
import json
import uuid

from wagtail.models import Page

from blog.models import ArticlePage, ArticleRelatedLink, BlogIndexPage
from ellemes.models import Treatment
from staff.models import StaffIndexPage, StaffMemberPage

AUTHOR = "lauren-siso"
REVIEWER = "maya-okafor"

# Only if the staff section has not created them: the two people the articles name.
DEMO_STAFF = {
    AUTHOR: {
        "title": "Lauren Siso",
        "role": "Medical Aesthetician",
        "license_type": "Licensed Esthetician",
        "short_bio": "Lauren has worked as a medical aesthetician and laser practitioner for over ten years and "
        "loves helping clients feel confident in their own skin.",
    },
    REVIEWER: {
        "title": "Maya Okafor",
        "role": "Medical Director",
        "license_type": "MD",
        "short_bio": "Dr. Okafor is the clinic's supervising physician. She oversees every medical treatment and "
        "reviews our articles for accuracy.",
    },
}

RISKS = "Risks and side effects"


def _date(text):
    return datetime.date.fromisoformat(text)


ARTICLES = [
    {
        "slug": "botox-for-facial-symmetry",
        "title": "The Benefits of Botox for Facial Symmetry: How It Works and Potential Risks",
        "intro": "Botox is best known for softening wrinkles, but carefully placed injections can also even out "
        "a face that looks a little lopsided. Here is how it works, what else it treats, and the risks to know.",
        "treatments": ["botox"],
        "published": "2023-02-20",
        "updated": "2023-04-10",
        "reviewed": "2023-04-10",
        "hero": ("sprig", "blush"),
        "related": ["crows-feet-treatment-options", "your-first-botox-appointment"],
        "body": [
            (
                "p",
                "<p>Botox is one of the most requested aesthetic treatments in the world, and most people know it as "
                "a way to smooth lines on the forehead and around the eyes. Fewer people know that the same "
                "treatment can help a face look more balanced when one side moves more strongly than the other. "
                "In this article I explain what Botox is, how it can help with facial symmetry, and what to weigh "
                "up before you book.</p>",
            ),
            ("h2", "What is Botox?"),
            ("img", ("ripples", "sand", "")),
            (
                "p",
                "<p>Botox is a brand of botulinum toxin type A, a purified protein originally produced by a "
                "bacterium. Used in tiny, measured doses, it is a <em>neuromodulator</em>: it blocks the signal "
                "from a nerve to the muscle it is injected into, so that muscle relaxes for a while.</p>"
                "<p>In aesthetic medicine it is mostly used to soften expression lines: forehead lines, frown "
                "lines between the brows and crow's feet at the corners of the eyes. A skilled injector can also "
                "use it to lift the tail of a brow slightly or to relax a strong jaw muscle.</p>",
            ),
            ("h2", "How Botox helps with facial symmetry"),
            (
                "p",
                "<p>Very few faces are perfectly symmetrical. Often the difference comes from muscles: one brow "
                "sits higher because the muscle above it pulls harder, or a smile rises more on one side. By "
                "relaxing the stronger muscle a little, an injector can let both sides settle into a more even "
                "position.</p>"
                "<ul><li>Uneven brows can be balanced by treating the muscles that pull one brow up or down.</li>"
                "<li>A lopsided smile can sometimes be evened out with small doses around the mouth.</li>"
                "<li>A jaw muscle that is larger on one side can be relaxed over several treatments.</li></ul>"
                "<p>Botox changes how muscles move; it does not add volume or lift sagging skin. When asymmetry "
                "comes from bone structure or volume loss, other treatments, or none, may suit you better.</p>",
            ),
            ("img", ("flower", "mist", "")),
            (
                "quote",
                (
                    "The goal is balance, not a frozen face: small, well-placed doses and a review two weeks later.",
                    "Lauren Siso",
                ),
            ),
            ("h2", "Other benefits of Botox"),
            (
                "p",
                "<p>Beyond cosmetic use, botulinum toxin is approved for several medical conditions, including "
                "chronic migraine, excessive underarm sweating, some muscle spasms and an overactive bladder. "
                "Those treatments are prescribed and dosed differently, so talk to your doctor about them. In the "
                "clinic we also use it for the small “bunny lines” that appear on the nose when you smile.</p>",
            ),
            ("h2", "How Botox works"),
            (
                "p",
                "<p>After a consultation, the injector uses a very fine needle to place small amounts into the "
                "chosen muscles. The appointment usually takes fifteen to thirty minutes. The effect begins after "
                "a few days, is fully visible after about two weeks, and then fades gradually as nerve signals "
                "return, typically after three to four months, sometimes longer. Individual results vary, and "
                "repeat treatments are needed to keep the effect.</p>",
            ),
            ("h2", "Risks of Botox"),
            (
                "callout",
                (
                    RISKS,
                    "<p>Botox is generally well tolerated when a trained, licensed professional gives it, but it "
                    "is a medical treatment with real risks.</p>"
                    "<ul><li>Common: pain, swelling or bruising where the needle went in, headache, and "
                    "short-lived flu-like symptoms.</li>"
                    "<li>Less common: a drooping eyelid or brow, or an uneven result, which usually improves as "
                    "the treatment wears off.</li>"
                    "<li>Rare but serious: the effect spreading beyond the treated area, causing muscle weakness, "
                    "blurred vision, or difficulty speaking, swallowing or breathing. Seek medical help at once "
                    "if this happens.</li></ul>"
                    "<p>Botox is not recommended during pregnancy or breastfeeding, or with some nerve and muscle "
                    "conditions. Tell us about your health and medicines before treatment.</p>",
                ),
            ),
            (
                "p",
                "<p>For many people, Botox is a gentle way to bring a face into better balance as well as to "
                "soften lines. Whether it is right for you depends on the cause of the asymmetry, your health and "
                "your goals, so start with an honest consultation with a licensed clinician.</p>",
            ),
        ],
    },
    {
        "slug": "your-first-botox-appointment",
        "title": "Your First Botox Appointment: What to Expect",
        "intro": "Nervous about your first Botox treatment? Here is what happens before, during and after the "
        "appointment, and how to prepare.",
        "treatments": ["botox"],
        "published": "2023-06-12",
        "hero": ("pebbles", "blush"),
        "body": [
            ("h2", "Before the appointment"),
            (
                "p",
                "<p>Your visit starts with a consultation. We ask about your health, medicines and previous "
                "treatments, look at how your face moves, and agree on what you would like to change. If Botox is "
                "not the right choice, we will say so.</p>",
            ),
            ("h2", "During the treatment"),
            (
                "p",
                "<p>The skin is cleaned, and small amounts are injected into specific muscles with a very fine "
                "needle. Most people describe a brief pinch. The whole treatment usually takes less than half an "
                "hour.</p>",
            ),
            ("h2", "Afterwards"),
            (
                "p",
                "<p>You can usually go back to normal activities straight away. For the rest of the day avoid "
                "rubbing the treated areas, lying flat and strenuous exercise. Results appear over several days; "
                "we invite you back after about two weeks to check them. Individual results vary.</p>",
            ),
            (
                "callout",
                (
                    RISKS,
                    "<p>Bruising, swelling, tenderness and headache are the most common side effects. A drooping "
                    "eyelid or brow is less common. Contact us or seek medical care straight away if you have "
                    "trouble swallowing, speaking or breathing.</p>",
                ),
            ),
        ],
    },
    {
        "slug": "what-is-dermaplaning",
        "title": "What Is Dermaplaning? A Gentle Exfoliation Explained",
        "intro": "Dermaplaning removes dead skin cells and fine facial hair with a sterile blade. Learn who it "
        "suits, how it feels and what it can and cannot do.",
        "treatments": ["dermaplaning"],
        "published": "2023-05-08",
        "hero": ("eucalyptus", "sage"),
        "body": [
            ("h2", "How dermaplaning works"),
            (
                "p",
                "<p>A licensed esthetician holds the skin taut and glides a sterile surgical blade across it at a "
                "shallow angle. This lifts away the top layer of dead skin cells and the fine, soft hair often "
                "called peach fuzz. It is painless for most people.</p>",
            ),
            ("h2", "What it can do"),
            (
                "p",
                "<p>Skin often looks smoother and brighter afterwards, and makeup may sit more evenly. Fine hair "
                "grows back at the same thickness and color; it does not grow back coarser.</p>",
            ),
            ("h2", "Who should wait"),
            (
                "p",
                "<p>We postpone dermaplaning if you have active acne, a cold sore, sunburn, or irritated or broken "
                "skin, and may advise against it while you use certain prescription skin medicines.</p>",
            ),
            (
                "callout",
                (
                    RISKS,
                    "<p>Temporary redness and sensitivity are common. Small nicks, breakouts or irritation can "
                    "happen. Use sunscreen daily afterwards, since freshly exfoliated skin burns more easily.</p>",
                ),
            ),
        ],
    },
    {
        "slug": "dermaplaning-aftercare",
        "title": "Dermaplaning Aftercare: Five Habits for Calm Skin",
        "intro": "The days after dermaplaning matter. These simple habits help your skin settle and protect the "
        "fresh surface.",
        "treatments": ["dermaplaning"],
        "published": "2024-01-15",
        "hero": ("arches", "sand"),
        "body": [
            ("h2", "The first 48 hours"),
            (
                "p",
                "<ul><li>Cleanse gently with lukewarm water and a mild cleanser.</li>"
                "<li>Skip scrubs, retinoids and acids for a few days.</li>"
                "<li>Avoid saunas, hot yoga and swimming pools for a day or two.</li></ul>",
            ),
            ("h2", "Protect and hydrate"),
            (
                "p",
                "<p>Apply a simple moisturizer and a broad-spectrum sunscreen of SPF 30 or higher every morning, "
                "and reapply when you are outdoors.</p>",
            ),
            (
                "callout",
                (
                    "When to call us",
                    "<p>Mild redness should fade within a day. Call us if you notice spreading redness, swelling, "
                    "pain or pus, which could signal irritation or infection.</p>",
                ),
            ),
        ],
    },
    {
        "slug": "dark-circles-under-the-eyes",
        "title": "Dark Circles Under the Eyes: Causes and Treatment Options",
        "intro": "Dark circles have many causes, from genetics to hollows under the eye. Knowing the cause is the "
        "first step towards choosing a treatment, if any.",
        "treatments": ["eye-treatments"],
        "published": "2023-09-18",
        "hero": ("ripples", "mist"),
        "body": [
            ("h2", "Why dark circles appear"),
            (
                "p",
                "<p>Common causes include extra pigment in the skin, thin skin that shows the blood vessels "
                "beneath, and a hollow between the lower lid and the cheek that casts a shadow. Allergies, lack of "
                "sleep and aging can all play a part.</p>",
            ),
            ("h2", "Treatment options"),
            (
                "p",
                "<p>Depending on the cause, options include skin care with sun protection, gentle peels or laser "
                "treatments for pigment, and in selected cases filler for hollows. Some causes respond only "
                "partly, and results vary from person to person.</p>",
            ),
            ("h2", "When to see a doctor"),
            (
                "p",
                "<p>Sudden swelling or discoloration around the eyes, or changes on one side only, should be "
                "checked by a doctor before any cosmetic treatment.</p>",
            ),
            (
                "callout",
                (
                    RISKS,
                    "<p>The skin around the eyes is delicate. Treatments here can cause bruising, swelling and, "
                    "rarely, pigment changes or lumps. Filler near the eye carries rare but serious risks to blood "
                    "vessels and vision, so it must only be done by an experienced clinician.</p>",
                ),
            ),
        ],
    },
    {
        "slug": "crows-feet-treatment-options",
        "title": "Crow's Feet: Comparing Your Treatment Options",
        "intro": "The fine lines at the corners of the eyes respond to several treatments. Here is how Botox, "
        "skin care and resurfacing compare.",
        "treatments": ["eye-treatments", "botox"],
        "published": "2024-03-04",
        "hero": ("flower", "blush"),
        "body": [
            ("h2", "Lines that come from movement"),
            (
                "p",
                "<p>Crow's feet deepen each time we smile or squint. Botox relaxes the muscle around the eye so "
                "the lines soften while it lasts, usually three to four months.</p>",
            ),
            ("h2", "Lines that stay at rest"),
            (
                "p",
                "<p>Lines that remain when your face is relaxed may also benefit from treatments that work on the "
                "skin itself, such as gentle peels or laser resurfacing. Daily sunscreen helps prevent them from "
                "deepening.</p>",
            ),
            ("h2", "Choosing what suits you"),
            (
                "p",
                "<p>Many people combine approaches. A consultation helps match the treatment to the kind of line, "
                "your skin and your budget. Individual results vary.</p>",
            ),
            (
                "callout",
                (
                    RISKS,
                    "<p>Botox near the eyes can cause bruising and, less often, a drooping eyelid or a change in "
                    "smile for a few weeks. Resurfacing can cause redness, swelling and pigment changes.</p>",
                ),
            ),
        ],
    },
    {
        "slug": "laser-hair-removal-basics",
        "title": "Laser Hair Removal: How Many Sessions Will I Need?",
        "intro": "Laser hair removal reduces hair over a course of treatments. Here is why it takes several "
        "sessions and what affects your results.",
        "treatments": ["laser-treatments"],
        "published": "2023-11-06",
        "updated": "2024-08-19",
        "reviewed": "2024-08-19",
        "hero": ("arches", "mist"),
        "body": [
            ("h2", "Why several sessions"),
            (
                "p",
                "<p>The laser affects hairs in their active growth phase, and only some hairs are in that phase "
                "at any time. Most people need six to eight sessions several weeks apart.</p>",
            ),
            ("h2", "What affects results"),
            (
                "p",
                "<p>Hair color, skin tone, hormones and the area treated all matter. Lasers work best on dark "
                "hair; very light, gray or red hair responds poorly. We choose settings for your skin type to "
                "lower the risk of burns. Results vary, and touch-up sessions may be needed.</p>",
            ),
            (
                "callout",
                (
                    RISKS,
                    "<p>Redness and swelling for a few hours are common. Less often, blisters, burns or lighter or "
                    "darker patches of skin can occur. Avoid sun exposure and tanning before and after "
                    "treatment.</p>",
                ),
            ),
        ],
    },
    {
        "slug": "laser-resurfacing-recovery",
        "title": "Laser Skin Resurfacing: Planning for Recovery",
        "intro": "Resurfacing lasers can improve texture, fine lines and sun damage, but recovery takes planning. "
        "Here is what the days after treatment look like.",
        "treatments": ["laser-treatments"],
        "published": "2024-06-10",
        "hero": ("pebbles", "sand"),
        "body": [
            ("h2", "Ablative and non-ablative lasers"),
            (
                "p",
                "<p>Ablative lasers remove thin layers of skin and need more recovery. Non-ablative lasers heat "
                "the skin beneath the surface with less downtime, usually over several sessions.</p>",
            ),
            ("h2", "The first week"),
            (
                "p",
                "<p>Expect redness, swelling and a sunburn-like feeling. The skin may flake or peel as it heals. "
                "We give you written aftercare and a number to call.</p>",
            ),
            ("h2", "Long-term care"),
            (
                "p",
                "<p>New skin is sensitive to sunlight for months. Daily broad-spectrum sunscreen protects your "
                "results. Improvements develop over weeks and vary between people.</p>",
            ),
            (
                "callout",
                (
                    RISKS,
                    "<p>Possible side effects include prolonged redness, acne flares, cold sore outbreaks, "
                    "infection, pigment changes and, rarely, scarring. Tell us if you have had cold sores, as we "
                    "may recommend preventive medicine.</p>",
                ),
            ),
        ],
    },
    {
        "slug": "chemical-peels-explained",
        "title": "Chemical Peels Explained: Light, Medium and Deep",
        "intro": "Chemical peels range from a lunchtime refresh to a treatment with a week of recovery. Here is how "
        "the depths differ.",
        "treatments": ["chemical-peels"],
        "published": "2024-02-12",
        "hero": ("sprig", "sage"),
        "body": [
            ("h2", "Light peels"),
            (
                "p",
                "<p>Mild acids such as glycolic or salicylic acid refresh the surface. Expect light flaking for a "
                "few days. Several sessions usually give the best results.</p>",
            ),
            ("h2", "Medium peels"),
            (
                "p",
                "<p>Stronger solutions reach a little deeper to treat sun damage and uneven pigment. Skin peels "
                "visibly for about a week.</p>",
            ),
            ("h2", "Deep peels"),
            (
                "p",
                "<p>Deep peels are medical procedures with significant recovery and are not offered at every "
                "clinic. We will refer you to a specialist if one could help.</p>",
            ),
            (
                "callout",
                (
                    RISKS,
                    "<p>Redness, stinging and peeling are expected. Darker or lighter patches, infection, cold sore "
                    "flares and, rarely, scarring can occur, especially with deeper peels. Sun protection is "
                    "essential afterwards.</p>",
                ),
            ),
        ],
    },
    {
        "slug": "chemical-peels-for-darker-skin",
        "title": "Chemical Peels for Darker Skin Tones: Doing It Safely",
        "intro": "Peels can help with uneven tone in darker skin, but the choice of peel and preparation matter "
        "more. Here is how we approach it.",
        "treatments": ["chemical-peels"],
        "published": "2024-10-07",
        "hero": ("eucalyptus", "plum"),
        "body": [
            ("h2", "Why extra care is needed"),
            (
                "p",
                "<p>Skin with more melanin can react to inflammation by producing extra pigment, which may leave "
                "dark patches that take months to fade. Gentle, well-chosen peels lower that risk.</p>",
            ),
            ("h2", "How we prepare your skin"),
            (
                "p",
                "<p>We may suggest a few weeks of home care beforehand and start with a light peel to see how your "
                "skin responds. Results build gradually and vary between people.</p>",
            ),
            (
                "callout",
                (
                    RISKS,
                    "<p>Besides redness and peeling, the main risk is new darker or lighter patches. Avoid picking "
                    "peeling skin, use sunscreen daily and tell us promptly about any changes.</p>",
                ),
            ),
        ],
    },
    {
        "slug": "hyaluronic-acid-fillers-explained",
        "title": "Hyaluronic Acid Fillers: How They Work and How Long They Last",
        "intro": "Dermal fillers restore volume and shape. Here is what hyaluronic acid fillers are, how long they "
        "last, and the risks to understand first.",
        "treatments": ["dermal-fillers"],
        "published": "2024-04-22",
        "updated": "2025-02-03",
        "reviewed": "2025-02-03",
        "hero": ("flower", "blush"),
        "body": [
            ("h2", "What hyaluronic acid fillers are"),
            (
                "p",
                "<p>Hyaluronic acid is a sugar molecule found naturally in the skin. As a gel, it can add volume "
                "to cheeks, lips or folds and smooth some lines.</p>",
            ),
            ("h2", "How long they last"),
            (
                "p",
                "<p>Depending on the product and area, results typically last six to eighteen months as the body "
                "slowly breaks the gel down. Individual results vary.</p>",
            ),
            ("h2", "Why the injector matters"),
            (
                "p",
                "<p>Knowing the anatomy of blood vessels is essential for safe filler treatment. Our injectors "
                "work under physician supervision and keep a dissolving enzyme on hand.</p>",
            ),
            (
                "callout",
                (
                    RISKS,
                    "<p>Swelling, bruising, tenderness and small lumps are common and usually settle. Infection "
                    "and allergic reactions are uncommon. Rarely, filler can block a blood vessel, which can "
                    "damage skin or, very rarely, cause vision loss: this needs emergency treatment.</p>",
                ),
            ),
        ],
    },
    {
        "slug": "lip-filler-expectations",
        "title": "Lip Filler: Setting Realistic Expectations",
        "intro": "Lip filler can add definition or subtle volume. Here is how we plan natural-looking results and "
        "what the first two weeks are like.",
        "treatments": ["dermal-fillers"],
        "published": "2025-01-13",
        "hero": ("arches", "plum"),
        "body": [
            ("h2", "Planning natural results"),
            (
                "p",
                "<p>We look at the balance between your upper and lower lip and the rest of your face. Starting "
                "with a small amount is often wise; more can be added later, while removing filler takes "
                "another treatment.</p>",
            ),
            ("h2", "The first two weeks"),
            (
                "p",
                "<p>Lips often swell noticeably for two or three days and may bruise. The final shape is clearer "
                "after about two weeks, when we offer a review.</p>",
            ),
            (
                "callout",
                (
                    RISKS,
                    "<p>Swelling, bruising, tenderness and lumpiness are common. Filler can trigger cold sores in "
                    "people who get them. Rare but serious risks include blocked blood vessels and infection; "
                    "seek urgent care for severe pain or skin color changes.</p>",
                ),
            ),
        ],
    },
    {
        "slug": "sun-care-after-treatments",
        "title": "Sun Care After Skin Treatments: Protecting Your Results",
        "intro": "Peels, lasers and dermaplaning leave skin more sensitive to the sun. A few habits protect your "
        "skin and your results.",
        "treatments": ["laser-treatments", "chemical-peels", "dermaplaning"],
        "published": "2025-05-05",
        "hero": ("sprig", "sand"),
        "body": [
            ("h2", "Why treated skin burns more easily"),
            (
                "p",
                "<p>Exfoliating and resurfacing treatments remove or disturb the outer layer that helps protect "
                "the skin. For a while, sunlight can cause burns and dark patches more readily.</p>",
            ),
            ("h2", "Everyday habits"),
            (
                "p",
                "<ul><li>Apply a broad-spectrum sunscreen of SPF 30 or higher every morning.</li>"
                "<li>Reapply every two hours outdoors, and after sweating or swimming.</li>"
                "<li>Wear a wide-brimmed hat and seek shade in the middle of the day.</li></ul>",
            ),
            (
                "callout",
                (
                    "When to avoid treatment",
                    "<p>If you have a tan, a sunburn or a beach holiday coming up, tell us: we may reschedule "
                    "your treatment to lower the risk of burns and pigment changes.</p>",
                ),
            ),
        ],
    },
]


def _staff_member(loader, slug):
    staff_index = StaffIndexPage.objects.first()
    if staff_index is None:
        return None
    existing = StaffMemberPage.objects.filter(slug=slug).first()
    if existing:
        return existing
    return loader.child_page(staff_index, StaffMemberPage, slug, **DEMO_STAFF[slug])


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _body(loader, slug, parts):
    blocks = []
    figures = 0
    for kind, value in parts:
        if kind == "h2":
            blocks.append(_block("heading", {"text": value, "level": "h2"}))
        elif kind == "p":
            blocks.append(_block("paragraph", value))
        elif kind == "img":
            artwork, palette, caption = value
            figures += 1
            image = loader.image(f"Article art: {slug} {figures}", artwork, palette=palette, size=(1200, 800))
            # The figure says what the picture shows: its alt text is the artwork's description.
            blocks.append(_block("image", {"image": image.pk, "alt_text": image.alt_text, "caption": caption}))
        elif kind == "quote":
            blocks.append(_block("pull_quote", {"quote": value[0], "attribution": value[1]}))
        elif kind == "callout":
            blocks.append(_block("callout", {"title": value[0], "text": value[1]}))
    return json.dumps(blocks)


def _publish(article):
    """Publish a demo article; the demo's review records stand for reviews of exactly this text."""
    if article.reviewed_by_id:
        article.approved_content_hash = article.content_hash()
    article.save_revision().publish()


def load_demo(loader):
    blog = loader.child_page(
        loader.home,
        BlogIndexPage,
        "blog",
        title="Blog",
        intro="Treatment guides and skin care advice from our licensed clinicians.",
        show_in_menus=True,
    )
    loader.say("  blog page")

    author = _staff_member(loader, AUTHOR)
    reviewer = _staff_member(loader, REVIEWER)
    treatments = {treatment.slug: treatment for treatment in Treatment.objects.all()}
    for spec in ARTICLES:
        if ArticlePage.objects.child_of(blog).filter(slug=spec["slug"]).exists():
            continue
        artwork, palette = spec["hero"]
        reviewed_on = _date(spec.get("reviewed") or spec["published"])
        article = ArticlePage(
            slug=spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            hero_image=loader.image(f"Article art: {spec['slug']}", artwork, palette=palette, size=(1200, 800)),
            body=_body(loader, spec["slug"], spec["body"]),
            author=author,
            published_on=_date(spec["published"]),
            updated_on=_date(spec["updated"]) if spec.get("updated") else None,
            reviewed_by=reviewer,
            last_reviewed_on=reviewed_on if reviewer else None,
        )
        article.treatments.set([treatments[slug] for slug in spec["treatments"] if slug in treatments])
        blog.add_child(instance=article)
        _publish(article)
        loader.created += 1

    for spec in ARTICLES:
        article = ArticlePage.objects.child_of(blog).get(slug=spec["slug"])
        if spec.get("related") and not article.related_links.exists():
            article.related_links = [
                ArticleRelatedLink(related=ArticlePage.objects.child_of(blog).get(slug=slug), sort_order=order)
                for order, slug in enumerate(spec["related"])
            ]
            _publish(article)
    loader.say(f"  articles: {ArticlePage.objects.child_of(blog).count()}")


def finish_demo(loader):
    """End each demo article with a button to the contact page, which loads after the blog."""
    contact_page = Page.objects.child_of(loader.home).filter(slug="contact").first()
    if contact_page is None:
        return
    slugs = [spec["slug"] for spec in ARTICLES]
    for article in ArticlePage.objects.filter(slug__in=slugs):
        if any(block.block_type == "call_to_action" for block in article.body):
            continue
        article.body.append(
            (
                "call_to_action",
                {
                    "heading": "Questions about this treatment?",
                    "text": "Book a consultation with one of our licensed clinicians.",
                    "page": contact_page,
                    "button_label": "Contact us",
                },
            )
        )
        _publish(article)
