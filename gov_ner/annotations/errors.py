"""One error type for bad annotation input: always names file, line and field."""
from __future__ import annotations


class AnnotationError(ValueError):
    def __init__(self, path: str, line: int, field: str, message: str):
        self.path, self.line, self.field, self.message = str(path), line, field, message
        super().__init__(f"{self.path}:{line}: {field}: {message}")
