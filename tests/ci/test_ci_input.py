"""Reading what pytest really writes: JUnit XML and the console log of a failing run."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from ci_projects import (
    DB_PASSWORD,
    FIXED,
    SHOP,
    SHOP_SETTINGS_TESTS,
    PytestRun,
    run_pytest,
    write_project,
)

from debugai.agent.ci.inputs import read_inputs
from debugai.agent.ci.report import redact_for_posting

TOKEN = "ghs_" + "Zq8" * 12


@pytest.fixture(scope="module")
def shop_run(tmp_path_factory: pytest.TempPathFactory) -> PytestRun:
    root = write_project(tmp_path_factory.mktemp("ci") / "svc", {**SHOP, **SHOP_SETTINGS_TESTS})
    run = run_pytest(root, env={"GITHUB_TOKEN": TOKEN})
    assert run.returncode == 1, run.log.read_text()
    return run


def _junit_failed(junit: Path) -> dict[str, str]:
    """classname::name -> message, straight from the XML pytest wrote."""
    root = ET.parse(junit).getroot()
    out = {}
    for case in root.iter("testcase"):
        for child in case:
            if child.tag in ("failure", "error"):
                out[f"{case.get('classname')}::{case.get('name')}"] = child.get("message", "")
    return out


def test_junit_failures_become_node_ids_with_their_messages(shop_run: PytestRun) -> None:
    data = read_inputs([shop_run.junit], shop_run.root)
    expected = _junit_failed(shop_run.junit)
    assert len(data.failures) == len(expected) == 6
    assert data.tests == sum(1 for _ in ET.parse(shop_run.junit).getroot().iter("testcase"))
    for failure in data.failures:
        path = failure.test_id.partition("::")[0]
        assert (shop_run.root / path).is_file(), failure.test_id
        assert failure.kind == "failure"
        assert failure.text.strip()
    ids = {f.test_id for f in data.failures}
    assert "tests/test_billing.py::TestGuests::test_guest" in ids
    by_id = {f.test_id: f.message for f in data.failures}
    for key, message in expected.items():
        name = key.split("::")[1]
        node = [i for i in ids if i.endswith("::" + name)]
        assert len(node) == 1 and by_id[node[0]] == message.splitlines()[0].strip()


def test_the_console_log_gives_the_same_failures_as_the_junit(shop_run: PytestRun) -> None:
    from_xml = read_inputs([shop_run.junit], shop_run.root).failures
    from_log = read_inputs([shop_run.log], shop_run.root).failures
    assert [f.test_id for f in from_log] == [f.test_id for f in from_xml]
    assert [f.message for f in from_log] == [f.message for f in from_xml]
    # Each log section ends at the line that raised, like the JUnit text does.
    for a, b in zip(from_log, from_xml, strict=True):
        assert a.text.splitlines()[-1] == b.text.splitlines()[-1]


def test_the_environment_dump_of_os_environ_never_survives(shop_run: PytestRun) -> None:
    raw = shop_run.log.read_text()
    assert re.search(r"environ\(\{'", raw), "pytest should dump os.environ for this KeyError"
    for failure in read_inputs([shop_run.junit, shop_run.log], shop_run.root).failures:
        assert "environ({'" not in failure.text


def test_the_same_run_given_twice_is_reported_once(shop_run: PytestRun) -> None:
    data = read_inputs([shop_run.junit, shop_run.log], shop_run.root)
    assert len(data.failures) == 6 and data.read == 2
    assert {f.source for f in data.failures} == {shop_run.junit.name}


def test_setup_errors_are_errors(tmp_path: Path) -> None:
    root = write_project(
        tmp_path / "p",
        {
            "tests/__init__.py": "",
            "tests/test_fx.py": """
                import pytest


                @pytest.fixture
                def db():
                    raise RuntimeError("database not migrated")


                def test_uses_db(db):
                    assert db
                """,
        },
    )
    run = run_pytest(root)
    for path in (run.junit, run.log):
        (failure,) = read_inputs([path], root).failures
        assert failure.kind == "error"
        assert failure.test_id == "tests/test_fx.py::test_uses_db"
        assert "RuntimeError: database not migrated" in failure.message


def test_unreadable_inputs_are_warnings(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<?xml version='1.0'?><testsuites><testsuite>")
    data = read_inputs([tmp_path / "missing.xml", bad], tmp_path)
    assert data.read == 0 and data.failures == []
    assert len(data.warnings) == 2
    assert "missing.xml" in data.warnings[0] and "not valid JUnit XML" in data.warnings[1]


def test_a_green_run_has_no_failures(tmp_path: Path) -> None:
    root = write_project(tmp_path / "svc", {**SHOP, **FIXED})
    run = run_pytest(root)
    assert run.returncode == 0, run.log.read_text()
    data = read_inputs([run.junit, run.log], root)
    assert data.failures == [] and data.read == 2
    assert data.tests == sum(1 for _ in ET.parse(run.junit).getroot().iter("testcase")) > 0


def test_secrets_in_reports_are_redacted_for_posting(shop_run: PytestRun) -> None:
    env = {"GITHUB_TOKEN": TOKEN}
    texts = [f.text for f in read_inputs([shop_run.junit, shop_run.log], shop_run.root).failures]
    raw = "\n".join(texts)
    assert TOKEN in raw and DB_PASSWORD in raw
    posted = redact_for_posting(raw, env)
    assert TOKEN not in posted and DB_PASSWORD not in posted
    # pytest's shortened repr of the token ('ghs_ZqZ...q8Zq8') leaks neither half.
    assert TOKEN[:10] not in posted and TOKEN[-10:] not in posted


def test_a_plain_log_gives_one_failure_per_traceback(tmp_path: Path) -> None:
    root = write_project(tmp_path / "app", {k: v for k, v in SHOP.items() if k.startswith("shop/")})
    (root / "a.py").write_text("from shop.billing import price\n\nprice(7, 10)\n")
    (root / "b.py").write_text("from shop.settings import api_url\n\napi_url()\n")
    parts = ["build step 1"]
    for script in ("a.py", "b.py"):
        proc = subprocess.run([sys.executable, script], cwd=root, capture_output=True, text=True)
        assert proc.returncode == 1
        parts += [f"$ python {script}", proc.stderr.rstrip()]
    log = tmp_path / "job.log"
    log.write_text("\n".join([*parts, "job done"]) + "\n")
    a, b = read_inputs([log], root).failures
    assert a.message.startswith("TypeError") and "billing.py" in a.text
    assert "settings.py" not in a.text and "KeyError" not in a.text
    assert b.message == "KeyError: 'SHOP_API_URL'" and "settings.py" in b.text
    assert a.test_id != b.test_id


@pytest.mark.parametrize("tb", ["short", "native", "line", "no"])
def test_every_traceback_style_reports_every_failed_test(tmp_path: Path, tb: str) -> None:
    root = write_project(tmp_path / "svc", {**SHOP, **SHOP_SETTINGS_TESTS})
    run = run_pytest(root, args=(f"--tb={tb}",))
    failed = set(_junit_failed_ids(run.junit, root))
    assert len(failed) == 6
    for path in (run.junit, run.log):
        data = read_inputs([path], root)
        assert {f.test_id for f in data.failures} == failed, (tb, path.name)
        if tb != "no":
            assert all(f.message for f in data.failures)


def _junit_failed_ids(junit: Path, root: Path) -> list[str]:
    from debugai.agent.ci.inputs import parse_junit

    return [f.test_id for f in parse_junit(junit.read_text(), junit.name, root)[0]]


def test_collection_errors_and_a_broken_conftest_are_failures(tmp_path: Path) -> None:
    files = {"tests/__init__.py": "", "tests/test_ok.py": "def test_ok():\n    pass\n"}
    root = write_project(tmp_path / "p", {**files, "tests/test_b.py": "import nope_missing\n"})
    run = run_pytest(root, "collect")
    assert run.returncode == 2
    for path in (run.junit, run.log):
        (failure,) = read_inputs([path], root).failures
        assert failure.test_id == "tests/test_b.py" and failure.kind == "error"
        assert "nope_missing" in failure.message

    broken = write_project(tmp_path / "q", {**files, "conftest.py": "import nope_missing\n"})
    run = run_pytest(broken, "conftest")
    assert run.returncode == 4 and not run.junit.exists()
    data = read_inputs([run.junit, run.log], broken)
    assert data.warnings and "cannot read" in data.warnings[0]
    (failure,) = data.failures
    assert "nope_missing" in failure.message and "conftest.py" in failure.text
