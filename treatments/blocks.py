"""The blocks of a treatment page: questions patients ask, each with its answer."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

ANSWER_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class FAQBlock(blocks.StructBlock):
    """One question and its answer."""

    # Both optional here so that clean() can say what is missing in words an editor understands.
    question = blocks.CharBlock(max_length=200, required=False, help_text="As a patient would ask it.")
    answer = blocks.RichTextBlock(features=ANSWER_FEATURES, required=False)

    class Meta:
        icon = "help"
        template = "treatments/blocks/faq.html"
        label = "Question and answer"
        description = "A question patients ask about this treatment, with its answer."
        preview_value = {
            "question": "Does it hurt?",
            "answer": "<p>Most patients feel a brief pinch. We can apply a numbing cream first.</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        question = (value.get("question") or "").strip()
        answer = value.get("answer")
        has_answer = bool(answer and answer.source and _has_text(answer.source))
        errors = {}
        if question and not has_answer:
            errors["answer"] = ValidationError("Write the answer to this question, or delete the question.")
        elif has_answer and not question:
            errors["question"] = ValidationError("Write the question this answers, or delete the answer.")
        elif not question and not has_answer:
            errors["question"] = ValidationError("Write a question and its answer, or delete this block.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


def _has_text(html):
    return bool(strip_tags(html).strip())


class FAQStreamBlock(blocks.StreamBlock):
    """The questions and answers of one treatment."""

    faq = FAQBlock()

    class Meta:
        required = False
