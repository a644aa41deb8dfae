"""scripts/install_local_model.py: join the parts in order, check the sha256, place atomically."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import uuid
from pathlib import Path
from types import ModuleType

import pytest

from debugai.agent.llm.local import MODELS, ModelSpec, models_dir

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "install_local_model.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("install_local_model", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_parts(chunks: list[bytes]) -> tuple[str, object]:
    """A unique package prefix and a fetch() that lays out part packages like the real wheels."""
    prefix = f"fake-model-{uuid.uuid4().hex[:8]}-part"

    def fetch(spec: ModelSpec, target: Path) -> None:
        for i, chunk in enumerate(chunks, start=1):
            pkg = target / f"{prefix.replace('-', '_')}{i}"
            (pkg / "data").mkdir(parents=True)
            (pkg / "__init__.py").write_text("")
            (pkg / "data" / f"part{i:02d}.bin").write_bytes(chunk)

    return prefix, fetch


def test_parts_are_joined_in_order_and_checked(tmp_path: Path) -> None:
    chunks = [os.urandom(3000), os.urandom(10), os.urandom(777)]
    prefix, fetch = fake_parts(chunks)
    whole = b"".join(chunks)
    spec = ModelSpec("tiny", prefix, 3, "0.1", hashlib.sha256(whole).hexdigest(), 1)
    script = load_script()
    path = script.install(spec, tmp_path, fetch=fetch)
    assert path == models_dir(tmp_path) / spec.filename and path.read_bytes() == whole
    assert (
        script.install(spec, tmp_path, fetch=None) == path
    )  # already there: verified, not fetched


def test_sha256_mismatch_fails_clearly_and_leaves_nothing(tmp_path: Path) -> None:
    prefix, fetch = fake_parts([b"not", b"the model"])
    spec = ModelSpec("tiny", prefix, 2, "0.1", "0" * 64, 1)
    script = load_script()
    with pytest.raises(script.InstallError, match="sha256 mismatch for tiny: expected 0000"):
        script.install(spec, tmp_path, fetch=fetch)
    assert not any(models_dir(tmp_path).iterdir())


def test_a_missing_part_fails_clearly(tmp_path: Path) -> None:
    prefix, fetch = fake_parts([b"only one"])
    spec = ModelSpec("tiny", prefix, 2, "0.1", "0" * 64, 1)
    script = load_script()
    with pytest.raises(script.InstallError, match="part2 is not importable"):
        script.install(spec, tmp_path, fetch=fetch)


def test_unknown_model_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        load_script().main(["no-such-model"])
    assert exc.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_known_models_are_pinned() -> None:
    for spec in MODELS.values():
        assert len(spec.sha256) == 64 and all(
            p.endswith(f"=={spec.version}") for p in spec.packages()
        )
        assert spec.import_names()[0].endswith("part1")
