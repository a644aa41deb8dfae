"""`debugai chat`: a conversation about one failure (a front end over the pipeline)."""

from debugai.agent.chat.session import ChatSession, NoModelConfigured

__all__ = ["ChatSession", "NoModelConfigured"]
