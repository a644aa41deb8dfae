"""FastAPI appends the endpoint's location to validation errors; it is a frame, not a new trace."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from debugai.agent.traceback import parse

pytest.importorskip("fastapi")

APP = textwrap.dedent(
    """
    from fastapi import FastAPI
    from fastapi.testclient import TestClient
    from pydantic import BaseModel


    class Out(BaseModel):
        name: str
        phone: str


    app = FastAPI()


    @app.post("/contacts", response_model=Out)
    def create_contact():
        return {"name": "ada", "phone": None}


    TestClient(app).post("/contacts")
    """
)


def test_response_validation_error_keeps_the_endpoint_as_its_last_frame(tmp_path: Path) -> None:
    (tmp_path / "api.py").write_text(APP)
    proc = subprocess.run(
        [sys.executable, "api.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode != 0 and "ResponseValidationError" in proc.stderr
    trace = parse(proc.stderr)
    final = trace.final
    assert final.type.endswith("ResponseValidationError")
    assert "'phone'" in final.message
    assert not trace.truncated
    assert [e.type for e in trace.chain if not e.type] == []
    last = final.frames[-1]
    assert last.function == "create_contact" and last.file.endswith("api.py")
