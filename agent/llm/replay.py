"""Replay a logged run: a model that answers with the run log's responses, in order, offline.

`ReplayModel(record)` is a ChatModel (for the LLM engine: `debugai log replay`) and a
StreamingModel (for a chat turn), so a run re-runs after a prompt or grounding change without
a network and counts the requests that differ from the logged ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from debugai.agent.llm.client import ChatReply, ChatRequest, ModelCallError
from debugai.agent.llm.stream import OnText, StreamedTurn
from debugai.agent.llm.toolloop import ToolCallOut

if TYPE_CHECKING:
    from debugai.agent.redact import Redactor


class ReplayModel:
    """A ChatModel answering with a logged run's responses, in order."""

    def __init__(self, record: dict[str, Any]) -> None:
        self.model = str(record.get("model") or "replay")
        self._exchanges = list(record.get("exchanges") or [])
        self.mismatches = 0  # requests that differ from the logged ones (prompts changed since)
        self.notes: list[str] = []

    def chat(self, req: ChatRequest, redactor: Redactor | None = None) -> ChatReply:
        sent = redactor.redact_obj(req.messages) if redactor else req.messages
        ex, raw, choice, message, usage = self._next(sent)
        return ChatReply(
            content=message.get("content"),
            tool_calls=_tool_calls(message),
            finish_reason=choice.get("finish_reason"),
            prompt_tokens=int(usage.get("prompt_tokens") or 0),
            completion_tokens=int(usage.get("completion_tokens") or 0),
            cached=True,
            output_mode=str(ex.get("output_mode") or "text"),
            request=ex.get("request") or {},
            response=raw,
        )

    def stream(
        self,
        messages: list[dict[str, Any]],
        tools: list[dict[str, Any]] | None,
        on_text: OnText,
        *,
        max_tokens: int = 1024,
        temperature: float = 0.0,
        deadline: float | None = None,
    ) -> StreamedTurn:
        _ex, _raw, choice, message, usage = self._next(messages)
        text = str(message.get("content") or "")
        if text:
            on_text(text)
        return StreamedTurn(
            text=text,
            tool_calls=_tool_calls(message),
            finish_reason=choice.get("finish_reason"),
            prompt_tokens=int(usage.get("prompt_tokens") or 0),
            completion_tokens=int(usage.get("completion_tokens") or 0),
        )

    def close(self) -> None:
        pass

    def _next(self, sent: Any) -> tuple[dict[str, Any], ...]:
        if not self._exchanges:
            raise ModelCallError("the logged run has no more responses to replay")
        ex = self._exchanges.pop(0)
        logged = ex.get("request") or {}
        self.mismatches += logged.get("messages") != sent
        raw = ex.get("response") or {}
        choice = (raw.get("choices") or [{}])[0]
        return ex, raw, choice, choice.get("message") or {}, raw.get("usage") or {}


def _tool_calls(message: dict[str, Any]) -> list[ToolCallOut]:
    return [
        ToolCallOut(
            id=str(tc.get("id", "")),
            name=str(tc["function"]["name"]),
            arguments=str(tc["function"].get("arguments") or "{}"),
        )
        for tc in message.get("tool_calls") or []
    ]
