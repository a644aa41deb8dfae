"""An answer cut at the output limit keeps its complete part (small local models run out of
tokens in the fix, after a whole root cause and chain)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from debugai.agent.llm.answer import salvage_truncated

ANSWER = {
    "root_cause": {
        "file": "inventory/__init__.py",
        "line": 3,
        "symbol": "inventory",
        "explanation": 'the {"version"} import, [escaped \\" quote], commas, and braces }',
    },
    "chain": [
        {"file": "inventory/app.py", "line": 5, "explanation": "imports it, at module level"},
        {"file": "inventory/routes/health.py", "line": 7, "explanation": "reads it"},
    ],
    "fix": {"summary": "Remove the circular import", "diff": ""},
}
TEXT = json.dumps(ANSWER, indent=2)
ROOT_END = TEXT.index('"chain"')  # the root cause is complete from here on


def test_a_cut_in_the_fix_keeps_root_cause_and_chain() -> None:
    cut = TEXT[: TEXT.index('"Remove') + 8]
    got = salvage_truncated("Here you go:\n" + cut)
    assert got == {"root_cause": ANSWER["root_cause"], "chain": ANSWER["chain"]}


def test_a_cut_inside_the_chain_keeps_the_whole_hops() -> None:
    cut = TEXT[: TEXT.index('"inventory/routes') + 5]
    got = salvage_truncated(cut)
    assert got == {"root_cause": ANSWER["root_cause"], "chain": ANSWER["chain"][:1]}


@given(st.integers(min_value=ROOT_END, max_value=len(TEXT) - 2))
def test_any_cut_after_the_root_cause_keeps_it_exactly(at: int) -> None:
    got = salvage_truncated(TEXT[:at])
    assert got is not None and got["root_cause"] == ANSWER["root_cause"]
    # Nothing is invented: every hop kept is one of the original hops, in order.
    assert ANSWER["chain"][: len(got.get("chain", []))] == got.get("chain", [])


@given(st.integers(min_value=0, max_value=len(TEXT) - 2))
def test_any_cut_gives_none_or_whole_members_of_the_answer(at: int) -> None:
    """A half-written root cause, hop or fix is never passed off as a whole one."""
    got = salvage_truncated(TEXT[:at])
    assert got is None or all(got[k] == ANSWER[k] for k in got if k != "chain")
    if got is not None:
        assert ANSWER["chain"][: len(got.get("chain", []))] == got.get("chain", [])


def test_complete_or_non_json_text_is_not_salvaged() -> None:
    assert salvage_truncated(TEXT) is None  # whole: the normal reader handles it
    assert salvage_truncated("no json here") is None
    assert salvage_truncated('{"a": [1, 2}') is None  # mismatched, not cut
    assert salvage_truncated("") is None
