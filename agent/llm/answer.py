"""Reading the model's answer: JSON out of any reply, the DiagnosisAnswer shape, and grounding.

Grounding checks every `file:line` and symbol against the index. Trivial slips are normalised
(`./app/x.py`, an absolute path under the root, a unique path suffix, a missing symbol filled
from the line); what is still wrong becomes a Problem the model is told about in one repair
round, and `Grounder.finalize` drops what remains invalid, counting it.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from debugai.agent.diagnosis import DiagnosisAnswer, Fix, Hop, RootCause

if TYPE_CHECKING:
    from debugai.indexers import CodeIndex

_FENCE = re.compile(r"```(?:json|JSON)?\s*\n(.*?)```", re.S)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


class AnswerError(Exception):
    """The reply holds no usable answer; the message says why (for notes and format retries)."""


def answer_schema() -> dict[str, Any]:
    """The JSON schema sent for structured output (DiagnosisAnswer's, one source of truth)."""
    return DiagnosisAnswer.model_json_schema()


def bounded_answer_schema(
    max_text: int = 400, max_hops: int = 6, max_diff: int = 2000
) -> dict[str, Any]:
    """answer_schema() with length limits: grammar-constrained servers then cannot ramble."""
    schema = answer_schema()
    limits = {"explanation": max_text, "summary": max_text, "diff": max_diff}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                if name in limits and prop.get("type") == "string":
                    prop["maxLength"] = limits[name]
                if name == "chain" and prop.get("type") == "array":
                    prop["maxItems"] = max_hops
            for value in node.values():
                walk(value)

    walk(schema)
    return schema


def plain_loop_schema(schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """Answer or tool request, for servers that constrain output but lack native tool calls."""
    schema = json.loads(json.dumps(schema)) if schema is not None else answer_schema()
    defs = schema.pop("$defs", {})
    request = {
        "type": "object",
        "properties": {"tool": {"type": "string"}, "arguments": {"type": "object"}},
        "required": ["tool", "arguments"],
    }
    return {"$defs": defs, "anyOf": [schema, request]}


def extract_json(text: str | None) -> Any:
    """The first JSON object in text: whole, fenced, or embedded in prose (lenient on trailing commas)."""
    if not text or not text.strip():
        raise AnswerError("the reply was empty")
    candidates = [text.strip(), *(m.group(1) for m in _FENCE.finditer(text))]
    for cand in candidates:
        for variant in (cand, _TRAILING_COMMA.sub(r"\1", cand)):
            try:
                value = json.loads(variant)
            except ValueError:
                continue
            if isinstance(value, dict):
                return value
    decoder = json.JSONDecoder()
    for m in re.finditer(r"\{", text):
        try:
            value, _ = decoder.raw_decode(text, m.start())
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    raise AnswerError("the reply holds no JSON object")


def salvage_truncated(text: str | None) -> dict[str, Any] | None:
    """The complete part of a JSON object cut off mid-way (an answer that hit the output limit).

    Small models often spend their last tokens on the fix after a whole root cause and chain:
    `{"root_cause": {...}, "chain": [...], "fix": {"summ` keeps everything before the last
    complete member. Cuts are tried from the end, at a comma or just after a closed container
    where no object but the outer one is left open, and closed with the brackets still open
    there; None when no cut gives an object.
    """
    if not text:
        return None
    start = text.find("{")
    if start < 0:
        return None
    body = text[start:]
    stack: list[str] = []
    cuts: list[tuple[int, str]] = []  # (end of the kept prefix, closers to append)
    in_string = escaped = False
    for i, ch in enumerate(body):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]":
            if not stack or stack.pop() != ch:
                return None  # not JSON: leave it to the other readers
            if not stack:
                return None  # the object is complete: not a cut answer
            if _whole_members(stack):
                cuts.append((i + 1, "".join(reversed(stack))))
        elif ch == "," and stack and _whole_members(stack):
            cuts.append((i, "".join(reversed(stack))))
    for end, closers in reversed(cuts):
        try:
            value = json.loads(_TRAILING_COMMA.sub(r"\1", body[:end] + closers))
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return None


def _whole_members(stack: list[str]) -> bool:
    """Only lists may be closed early below the outer object: a half-written root cause or hop
    would pass for a whole one (a hop without its line, a root cause without its symbol)."""
    return all(closer == "]" for closer in stack[1:])


def _prune(value: Any, model: type[BaseModel]) -> Any:
    """Drop keys the model does not know (small models add some), recursively for known parts."""
    if not isinstance(value, dict):
        return value
    nested: dict[str, type[BaseModel]] = {"root_cause": RootCause, "fix": Fix}
    out = {k: v for k, v in value.items() if k in model.model_fields}
    for key, sub in nested.items():
        if key in out and key in model.model_fields:
            out[key] = _prune(out[key], sub)
    if "chain" in out and isinstance(out["chain"], list):
        out["chain"] = [_prune(h, Hop) for h in out["chain"] if isinstance(h, dict)]
    return out


def coerce_answer(obj: Any) -> DiagnosisAnswer:
    """obj as a DiagnosisAnswer, forgiving harmless deviations; AnswerError when it is not one."""
    if not isinstance(obj, dict):
        raise AnswerError("the answer is not a JSON object")
    for wrapper in ("answer", "diagnosis", "result"):
        if wrapper in obj and isinstance(obj[wrapper], dict) and "root_cause" not in obj:
            obj = obj[wrapper]
    obj = dict(obj)
    obj.setdefault("chain", [])
    if isinstance(obj.get("fix"), str):
        obj["fix"] = {"summary": obj["fix"]}
    try:
        return DiagnosisAnswer.model_validate(_prune(obj, DiagnosisAnswer))
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise AnswerError(f"{where}: {err['msg']}") from None


@dataclass(slots=True)
class Problem:
    where: str  # "root_cause" | "chain[1]"
    cited: str  # as the model wrote it
    reason: str
    hint: str = ""

    def line(self) -> str:
        return f"- {self.where}: {self.cited} — {self.reason}" + (
            f" ({self.hint})" if self.hint else ""
        )


class Grounder:
    """Checks citations against one index."""

    def __init__(self, index: CodeIndex) -> None:
        self.index = index
        self.root = Path(index.root).resolve()

    def normalize_file(self, file: str) -> str | None:
        """A repo-relative path in the index for what the model wrote, or None."""
        files = self.index.files
        raw = file.strip().strip("`'\"").replace("\\", "/")
        if raw in files:
            return raw
        if raw.startswith("/"):
            try:
                raw = Path(raw).resolve().relative_to(self.root).as_posix()
            except (ValueError, OSError):
                raw = raw.lstrip("/")
        raw = re.sub(r"^(\./)+", "", raw)
        if raw in files:
            return raw
        if raw.endswith(".py") is False and "/" not in raw and "." in raw:
            module_file = self.index.file_of(raw)  # the model wrote a module name
            if module_file:
                return module_file
        matches = [f for f in files if f.endswith("/" + raw) or raw.endswith("/" + f)]
        return matches[0] if len(matches) == 1 else None

    def n_lines(self, file: str) -> int:
        info = self.index.files[file]
        return int(getattr(info, "n_lines", 0) or len(self.index.lines(file)))

    def check(self, answer: DiagnosisAnswer) -> list[Problem]:
        """Normalise answer in place; return what is still wrong."""
        problems = []
        locs: list[tuple[str, RootCause | Hop]] = [("root_cause", answer.root_cause)]
        locs += [(f"chain[{i}]", hop) for i, hop in enumerate(answer.chain)]
        for where, loc in locs:
            problem = self._check_one(where, loc)
            if problem:
                problems.append(problem)
        return problems

    def _check_one(self, where: str, loc: RootCause | Hop) -> Problem | None:
        cited = f"{loc.file}:{loc.line}" + (f" ({loc.symbol})" if loc.symbol else "")
        file = self.normalize_file(loc.file)
        if file is None:
            return Problem(where, cited, "no such file in the repository", self._file_hint(loc))
        loc.file = file
        n = self.n_lines(file)
        if not 1 <= loc.line <= n:
            return Problem(where, cited, f"{file} has {n} lines", self._symbol_hint(loc.symbol))
        end = getattr(loc, "end_line", None)
        if end is not None and not loc.line <= end <= n:
            loc.end_line = None  # type: ignore[union-attr]
        enclosing = self.index.symbol_at(file, loc.line)
        if loc.symbol is None:
            loc.symbol = enclosing.id if enclosing else None
            return None
        sym = self.index.symbols.get(loc.symbol)
        if sym is None:
            named = [s for s in self.index.resolve_name(loc.symbol) if s in self.index.symbols]
            in_file = [s for s in named if self.index.symbols[s].file == file]
            if len(in_file) == 1:
                loc.symbol = in_file[0]
                return None
            hint = f"the code at {file}:{loc.line} is in {enclosing.id}" if enclosing else ""
            return Problem(where, cited, f"no symbol {loc.symbol!r} in the index", hint)
        if sym.file != file:
            return Problem(
                where, cited, f"{sym.id} is defined in {sym.file}:{sym.line}, not {file}"
            )
        return None

    def _file_hint(self, loc: RootCause | Hop) -> str:
        if loc.symbol and loc.symbol in self.index.symbols:
            s = self.index.symbols[loc.symbol]
            return f"{s.id} is at {s.file}:{s.line}"
        name = Path(loc.file).name
        near = [f for f in self.index.files if Path(f).name == name][:3]
        near = near or difflib.get_close_matches(
            loc.file.strip().lstrip("./"), list(self.index.files), n=3
        )
        return f"did you mean {' or '.join(near)}?" if near else ""

    def _symbol_hint(self, symbol: str | None) -> str:
        if symbol and symbol in self.index.symbols:
            s = self.index.symbols[symbol]
            return f"{s.id} is at {s.file}:{s.line}-{s.end_line}"
        return ""

    def finalize(self, answer: DiagnosisAnswer) -> tuple[DiagnosisAnswer | None, int]:
        """Drop what is still invalid: (answer or None when the root cause is not real, dropped)."""
        problems = {p.where: p for p in self.check(answer)}
        dropped = 0
        root_bad = problems.pop("root_cause", None)
        kept = []
        for i, hop in enumerate(answer.chain):
            p = problems.get(f"chain[{i}]")
            if p is None:
                kept.append(hop)
            elif p.reason.startswith("no symbol") and self.normalize_file(hop.file):
                # Location is real, the name was not: keep the hop, drop the name.
                enclosing = self.index.symbol_at(hop.file, hop.line)
                hop.symbol = enclosing.id if enclosing else None
                kept.append(hop)
                dropped += 1
            else:
                dropped += 1
        answer.chain = kept
        if root_bad is not None:
            rc = answer.root_cause
            if root_bad.reason.startswith("no symbol") and self.normalize_file(rc.file):
                enclosing = self.index.symbol_at(rc.file, rc.line)
                rc.symbol = enclosing.id if enclosing else None
                return answer, dropped + 1
            return None, dropped + 1
        return answer, dropped
