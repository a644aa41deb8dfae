"""The LLM engine and the model stack the chat shares with it.

client     LLMClient: one OpenAI-compatible client, whole replies (chat) and streamed turns (stream)
toolloop   ToolLoop: model turns within a step budget, tool calls answered from the ToolBox
tools      ToolBox: the read-only tools, confined to the repository
engine     LLMEngine: the static diagnosis confirmed, reordered or rejected by a model, grounded
replay     ReplayModel: a logged run's responses played back, offline
"""

from debugai.agent.llm.client import ChatModel, LLMClient, ModelCallError
from debugai.agent.llm.engine import LLMEngine
from debugai.agent.llm.stream import StreamedTurn, StreamingModel
from debugai.agent.llm.toolloop import ToolLoop

__all__ = [
    "ChatModel",
    "LLMClient",
    "LLMEngine",
    "ModelCallError",
    "StreamedTurn",
    "StreamingModel",
    "ToolLoop",
]
