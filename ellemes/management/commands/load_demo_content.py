import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from ellemes.demo import DemoLoader


def demo_modules():
    """Each installed app's `demo` module, in INSTALLED_APPS order (ellemes first)."""
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "demo"):
            yield config.label, importlib.import_module(f"{config.name}.demo")


class Command(BaseCommand):
    """Load the clinic's demo site: pages, images, staff, articles, specials and settings."""

    help = "Build the demo content. Safe to run again: it only adds what is missing. --reset rebuilds it."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete the demo content first and rebuild it.")

    def handle(self, *args, reset=False, **options):
        modules = list(demo_modules())
        loader = DemoLoader(stdout=self.stdout)
        with transaction.atomic():
            if reset:
                self.stdout.write("Removing existing content…")
                for _, module in reversed(modules):
                    if hasattr(module, "reset_demo"):
                        module.reset_demo()
            for label, module in modules:
                self.stdout.write(f"Loading {label}…")
                module.load_demo(loader)
            for _, module in modules:
                if hasattr(module, "finish_demo"):
                    module.finish_demo(loader)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({loader.created} items created)."))
