"""Parameter value flow (indexers/paramflow.py): facts decided by call sites in other files stay
right when those files change, whether the index is rebuilt from its cache or refreshed live."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from debugai.indexers import IndexOptions, build_index

SERVICES = """
    class Service:
        def __init__(self, mailer):
            self.mailer = mailer

        def notify(self):
            return self.mailer.send()
"""
MAIN = """
    from app.services import Service

    class Smtp:
        def send(self):
            return 1

    class Sms:
        def send(self):
            return 2

    def main():
        return Service({arg}()).notify()
"""


def write(root: Path, rel: str, text: str) -> None:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(textwrap.dedent(text), encoding="utf-8")


def calls(idx) -> set[tuple[str, str]]:
    return {(u, v) for u, v, k in idx.graph.edges(data="kind") if k == "calls"}


def sends(idx) -> set[str]:
    return {v for u, v in calls(idx) if u == "app.services.Service.notify"}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/services.py", SERVICES)
    write(tmp_path, "app/main.py", MAIN.format(arg="Smtp"))
    past = os.stat(tmp_path).st_mtime - 10
    for p in tmp_path.rglob("*.py"):
        os.utime(p, (past, past))
    return tmp_path


def test_an_edited_call_site_relinks_the_file_it_decides(repo: Path) -> None:
    assert sends(build_index(repo)) == {"app.main.Smtp.send"}
    write(repo, "app/main.py", MAIN.format(arg="Sms"))
    idx = build_index(repo)
    assert idx.stats.parsed == 1  # services.py is relinked from its record, not parsed again
    assert sends(idx) == {"app.main.Sms.send"}
    cold = build_index(repo, IndexOptions(cache=False))
    assert calls(idx) == calls(cold)


def test_a_conflicting_call_site_removes_the_fact_live(repo: Path) -> None:
    idx = build_index(repo)
    assert sends(idx) == {"app.main.Smtp.send"}
    with open(repo / "app/main.py", "a", encoding="utf-8") as fh:
        fh.write("\n\ndef other():\n    return Service(Sms())\n")
    fresh = idx.refresh()
    assert sends(fresh) == set()
    assert "self.mailer.send" in {u.text for u in fresh.unresolved}
    assert calls(fresh) == calls(build_index(repo, IndexOptions(cache=False)))


CONFLICT = "\n\ndef other():\n    return Service(Sms())\n"


@pytest.mark.parametrize("where", ["its own file, deleted", "main.py, edited back"])
def test_removing_the_conflicting_call_site_brings_the_fact_back_live(
    repo: Path, where: str
) -> None:
    if where.startswith("its own"):
        write(repo, "app/extra.py", "from app.services import Service\nfrom app.main import Sms"
              + CONFLICT)  # fmt: skip
    else:
        write(repo, "app/main.py", MAIN.format(arg="Smtp") + CONFLICT)
    idx = build_index(repo)
    assert sends(idx) == set()  # Smtp passed in one place, Sms in another: no fact
    if where.startswith("its own"):
        (repo / "app/extra.py").unlink()
    else:
        write(repo, "app/main.py", MAIN.format(arg="Smtp"))  # the same names: only it relinks
    fresh = idx.refresh()
    assert sends(fresh) == {"app.main.Smtp.send"}
    assert calls(fresh) == calls(build_index(repo, IndexOptions(cache=False)))


def test_an_argument_forwarded_through_three_functions_is_followed(tmp_path: Path) -> None:
    write(
        tmp_path,
        "chain.py",
        """
        def target():
            return 0

        def one(fn):
            return two(fn)

        def two(fn):
            return three(fn)

        def three(fn):
            holder = fn
            return holder()

        one(target)
        """,
    )
    idx = build_index(tmp_path, IndexOptions(cache=False))
    assert ("chain.three", "chain.target") in calls(idx)
