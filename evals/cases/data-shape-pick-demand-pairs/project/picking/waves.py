from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

MAX_WAVE_LINES = 40


def cap_wave(lines: Sequence[T], max_lines: int = MAX_WAVE_LINES) -> list[T]:
    if max_lines <= 0:
        raise ValueError("max_lines must be positive")
    return list(lines[:max_lines])
