"""The tool loop the LLM engine and the chat share: model turns within a step budget, every
tool call the model makes answered from the read-only ToolBox before the next turn.

    loop = ToolLoop(toolbox, max_steps)
    for step, final in loop.steps():          # final: the last turn, no tools offered
        turn = <one model turn>
        if turn.tool_calls and not final:
            messages.append(assistant_message(turn.text, turn.tool_calls))
            loop.answer(turn.tool_calls, messages)
            continue
        ...                                   # an answer: the caller reads it
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from debugai.agent.llm.tools import ToolBox, ToolResult


@dataclass
class ToolCallOut:
    """One tool call as the model wrote it."""

    id: str
    name: str
    arguments: str  # JSON text, as the model wrote it


def assistant_message(
    text: str | None, calls: Sequence[ToolCallOut] = (), *, empty: str | None = ""
) -> dict[str, Any]:
    """The assistant's turn as the chat-completions API takes it back (`empty`: content of a
    turn that said nothing)."""
    msg: dict[str, Any] = {"role": "assistant", "content": text or empty}
    if calls:
        msg["tool_calls"] = [
            {
                "id": tc.id,
                "type": "function",
                "function": {"name": tc.name, "arguments": tc.arguments},
            }
            for tc in calls
        ]
    return msg


@dataclass
class ToolLoop:
    """Steps of a tool-using conversation, and the tool calls answered in between."""

    tools: ToolBox
    max_steps: int

    def steps(self) -> Iterator[tuple[int, bool]]:
        """(step, final) for each model turn; the final turn gets no tools."""
        for step in range(self.max_steps):
            yield step, step == self.max_steps - 1

    def answer(
        self,
        calls: Sequence[ToolCallOut],
        messages: list[dict[str, Any]],
        on_result: Callable[[ToolResult], None] | None = None,
    ) -> list[ToolResult]:
        """Run each call and append its result as a tool message, in order."""
        results = []
        for tc in calls:
            result = self.tools.call(tc.name, tc.arguments)
            results.append(result)
            if on_result is not None:
                on_result(result)
            messages.append({"role": "tool", "tool_call_id": tc.id, "content": result.text})
        return results
