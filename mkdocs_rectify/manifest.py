"""The site's manifest (``data/manifest.json``): the SHA-256 and size of every published file.

Written at the very end of the build, it lets whoever hosts or audits the site check later that
nothing was changed, added or removed since (``mkdocs-rectify verify SITE_DIR``). It lists every
file of the site by its path from the site's root (POSIX, sorted), except itself: a file cannot
hold its own hash, so the build log gives the manifest's SHA-256 to keep apart from the site.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs_rectify.messages import Message

__all__ = [
    "MANIFEST_PATH",
    "Differences",
    "ManifestEntry",
    "ManifestError",
    "manifest_bytes",
    "read_manifest",
    "scan",
    "verify",
    "write_manifest",
]

MANIFEST_PATH = "data/manifest.json"
"""Where the manifest is written, from the site's root."""
MANIFEST_VERSION = 1
NOTE = (
    "The size and SHA-256 of every file of this site, by its path from the site's root, but for the "
    f"manifest itself ({MANIFEST_PATH}), which cannot hold its own hash. Check a copy of the site "
    "with `mkdocs-rectify verify SITE_DIR`."
)
_SHA256 = re.compile(r"[0-9a-f]{64}")


class ManifestError(Exception):
    """The site cannot be checked: its folder or its manifest is missing, unreadable or malformed."""


@dataclass(frozen=True)
class ManifestEntry:
    """One published file."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Differences:
    """How a site differs from its manifest; each list sorted by path."""

    checked: int
    """Files the manifest lists."""
    manifest_sha256: str
    """The SHA-256 of the manifest itself, to compare with the one recorded apart from the site."""
    changed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.removed)

    def count(self) -> int:
        return len(self.changed) + len(self.added) + len(self.removed)


def _files(site_dir: Path) -> list[str]:
    """Every file under ``site_dir`` but the manifest, as sorted POSIX paths from it.

    Symbolic links are listed as files and not followed into folders."""
    paths = []
    for folder, dirs, files in os.walk(site_dir):
        relative = PurePosixPath(Path(folder).relative_to(site_dir).as_posix())
        names = files + [name for name in dirs if Path(folder, name).is_symlink()]
        paths += [(relative / name).as_posix() for name in names]
    return sorted(path for path in paths if path != MANIFEST_PATH)


def _hash(path: Path) -> tuple[int, str]:
    with path.open("rb") as file:
        digest = hashlib.file_digest(file, "sha256")
        return file.tell(), digest.hexdigest()


def scan(site_dir: Path) -> list[ManifestEntry]:
    """The manifest's entries for the site in ``site_dir``, sorted by path."""
    entries = []
    for path in _files(site_dir):
        size, sha256 = _hash(site_dir / path)
        entries.append(ManifestEntry(path, size, sha256))
    return entries


def manifest_bytes(entries: list[ManifestEntry]) -> bytes:
    """The manifest's JSON: one line per file, so that two manifests compare line by line."""
    head = {"manifest_version": MANIFEST_VERSION, "note": NOTE, "algorithm": "sha256"}
    lines = [f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}," for key, value in head.items()]
    files = [
        "    " + json.dumps({"path": e.path, "size": e.size, "sha256": e.sha256}, ensure_ascii=False)
        for e in entries
    ]
    text = "{\n" + "\n".join(lines) + '\n  "files": [\n' + ",\n".join(files) + "\n  ]\n}\n"
    return text.encode("utf-8")


def write_manifest(site_dir: Path) -> tuple[int, str]:
    """Write ``data/manifest.json`` into ``site_dir``; return the count of files and its own SHA-256."""
    entries = scan(site_dir)
    content = manifest_bytes(entries)
    target = site_dir / MANIFEST_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return len(entries), hashlib.sha256(content).hexdigest()


def _safe_path(path: Any) -> bool:
    """A relative POSIX path that stays inside the site (no ``..``, no absolute or empty part)."""
    if not isinstance(path, str) or not path or path.startswith("/") or "\\" in path or "\0" in path:
        return False
    return all(part not in ("", ".", "..") for part in path.split("/"))


def _entries(document: Any, label: str) -> dict[str, ManifestEntry]:
    def malformed(where: str, what: str) -> ManifestError:
        return ManifestError(Message("manifest.malformed", label=label, where=where, what=what))

    if not isinstance(document, dict) or not isinstance(document.get("files"), list):
        raise malformed("files", Message("manifest.no_files"))
    if document.get("algorithm") != "sha256":
        raise malformed("algorithm", Message("manifest.algorithm", value=document.get("algorithm")))
    entries: dict[str, ManifestEntry] = {}
    for index, item in enumerate(document["files"]):
        where = f"files[{index}]"
        if not isinstance(item, dict):
            raise malformed(where, Message("manifest.not_an_object"))
        path, size, sha256 = item.get("path"), item.get("size"), item.get("sha256")
        if not _safe_path(path):
            raise malformed(f"{where}.path", Message("manifest.path", value=path))
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise malformed(f"{where}.size", Message("manifest.size", value=size))
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            raise malformed(f"{where}.sha256", Message("manifest.sha256", value=sha256))
        if path in entries:
            raise malformed(f"{where}.path", Message("manifest.twice", value=path))
        entries[path] = ManifestEntry(path, size, sha256)
    return entries


def read_manifest(site_dir: Path) -> tuple[dict[str, ManifestEntry], str]:
    """The entries of the manifest in ``site_dir`` by path, and the manifest's own SHA-256.

    Raises :class:`ManifestError` when the folder or the manifest is missing or unusable."""
    if not site_dir.is_dir():
        raise ManifestError(Message("manifest.no_folder", path=site_dir))
    path = site_dir / MANIFEST_PATH
    if not path.is_file():
        raise ManifestError(Message("manifest.missing", path=path))
    try:
        data = path.read_bytes()
        document = json.loads(data.decode("utf-8"))
    except OSError as error:
        raise ManifestError(
            Message("manifest.unreadable", path=path, reason=error.strerror or str(error))
        ) from None
    except UnicodeDecodeError:
        raise ManifestError(Message("manifest.not_utf8", path=path)) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise ManifestError(Message("manifest.not_json", path=path, where=where, reason=error.msg)) from None
    return _entries(document, str(path)), hashlib.sha256(data).hexdigest()


def verify(site_dir: Path) -> Differences:
    """How the site in ``site_dir`` differs from its manifest.

    Raises :class:`ManifestError` when the folder or the manifest is missing or unusable."""
    listed, digest = read_manifest(site_dir)
    present = set(_files(site_dir))
    changed = []
    for path in sorted(present & listed.keys()):
        expected = listed[path]
        try:
            size, sha256 = _hash(site_dir / path)
        except OSError:  # a folder, or a link to nothing, where a file was
            changed.append(path)
            continue
        if (size, sha256) != (expected.size, expected.sha256):
            changed.append(path)
    return Differences(
        checked=len(listed),
        manifest_sha256=digest,
        changed=changed,
        added=sorted(present - listed.keys()),
        removed=sorted(listed.keys() - present),
    )
