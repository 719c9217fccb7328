"""Add articles to the scratch site, so the benchmark can measure search and page misses with more content.

`python -m bench.grow_site 500` adds 500 published articles about Botox (every one matches the
benchmark's search), each with a hero image, an author and two treatments.
"""

import datetime
import sys

import django

django.setup()

from blog.factories import ArticlePageFactory, paragraph  # noqa: E402
from ellemes.models import ClinicImage, Treatment  # noqa: E402
from staff.models import StaffMemberPage  # noqa: E402


def add_articles(count):
    image = ClinicImage.objects.first()
    author = StaffMemberPage.objects.live().first()
    treatments = list(Treatment.objects.all()[:2])
    body = [paragraph("<p>How Botox works, who it suits, and what to expect.</p>")]
    for n in range(count):
        ArticlePageFactory(
            title=f"Botox treatment guide {n}",
            intro="An introduction to Botox for listings and search results.",
            hero_image=image,
            author=author,
            reviewed_by=author,
            last_reviewed_on=datetime.date(2024, 2, 1),
            published_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            body=body,
            treatments=treatments,
            publish=False,
        )


if __name__ == "__main__":
    add_articles(int(sys.argv[1]))
