"""Deterministic filler code for padded eval cases: `python -m debugai.evals.padding DEST PKG`.

A few cases are padded to 100+ files so context selection meets distraction. The filler reads
like a service's other features (domain dataclasses, repositories, services, report helpers,
env lookups, functions that return None on a miss) but is never on the crash path. The same
arguments always write the same files; the output is committed with the case.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

AREAS = (
    "catalog",
    "inventory",
    "reports",
    "loyalty",
    "notifications",
    "support",
    "promotions",
    "warehouse",
    "audit",
    "partners",
    "analytics",
    "returns",
)
NOUNS = (
    "product",
    "supplier",
    "voucher",
    "ticket",
    "campaign",
    "batch",
    "bin",
    "member",
    "reward",
    "partner",
    "export",
    "segment",
    "rule",
    "slot",
    "review",
    "manifest",
    "region",
    "tier",
)
FIELDS = (
    ("name", "str", '""'),
    ("code", "str", '""'),
    ("quantity", "int", "0"),
    ("priority", "int", "1"),
    ("active", "bool", "True"),
    ("notes", "str | None", "None"),
    ("owner_id", "int | None", "None"),
    ("score", "float", "0.0"),
    ("tags", "list[str]", "field(default_factory=list)"),
    ("region", "str", '"eu"'),
)
ENV_KEYS = ("EXPORT_BUCKET", "REPORT_TIMEZONE", "PARTNER_API_URL", "LOYALTY_RATE", "AUDIT_LEVEL")


@dataclass(frozen=True)
class _Module:
    area: str
    noun: str
    variant: int


def _cls(noun: str) -> str:
    return "".join(part.capitalize() for part in noun.split("_"))


def _model(rng: random.Random, m: _Module) -> str:
    cls = _cls(m.noun)
    fields = rng.sample(FIELDS, k=rng.randint(3, 6))
    # Defaults must follow non-defaults; every filler field has a default, so keep id first.
    body = "\n".join(f"    {n}: {t} = {d}" for n, t, d in fields)
    names = [n for n, _, _ in fields]
    label_field = next((n for n in names if n in ("name", "code")), names[0])
    return f'''"""{cls} records of the {m.area} area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class {cls}:
    id: int
{body}

    def label(self) -> str:
        return f"{cls.lower()}-{{self.id}}:{{self.{label_field}}}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> {cls}:
    """Build a {cls} from a database row, ignoring unknown columns."""
    known = {{k: v for k, v in row.items() if k in {cls}.__dataclass_fields__}}
    return {cls}(**known)
'''


def _repository(rng: random.Random, m: _Module, pkg: str) -> str:
    cls = _cls(m.noun)
    miss = rng.choice(
        [
            "        return self._rows.get(item_id)",
            "        for row in self._rows.values():\n"
            "            if row.id == item_id:\n"
            "                return row\n"
            "        return None",
        ]
    )
    return f'''"""In-memory {m.noun} repository used by the {m.area} jobs."""

from __future__ import annotations

from {pkg}.{m.area}.{m.noun}_model import {cls}, from_row


class {cls}Repository:
    def __init__(self) -> None:
        self._rows: dict[int, {cls}] = {{}}

    def add(self, row: dict) -> {cls}:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> {cls} | None:
{miss}

    def all(self) -> list[{cls}]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
'''


def _service(rng: random.Random, m: _Module, pkg: str) -> str:
    cls = _cls(m.noun)
    env = rng.choice(ENV_KEYS)
    limit = rng.choice([10, 25, 50, 100, 250])
    return f'''"""{m.area.capitalize()} operations on {m.noun}s."""

from __future__ import annotations

import os

from {pkg}.{m.area}.{m.noun}_repository import {cls}Repository

PAGE_SIZE = int(os.environ.get("{m.area.upper()}_PAGE_SIZE", "{limit}"))


def {m.noun}_summary(repo: {cls}Repository) -> dict:
    rows = repo.all()
    return {{"count": len(rows), "first": rows[0].label() if rows else None}}


def paginate_{m.noun}s(repo: {cls}Repository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_{m.noun}(repo: {cls}Repository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown {m.noun}"
    return item.label()


def {m.noun}_setting() -> str | None:
    return os.getenv("{env}")
'''


def _helpers(rng: random.Random, m: _Module) -> str:
    sep = rng.choice([",", ";", "|"])
    return f'''"""Small helpers for {m.area} exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable


def to_csv(rows: Iterable[dict]) -> str:
    rows = list(rows)
    if not rows:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter="{sep}")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def chunked(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def first_or_none(items: Iterable):
    for item in items:
        return item
    return None
'''


def generate(dest: Path, package: str, files: int, seed: int = 0) -> list[Path]:
    """Write about `files` filler modules under dest/package/<area>/; return the paths written."""
    rng = random.Random(seed)
    written: list[Path] = []
    modules = [_Module(a, n, i) for i, (a, n) in enumerate((a, n) for a in AREAS for n in NOUNS)]
    rng.shuffle(modules)
    areas_used: set[str] = set()
    for m in modules:
        if len(written) >= files:
            break
        area_dir = dest / package / m.area
        if m.area not in areas_used:
            areas_used.add(m.area)
            area_dir.mkdir(parents=True, exist_ok=True)
            init = area_dir / "__init__.py"
            init.write_text(f'"""The {m.area} area."""\n', encoding="utf-8")
            helpers = area_dir / "helpers.py"
            helpers.write_text(_helpers(rng, m), encoding="utf-8")
            written += [init, helpers]
        for suffix, text in (
            ("model", _model(rng, m)),
            ("repository", _repository(rng, m, package)),
            ("service", _service(rng, m, package)),
        ):
            path = area_dir / f"{m.noun}_{suffix}.py"
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m debugai.evals.padding")
    parser.add_argument("dest", type=Path, help="the case's project/ folder")
    parser.add_argument("package", help="the project's package to add areas to, e.g. app")
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not (args.dest / args.package).is_dir():
        print(f"padding: error: no package {args.package} in {args.dest}", file=sys.stderr)
        return 2
    paths = generate(args.dest, args.package, args.files, args.seed)
    print(f"wrote {len(paths)} files under {args.dest / args.package}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
