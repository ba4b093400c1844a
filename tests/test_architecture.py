"""The core outlives MkDocs: only the adapter (``plugin.py``) may import it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import mkdocs_rectify

ADAPTER = {"mkdocs_rectify.plugin"}
ENTRY_POINT = "mkdocs_rectify.__main__"  # runs the command line when imported


def core_modules() -> list[str]:
    found = pkgutil.walk_packages(mkdocs_rectify.__path__, prefix="mkdocs_rectify.")
    return sorted(m.name for m in found if m.name not in ADAPTER and m.name != ENTRY_POINT)


def test_the_core_is_every_module_but_the_adapter() -> None:
    modules = core_modules()
    assert {"mkdocs_rectify.model", "mkdocs_rectify.views", "mkdocs_rectify.cli"} <= set(modules)
    assert not ADAPTER & set(modules)


def test_no_core_module_imports_mkdocs() -> None:
    probe = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith(('mkdocs.', 'material'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
