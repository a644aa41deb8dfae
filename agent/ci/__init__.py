"""`debugai ci`: explain a failing CI run in one sticky comment (a front end over the pipeline)."""

from debugai.agent.ci.bot import CiOptions, CiResult, run_ci

__all__ = ["CiOptions", "CiResult", "run_ci"]
