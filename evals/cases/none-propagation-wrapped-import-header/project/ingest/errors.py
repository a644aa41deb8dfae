class ImportFailed(RuntimeError):
    """A feed file could not be imported (the cause says why)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot import {path}: {reason}")
        self.path = path
