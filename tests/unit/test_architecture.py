"""The core outlives MkDocs: only the adapter may import it.

The adapter is ``plugin.py`` (the events), ``config.py`` (the options, MkDocs config classes) and
the modules named ``mkdocs_*.py`` beside them; every other module is the core.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import mkdocs_rectify

ADAPTER = {"mkdocs_rectify.plugin", "mkdocs_rectify.config"}
ADAPTER_PREFIX = "mkdocs_rectify.mkdocs_"
ENTRY_POINT = "mkdocs_rectify.__main__"  # runs the command line when imported


def all_modules() -> set[str]:
    return {m.name for m in pkgutil.walk_packages(mkdocs_rectify.__path__, prefix="mkdocs_rectify.")}


def is_adapter(name: str) -> bool:
    return name in ADAPTER or name.startswith(ADAPTER_PREFIX)


def core_modules() -> list[str]:
    return sorted(name for name in all_modules() - {ENTRY_POINT} if not is_adapter(name))


def test_the_core_is_every_module_but_the_adapter() -> None:
    modules = all_modules()
    assert modules >= ADAPTER, "the adapter names a module that does not exist"
    steps = {"mkdocs_rectify.mkdocs_site", "mkdocs_rectify.mkdocs_files", "mkdocs_rectify.mkdocs_leave"}
    assert steps <= {name for name in modules if is_adapter(name)}
    core = set(core_modules())
    assert {"mkdocs_rectify.model", "mkdocs_rectify.views", "mkdocs_rectify.cli"} <= core
    assert {"mkdocs_rectify.views.site", "mkdocs_rectify.pages", "mkdocs_rectify.leave"} <= core
    assert not {name for name in core if is_adapter(name)}
    adapter = {name for name in modules if is_adapter(name)}
    assert core | adapter | {ENTRY_POINT} == modules and not core & adapter


def test_no_core_module_imports_mkdocs() -> None:
    # Each core module in turn, in one interpreter: the first that brings MkDocs (or Material)
    # in is named.
    probe = (
        "import importlib, sys\n"
        "def mkdocs(): return sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material'))\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "    if mkdocs():\n"
        "        print(name, mkdocs()[:3])\n"
        "        break\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
