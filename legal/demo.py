"""The demo's policies: privacy, terms of use, accessibility and the “results vary” notice.

The privacy policy describes what this site really does with an inquiry (the contact app: the form's
fields, the emails, who in the admin sees it, the retention settings and the `purge_inquiries` command).
"""

from django.conf import settings

from ellemes.models import ClinicSettings
from legal.models import LegalPage


def _days(days):
    """“one year” for 365 days, else “90 days”."""
    return "one year" if days == 365 else f"{days} days"


def privacy_policy():
    kept = _days(settings.INQUIRY_RETENTION_DAYS)
    spam_kept = _days(settings.INQUIRY_SPAM_RETENTION_DAYS)
    return (
        "<p>This policy explains what ELLEMES Medical Spa collects through this website, why, who can see it, "
        "how long we keep it and how you can ask us to delete it.</p>"
        "<h2>What we collect when you send an inquiry</h2>"
        "<p>The inquiry form on our contact page asks for:</p>"
        "<ul><li>your name and email address;</li>"
        "<li>your phone number, if you choose to give it, and whether you prefer email or a phone call;</li>"
        "<li>what your inquiry is about, and, if you choose them, a treatment, a special or a member of our "
        "team;</li>"
        "<li>your message;</li>"
        "<li>your agreement that we may contact you about the inquiry, with the exact words you agreed to and "
        "the time.</li></ul>"
        "<p>Please do not include your medical history or other sensitive health details in the form. A clinician "
        "will discuss those with you privately.</p>"
        "<p>To keep the form free of spam without sending your details to another company, we also record a "
        "one-way code made from your internet address and the hour. It lets us count how many inquiries one "
        "connection sends; it does not store your address itself.</p>"
        "<h2>How we use it</h2>"
        "<p>We use your inquiry only to answer it: to reply to your question, arrange a consultation or tell you "
        "about the special you asked for. We do not sell it, and we do not add you to a mailing list.</p>"
        "<p>When you send an inquiry, our front desk receives an email saying that a new inquiry has arrived. That "
        "email does not contain what you wrote. We also send you an email confirming that we received your "
        "inquiry.</p>"
        "<h2>Who can see it</h2>"
        "<p>Your inquiry is stored in our website’s database. Only our front desk team and the managers of this "
        "website can read it, after signing in with a password and a second security step. Every export and "
        "deletion of inquiries is recorded.</p>"
        "<h2>How long we keep it</h2>"
        f"<p>We keep an inquiry for {kept} after you send it, and messages set aside as spam for {spam_kept}. "
        "After that, they are deleted automatically every day.</p>"
        "<h2>Cookies</h2>"
        "<p>This website does not use advertising or analytics cookies. The contact form sets one cookie that "
        "protects it against forged submissions; it holds no personal information.</p>"
        "<h2>Your choices</h2>"
        "<p>You can ask us to show you, correct or delete the inquiries you sent at any time: call us, write to "
        "us at the email address in the footer, or send a new inquiry saying what you would like us to do. We "
        "will confirm once it is done.</p>"
        "<h2>Changes to this policy</h2>"
        "<p>If we change what we collect or how we use it, we will update this page and the date at the top.</p>"
    )


TERMS_OF_USE = (
    "<p>By using this website you agree to these terms. If you do not agree, please do not use the site.</p>"
    "<h2>Information, not medical advice</h2>"
    "<p>The articles, treatment pages and specials on this site are general information. They are not medical "
    "advice and do not replace a consultation with a licensed clinician, who will consider your health, your "
    "skin and your goals before recommending any treatment.</p>"
    "<h2>Prices and specials</h2>"
    "<p>Prices shown are a guide and may change. A special applies only between the dates shown on it and under "
    "the conditions it states. Your clinician will confirm the price of your treatment before it begins.</p>"
    "<h2>Booking</h2>"
    "<p>Sending an inquiry does not book an appointment. An appointment is confirmed only when our team "
    "confirms it with you.</p>"
    "<h2>Our content</h2>"
    "<p>The text and images on this site belong to ELLEMES Medical Spa or are used with permission. You may "
    "share links to our pages; please do not copy our content without asking us first.</p>"
    "<h2>Links to other websites</h2>"
    "<p>Some links lead to other websites, such as an online booking service or social media. We are not "
    "responsible for their content or their privacy practices.</p>"
    "<h2>Changes</h2>"
    "<p>We may update these terms. The date at the top shows when they last changed.</p>"
)

ACCESSIBILITY_STATEMENT = (
    "<p>We want everyone to be able to use this website, including people who use a screen reader, a keyboard "
    "instead of a mouse, magnification or voice control.</p>"
    "<h2>What we do</h2>"
    "<ul><li>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.</li>"
    "<li>Every page can be used with a keyboard alone, and a “Skip to main content” link comes first.</li>"
    "<li>Images that carry information have text descriptions.</li>"
    "<li>Text and buttons have enough color contrast to read easily, and pages work when zoomed to 200%.</li>"
    "<li>Form fields have labels, and errors say what to fix.</li></ul>"
    "<h2>Known limitations</h2>"
    "<p>Some older images may lack a good description, and documents we link to may not be fully accessible. "
    "We fix these as we find them.</p>"
    "<h2>Tell us about a problem</h2>"
    "<p>If something on this site is hard to use, please call us or send an inquiry and tell us the page and "
    "what happened. We will reply within two business days and, if we cannot fix it quickly, give you the "
    "information another way.</p>"
)

RESULTS_VARY = (
    "<p>Individual results vary. How your skin responds to a treatment depends on your age, skin type, health, "
    "medications, lifestyle and how closely you follow the aftercare advice.</p>"
    "<h2>Photos and stories</h2>"
    "<p>Before-and-after photos, testimonials and descriptions of typical outcomes on this site show what some "
    "patients experienced. They are not a promise that you will see the same, or that a result will last for "
    "a particular time.</p>"
    "<h2>Risks</h2>"
    "<p>Every medical aesthetic treatment has possible side effects and risks. Your clinician will explain them, "
    "and the alternatives, at your consultation, so you can decide with all the facts.</p>"
    "<h2>Your consultation comes first</h2>"
    "<p>We recommend a treatment only after a consultation with a licensed clinician, and we may advise against "
    "one that we do not think will help you.</p>"
)

PAGES = [
    (
        "privacy-policy",
        "Privacy policy",
        privacy_policy,
        "What ELLEMES Medical Spa collects through its inquiry form, who sees it, how long it is kept "
        "and how to ask for its deletion.",
    ),
    ("terms-of-use", "Terms of use", lambda: TERMS_OF_USE, "The terms for using the ELLEMES Medical Spa website."),
    (
        "accessibility",
        "Accessibility statement",
        lambda: ACCESSIBILITY_STATEMENT,
        "How ELLEMES Medical Spa makes its website usable for everyone, and how to report a problem.",
    ),
    (
        "results-vary",
        "Results vary",
        lambda: RESULTS_VARY,
        "Individual results of aesthetic treatments vary: what our photos and stories do and do not promise.",
    ),
]


def load_demo(loader):
    for slug, title, body, description in PAGES:
        loader.child_page(
            loader.home,
            LegalPage,
            slug,
            title=title,
            last_updated=loader.today,
            body=body(),
            search_description=description,
            show_in_menus=False,
        )
    # The inquiry form's consent checkbox links to the privacy policy chosen in Clinic details.
    privacy = LegalPage.objects.get(slug="privacy-policy")
    ClinicSettings.objects.filter(privacy_page__isnull=True).update(privacy_page=privacy)
    loader.say("  legal pages: privacy policy, terms of use, accessibility statement, results vary")
