#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ellemes.settings.dev")
    # Web requests must fail fast; the worker, migrations and other commands may run long statements.
    if sys.argv[1:2] != ["runserver"]:
        os.environ["DB_STATEMENT_TIMEOUT_MS"] = os.environ.get("DB_COMMAND_STATEMENT_TIMEOUT_MS", "600000")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
