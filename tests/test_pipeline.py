"""explain(): an engine is a name or an object with the Engine protocol, used as given."""

from __future__ import annotations

from pathlib import Path

import pytest
from llm_fixtures import CrashRepo, make_repo

from debugai.agent.context import Context
from debugai.agent.diagnosis import Diagnosis
from debugai.agent.engine import Engine
from debugai.agent.llm.engine import LLMEngine
from debugai.agent.pipeline import explain
from debugai.agent.static.engine import StaticEngine
from debugai.agent.traceback import Trace
from debugai.config import Config
from debugai.errors import UsageError
from debugai.indexers import CodeIndex


class Recorder:
    """An Engine that notes what the pipeline handed it and marks the diagnosis."""

    def __init__(self, budget: int) -> None:
        self._budget = budget
        self.seen: list[tuple[Trace, Context, Diagnosis]] = []

    @property
    def context_budget(self) -> int:
        return self._budget

    def diagnose(
        self, trace: Trace, index: CodeIndex, context: Context, static: Diagnosis
    ) -> Diagnosis:
        self.seen.append((trace, context, static))
        out = static.model_copy(deep=True)
        out.engine = "recorder"
        return out


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> CrashRepo:
    return make_repo(tmp_path_factory.mktemp("pipeline"))


def test_an_engine_object_gets_the_static_diagnosis_and_a_context_within_its_budget(
    repo: CrashRepo,
) -> None:
    engine = Recorder(budget=300)
    assert isinstance(engine, Engine)
    diag = explain(repo.trace, repo.root, engine=engine, budget=8000, config=Config())
    assert diag.engine == "recorder"
    ((trace, context, static),) = engine.seen
    assert static.engine == "static" and static.root_cause is not None
    assert 0 < context.tokens <= 300
    assert trace.final.type == "TypeError"
    wide = Recorder(budget=8000)
    explain(repo.trace, repo.root, engine=wide, budget=8000, config=Config())
    assert wide.seen[0][1].tokens >= context.tokens


def test_engines_satisfy_the_protocol_and_static_is_not_one() -> None:
    assert isinstance(LLMEngine(None, Config(), local_gguf="x.gguf"), Engine)
    assert not isinstance(StaticEngine(), Engine)  # it produces the input, not the refinement


def test_an_unknown_engine_name_is_a_usage_error(repo: CrashRepo) -> None:
    with pytest.raises(UsageError, match="unknown engine 'gpt'"):
        explain(repo.trace, repo.root, engine="gpt", config=Config())  # type: ignore[arg-type]


def test_auto_without_a_model_is_the_static_engine(repo: CrashRepo, tmp_path: Path) -> None:
    diag = explain(repo.trace, repo.root, engine="auto", config=Config(cache_dir=tmp_path))
    assert diag.engine == "static"
