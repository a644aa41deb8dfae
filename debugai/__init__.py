"""debugai: this Python program crashed — where is the real cause?"""

from __future__ import annotations

from debugai.agent.diagnosis import Diagnosis
from debugai.errors import DebugaiError

__version__ = "0.1.0"
__all__ = ["DebugaiError", "Diagnosis", "__version__", "explain"]


def __getattr__(name: str) -> object:
    # `explain` pulls in tree-sitter and networkx; load it on first use so `import debugai`
    # (and `debugai --help`) stay fast.
    if name == "explain":
        from debugai.api import explain

        return explain
    raise AttributeError(f"module 'debugai' has no attribute {name!r}")
