from django.urls import path

from blog.feeds import LatestArticlesFeed

urlpatterns = [
    path("feed/", LatestArticlesFeed(), name="blog_feed"),
]
