"""Writing generated files: only what differs, so a watching builder reloads just the pages
that changed and an unchanged file keeps its time."""

from __future__ import annotations

from pathlib import Path


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write `content` to `path` unless it holds exactly that; True when it wrote."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


__all__ = ["write_if_changed"]
