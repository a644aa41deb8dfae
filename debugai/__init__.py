"""debugai: this Python program crashed — where is the real cause?"""

from __future__ import annotations

from debugai.agent.diagnosis import Diagnosis
from debugai.errors import DebugaiError

__version__ = "0.1.0"
__all__ = ["DebugaiError", "Diagnosis", "__version__"]
