"""One module per command group; importing a module registers its commands on the app."""

from __future__ import annotations

import importlib
import pkgutil

# Modules that draw for a command and register nothing: imported by their command when it runs
# (they load rich and the agent, which `debugai --help` must not pay for).
HELPERS = frozenset({"chat_render", "chat_terminal", "explain_text"})


def register_all() -> None:
    for info in pkgutil.iter_modules(__path__):
        if info.name not in HELPERS:
            importlib.import_module(f"{__name__}.{info.name}")
