"""Production settings plus the constant-bytes baseline view; used only by `make bench`."""

from ellemes.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
