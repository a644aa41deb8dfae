"""The detect-secrets plugins' rules, as a snapshot the redactor loads without importing them.

Importing detect-secrets pulls in requests, urllib3 and ssl, and its plugins compile their
regexes at import: 0.13 s of a 0.6 s `explain`. The rules themselves are data (each plugin's
patterns, and for the high-entropy finders a charset and an entropy limit), so they are kept in
`redact_rules.json` beside this module, stamped with the detect-secrets version they came from.
When the installed version is that one, the snapshot is used; otherwise (or when a plugin does
something the snapshot cannot say) the plugins are imported as before. A test checks the
snapshot against the installed plugins, so it cannot drift; `python -m
debugai.agent.redact_rules` writes it again.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

Rule = tuple[str, "re.Pattern[str]", "Callable[[str], bool] | None"]
Spec = dict[str, Any]

# Plugins whose job the redactor's own patterns do better (see redact.py).
NOT_USED = frozenset({"KeywordDetector", "BasicAuthDetector", "PrivateKeyDetector", "IPPublicDetector"})  # fmt: skip
SNAPSHOT = "redact_rules.json"


def installed_version() -> str | None:
    """The installed detect-secrets' version, from its dist-info folder's name: importing
    importlib.metadata alone costs more (70 ms) than the snapshot saves on a small repo."""
    spec = importlib.util.find_spec("detect_secrets")
    if spec is None or not spec.submodule_search_locations:
        return None
    site = Path(next(iter(spec.submodule_search_locations))).parent
    found = sorted(site.glob("detect_secrets-*.dist-info"))
    if len(found) == 1:
        return found[0].name[len("detect_secrets-") : -len(".dist-info")]
    from importlib import metadata  # an egg, an odd layout, two dist-infos: ask properly

    try:
        return metadata.version("detect-secrets")
    except metadata.PackageNotFoundError:
        return None


def _plugins() -> list[tuple[str, Any]]:
    """(kind, plugin instance) of every detect-secrets plugin the redactor uses."""
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

    out: list[tuple[str, Any]] = []
    cls: Any
    for cls in get_mapping_from_secret_type_to_class().values():
        if cls.__name__ not in NOT_USED:
            plugin = cls()
            kind = re.sub(r"[^a-z0-9]+", "-", str(plugin.secret_type).lower()).strip("-")
            out.append((kind, plugin))
    return out


def specs_from_plugins() -> list[Spec] | None:
    """Each used plugin's rules as data; None when one cannot be said as data."""
    from detect_secrets.plugins.base import RegexBasedDetector
    from detect_secrets.plugins.high_entropy_strings import (
        HexHighEntropyString,
        HighEntropyStringsPlugin,
    )

    base_entropy = HighEntropyStringsPlugin.calculate_shannon_entropy
    out: list[Spec] = []
    entropy: list[Spec] = []
    for kind, plugin in _plugins():
        if isinstance(plugin, HighEntropyStringsPlugin):
            own = type(plugin).calculate_shannon_entropy
            if own is not base_entropy and type(plugin) is not HexHighEntropyString:
                return None  # an entropy rule of its own: only the plugin can apply it
            entropy.append({
                "kind": kind, "pattern": plugin.regex.pattern, "flags": int(plugin.regex.flags),
                "charset": plugin.charset, "limit": float(plugin.entropy_limit),
                "digits_penalty": own is not base_entropy,
            })  # fmt: skip
        elif isinstance(plugin, RegexBasedDetector):
            out.extend(
                {"kind": kind, "pattern": p.pattern, "flags": int(p.flags)} for p in plugin.denylist
            )
        else:
            return None
    return out + entropy


def shannon(data: str, charset: str, digits_penalty: bool) -> float:
    """detect-secrets' entropy of `data` over `charset`; with `digits_penalty`, its hex rule's
    discount for strings that are all digits."""
    if not data:
        return 0.0
    entropy = 0.0
    for x in charset:
        p = data.count(x) / len(data)
        if p > 0:
            entropy += -p * math.log(p, 2)
    if digits_penalty and len(data) > 1:
        try:
            int(data)
        except ValueError:
            return entropy
        entropy -= 1.2 / math.log(len(data), 2)
    return entropy


def compile_specs(specs: list[Spec]) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for s in specs:
        pattern = re.compile(s["pattern"], s["flags"])
        check: Callable[[str], bool] | None = None
        if "limit" in s:

            def check(value: str, s: Spec = s) -> bool:
                return shannon(value, s["charset"], s["digits_penalty"]) > float(s["limit"])

        rules.append((s["kind"], pattern, check))
    return tuple(rules)


def load_snapshot() -> list[Spec] | None:
    """The snapshot's specs, when they were taken from the installed detect-secrets."""
    try:
        raw = resources.files("debugai.agent").joinpath(SNAPSHOT).read_text("utf-8")
        data = json.loads(raw)
    except (OSError, ValueError):
        return None
    if data.get("detect_secrets") != installed_version():
        return None
    specs = data.get("rules")
    return specs if isinstance(specs, list) else None


def rules() -> tuple[Rule, ...]:
    """The snapshot's rules when it was taken from the installed detect-secrets, else the
    plugins themselves (another version's entropy rules may differ from `shannon`)."""
    specs = load_snapshot()
    return compile_specs(specs) if specs is not None else _plugin_rules()


def _plugin_rules() -> tuple[Rule, ...]:
    """The plugins themselves as rules: their regexes and their own entropy functions."""
    from detect_secrets.plugins.base import RegexBasedDetector
    from detect_secrets.plugins.high_entropy_strings import HighEntropyStringsPlugin

    out: list[Rule] = []
    entropy: list[Rule] = []
    for kind, plugin in _plugins():
        if isinstance(plugin, HighEntropyStringsPlugin):

            def high(value: str, plugin: HighEntropyStringsPlugin = plugin) -> bool:
                return bool(plugin.calculate_shannon_entropy(value) > plugin.entropy_limit)

            entropy.append((kind, plugin.regex, high))
        elif isinstance(plugin, RegexBasedDetector):
            out.extend((kind, pattern, None) for pattern in plugin.denylist)
    return (*out, *entropy)


def main() -> int:
    specs = specs_from_plugins()
    if specs is None:
        print("a detect-secrets plugin cannot be snapshotted: the redactor imports them", file=sys.stderr)  # fmt: skip
        return 1
    target = Path(__file__).with_name(SNAPSHOT)
    data = {"detect_secrets": installed_version(), "rules": specs}
    target.write_text(json.dumps(data, indent=1) + "\n", "utf-8")
    print(f"wrote {target} ({len(specs)} rules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
