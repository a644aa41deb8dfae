"""One module per command group; importing a module registers its commands on the app."""

from __future__ import annotations

import importlib
import pkgutil


def register_all() -> None:
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
