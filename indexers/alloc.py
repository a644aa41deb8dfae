"""Allocation-heavy phases: indexing builds millions of small tuples and almost no cycles."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector for the duration (restored after, even on error).

    Indexing allocates millions of small tuples and makes next to no reference cycles, so each
    automatic collection re-traverses an ever larger heap for nothing: on the stdlib that was
    more than half of the link phase (4.1 s with the collector, 1.7 s without) and of building
    the networkx graph. Reference counting still frees everything that is not cyclic; the rare
    cycle waits for the next collection after the pause. Nests: only the outermost pause
    re-enables the collector, and only if it was enabled to begin with.

    Before re-enabling, the objects alive are frozen (`gc.freeze()`): everything allocated in
    the pause is still in the youngest generation, so the first automatic collection after it
    would traverse the whole index once (0.25 s of a 0.9 s warm load of the stdlib). Frozen
    objects are still freed by reference counting; a reference cycle made during the pause and
    dropped is never collected, which indexing's tuples and dicts do not make.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()
