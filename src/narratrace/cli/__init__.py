"""Command-line interface. Each command module attaches its commands to ``app``."""
from importlib import import_module

from narratrace.cli.app import app

COMMAND_MODULES = [
    "narratrace.cli.core",
    "narratrace.cli.reuse",
    "narratrace.cli.claims",
    "narratrace.cli.allegations",
    "narratrace.cli.outcomes",
    "narratrace.cli.techniques",
    "narratrace.cli.web",
]

for _mod in COMMAND_MODULES:
    import_module(_mod)


def main() -> None:
    app()
