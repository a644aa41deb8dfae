"""The static engine's strategies by name: each follows one family of failures to its origin.

A strategy returns Suspects; the wording shown to the user comes from the pattern files in
debugai.prompts/patterns (their `strategy` field names an entry here), filled with the variables
a strategy found. The families live beside this file: values, config, calls, runtime.
"""

from __future__ import annotations

from debugai.agent.static.strategies import runtime
from debugai.agent.static.strategies.calls import assertion, circular_import, signature
from debugai.agent.static.strategies.config import db_url, env_key, missing_module
from debugai.agent.static.strategies.runtime import (
    blocking,
    context_manager_kind,
    event_loop,
    fastapi_wiring,
    lazy_load,
    session_origin,
    swallowed_error,
)
from debugai.agent.static.strategies.syntax import local_module, syntax_error
from debugai.agent.static.strategies.values import (
    coroutine,
    dict_key,
    http_status,
    none_value,
    settings_validation,
    validation,
    value_origin,
)
from debugai.agent.static.suspects import Strategy, Suspect, from_trail

__all__ = ["STRATEGIES", "Strategy", "Suspect", "from_trail"]

STRATEGIES: dict[str, Strategy] = {
    "depends_called_directly": runtime.depends_called_directly,
    "cached_coroutine": runtime.cached_coroutine,
    "commit_inside_begin": runtime.commit_inside_begin,
    "engine_driver_mismatch": runtime.engine_driver_mismatch,
    "swallowed_error": swallowed_error,
    "context_manager_kind": context_manager_kind,
    "session_origin": session_origin,
    "fastapi_wiring": fastapi_wiring,
    "http_status": http_status,
    "value_origin": value_origin,
    "none_value": none_value,
    "coroutine": coroutine,
    "dict_key": dict_key,
    "env_key": env_key,
    "db_url": db_url,
    "syntax_error": syntax_error,
    "local_module": local_module,
    "missing_module": missing_module,
    "signature": signature,
    "validation": validation,
    "settings_validation": settings_validation,
    "lazy_load": lazy_load,
    "event_loop": event_loop,
    "blocking": blocking,
    "circular_import": circular_import,
    "assertion": assertion,
}
