"""The building blocks of an article's body."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

ARTICLE_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class SectionHeadingBlock(blocks.StructBlock):
    """A section heading; the article gives it an anchor and lists it in the table of contents."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (h2)"), ("h3", "Subsection (h3)")],
        default="h2",
        help_text="Use subsections only inside a section.",
    )

    class Meta:
        icon = "title"
        template = "blog/blocks/section_heading.html"
        description = "A section heading, listed in the table of contents"
        preview_value = {"text": "How the treatment works", "level": "h2"}


class ArticleImageBlock(blocks.StructBlock):
    """An image with alt text written for this article and an optional caption."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=255,
        help_text="What the image shows in the context of this article, for people who cannot see it.",
    )
    caption = blocks.CharBlock(max_length=255, required=False)

    class Meta:
        icon = "image"
        template = "blog/blocks/article_image.html"
        description = "An image with its own alt text and an optional caption"


class PullQuoteBlock(blocks.StructBlock):
    """A short quotation set apart from the text."""

    quote = blocks.TextBlock(max_length=400)
    attribution = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "openquote"
        template = "blog/blocks/pull_quote.html"
        description = "A short quotation set apart from the text"
        preview_value = {"quote": "Good results start with an honest consultation.", "attribution": "Our team"}


class CalloutBlock(blocks.StructBlock):
    """A boxed note, such as “Risks and side effects”."""

    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=ARTICLE_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "blog/blocks/callout.html"
        description = "A boxed note, e.g. “Risks and side effects”"
        preview_value = {"title": "Risks and side effects", "text": "<p>Bruising and swelling may occur.</p>"}


class CallToActionBlock(blocks.StructBlock):
    """A button to a page of the site: booking, contact or a special."""

    heading = blocks.CharBlock(max_length=120, required=False)
    text = blocks.CharBlock(max_length=255, required=False)
    page = blocks.PageChooserBlock()
    button_label = blocks.CharBlock(max_length=40, default="Book a consultation")

    class Meta:
        icon = "link"
        template = "blog/blocks/call_to_action.html"
        description = "A button to a page of the site, such as the contact page"


class ArticleBodyBlock(blocks.StreamBlock):
    """What an article is made of."""

    heading = SectionHeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=ARTICLE_TEXT_FEATURES,
        icon="pilcrow",
        template="blog/blocks/paragraph.html",
        description="Text with bold, italic, links and lists",
    )
    image = ArticleImageBlock()
    pull_quote = PullQuoteBlock()
    callout = CalloutBlock()
    call_to_action = CallToActionBlock()
