"""The packed context: the budget is spent on whole definitions once every span has its place."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from debugai.agent.context import Hint, select_context
from debugai.api import open_index, read_trace

# A long function whose wrong line (the rate) is far above the line that raises, and a class
# whose wrong line is a class attribute: a window around the raise shows neither.
FILLER = "".join(f"    step_{i} = {i} * rate\n" for i in range(70))
BILLING = f'''\
class Plan:
    """A plan.

    Plans are sold per seat, billed monthly, and priced in the
    currency of the account that buys them.
    """

    currency = None  # the wrong line: every plan has a currency

    def label(self):
        return self.currency.upper()


def total(amount):
    rate = 0.2
{FILLER}    return amount / (rate - 0.2)
'''
MAIN = """\
from billing import Plan, total

print(Plan().label() if False else total(10))
"""


@pytest.fixture(scope="module")
def crashed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("ctx")
    (root / "billing.py").write_text(BILLING)
    (root / "main.py").write_text(MAIN)
    run = subprocess.run(
        [sys.executable, "main.py"], cwd=root, capture_output=True, text=True, check=False
    )
    assert "ZeroDivisionError" in run.stderr
    return root, run.stderr


def _context(root: Path, trace_text: str, budget: int, hints: tuple[Hint, ...] = ()):
    index = open_index(root)
    return select_context(read_trace(trace_text, index), index, budget, hints)


def test_a_long_function_is_shown_whole_when_the_budget_allows(crashed) -> None:
    root, trace_text = crashed
    ctx = _context(root, trace_text, 8000)
    spans = sorted((s for s in ctx.spans if s.file == "billing.py"), key=lambda s: s.start)
    assert all(a.end < b.start for a, b in itertools.pairwise(spans)), "spans inside one are merged"
    span = next(s for s in spans if s.symbol == "billing.total")
    lines = BILLING.splitlines()
    first, last = lines.index("def total(amount):") + 1, len(lines)
    assert span.start <= first and span.end >= last
    assert span.reason == "raises here"
    assert "rate = 0.2" in span.text
    assert ctx.tokens <= 8000


def test_a_small_budget_keeps_the_window_and_its_limit(crashed) -> None:
    root, trace_text = crashed
    ctx = _context(root, trace_text, 300)
    span = next(s for s in ctx.spans if s.file == "billing.py")
    assert "rate = 0.2" not in span.text  # the window around the raise only
    assert "return amount / (rate - 0.2)" in span.text
    assert ctx.tokens <= 300


def test_the_raising_function_is_whole_before_the_ranking_tail_takes_the_budget(crashed) -> None:
    root, trace_text = crashed
    # The tail of a ranking: many low-scored candidates whose windows would fill the budget.
    tail = "".join(
        f"def helper_{i}():\n" + "    x = 1\n" * 12 + "    return x\n\n" for i in range(40)
    )
    lines = tail.splitlines()
    hints = tuple(
        Hint(
            "tail.py",
            lines.index(f"def helper_{i}():") + 1,
            f"tail.helper_{i}",
            "a candidate",
            0.01,
        )
        for i in range(40)
    )
    (root / "tail.py").write_text(tail)
    try:
        ctx = _context(root, trace_text, 1500, hints)
    finally:  # the module's other tests index this folder too
        (root / "tail.py").unlink()
    span = next(s for s in ctx.spans if s.symbol == "billing.total")
    assert "rate = 0.2" in span.text, "the raising function is grown before the tail is packed"
    assert any(s.file == "tail.py" for s in ctx.spans)  # the tail still gets what is left
    assert ctx.tokens <= 1500
