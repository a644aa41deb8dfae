"""debugai: this Python program crashed — where is the real cause?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from debugai.errors import DebugaiError

if TYPE_CHECKING:
    from debugai.agent.diagnosis import Diagnosis
    from debugai.api import explain

__version__ = "0.1.0"
__all__ = ["DebugaiError", "Diagnosis", "__version__", "explain"]


def __getattr__(name: str) -> object:
    # Loaded on first use: `explain` pulls in tree-sitter and networkx (`debugai --help` stays
    # fast), and `import debugai.indexers` must not load the agent through this package.
    if name == "explain":
        from debugai.api import explain

        return explain
    if name == "Diagnosis":
        from debugai.agent.diagnosis import Diagnosis

        return Diagnosis
    raise AttributeError(f"module 'debugai' has no attribute {name!r}")
