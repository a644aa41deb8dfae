"""The LLM engine: an OpenAI-compatible client, the tool loop, grounded answers, a local model."""

from debugai.agent.llm.client import ChatModel, LLMClient, ModelCallError
from debugai.agent.llm.engine import LLMEngine

__all__ = ["ChatModel", "LLMClient", "LLMEngine", "ModelCallError"]
