"""A pytest plugin: run only the tests whose node ids are listed, one a line, in the file named by $KEEP_IDS.

Loaded with ``-p keep_listed`` (its folder on PYTHONPATH). It runs before pytest-xdist adds a group's
name to a node id (``…@screenreader``), and ignores such a suffix anyway."""

from __future__ import annotations

import os

import pytest


def listed_id(item: pytest.Item) -> str:
    """The node id as listed: without the ``@group`` pytest-xdist adds under ``--dist loadgroup``."""
    names = (
        mark.args[0] if mark.args else mark.kwargs.get("name", "default")
        for mark in item.iter_markers("xdist_group")
    )
    groups = sorted({str(name) for name in names})
    return item.nodeid.removesuffix("@" + "_".join(groups)) if groups else item.nodeid


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    path = os.environ.get("KEEP_IDS")
    if not path:
        return
    with open(path, encoding="utf-8") as listed:
        keep = {line.strip() for line in listed if line.strip()}
    selected = [item for item in items if listed_id(item) in keep]
    deselected = [item for item in items if listed_id(item) not in keep]
    config.hook.pytest_deselected(items=deselected)
    items[:] = selected
