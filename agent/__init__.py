"""The agent: from a pasted traceback and an index to a Diagnosis.

traceback/   read what users paste into a Trace (no index, no engine)
static/      the static engine: tracer strategies, evidence, one ranking
llm/         the LLM engine: model client, tool loop, answers, local model
chat/, ci/   front ends over the pipeline (a conversation, a CI bot)
pipeline     explain(): parse -> locate -> static -> context -> engine (config passed in)
engine       the Engine protocol: diagnose(trace, index, context, static), context_budget
locate, context, diagnosis, render, redact, runlog   shared by all of the above
(docs/architecture.md draws the whole picture)
"""
