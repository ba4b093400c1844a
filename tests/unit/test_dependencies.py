"""constraints.txt: the versions the suite is run with, which scripts/setup installs."""

from __future__ import annotations

import re
from importlib import metadata

from support.builds import ROOT

CONSTRAINTS = ROOT / "constraints.txt"
NOT_PINNED = {"pip", "setuptools", "wheel", "mkdocs-rectify"}  # installers, and the project itself


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned() -> dict[str, str]:
    pins = {}
    for line in CONSTRAINTS.read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not name==version"
            pins[canonical(name)] = version
    return pins


def test_every_installed_package_is_pinned_at_its_installed_version() -> None:
    installed = {
        canonical(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions()
        if canonical(dist.metadata["Name"]) not in NOT_PINNED
    }
    assert pinned() == installed


def test_setup_installs_with_the_constraints() -> None:
    setup = (ROOT / "scripts" / "setup").read_text("utf-8")
    installs = [line for line in setup.splitlines() if "pip install" in line and "-e " in line]
    assert installs and all("-c constraints.txt" in line for line in installs)
