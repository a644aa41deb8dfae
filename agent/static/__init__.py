"""The static engine: follows the failing value backwards, no model, no network.

`StaticEngine.diagnose(trace, index)` runs the strategies (static/strategies/), which trace a
value with the Analyzer and flow, turn what they find into Suspects, and ranks them with the
evidence in signals.
"""

from debugai.agent.static.engine import StaticEngine

__all__ = ["StaticEngine"]
