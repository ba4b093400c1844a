"""support.builds.OncePerRun: what the session fixtures make is made once for a run of several processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.builds import ROOT, Build, OncePerRun


class Factory:
    """The part of pytest's TempPathFactory that OncePerRun uses, rooted in one process's folder."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.made: list[str] = []

    def getbasetemp(self) -> Path:
        return self.base

    def mktemp(self, name: str) -> Path:
        self.made.append(name)
        folder = self.base / f"{name}{len(self.made)}"
        folder.mkdir(parents=True)
        return folder


WORKER = """\
import sys, time
from pathlib import Path
from support.builds import Build, OncePerRun

class Factory:
    def getbasetemp(self):
        return Path(sys.argv[1])

def make(folder):
    with open(sys.argv[2], "a") as log:
        log.write("made\\n")
    time.sleep(0.5)  # a build takes a while: the other process asks meanwhile
    (folder / "site").mkdir()
    return Build(0, "built in " + sys.argv[1], folder / "site")

build = OncePerRun(Factory()).build("demo", make)
print(build.returncode, build.site, build.output)
"""


def test_processes_of_one_run_share_one_build(tmp_path: Path) -> None:
    log = tmp_path / "made.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(tmp_path / f"popen-{name}"), str(log)],
            env={**env, "PYTEST_XDIST_WORKER": name},
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("gw0", "gw1", "gw2")
    ]
    outputs = {worker.communicate(timeout=60)[0].strip() for worker in workers}
    assert log.read_text().splitlines() == ["made"]
    assert len(outputs) == 1  # the same site, and the output of the process that built it
    returncode, site, output = outputs.pop().split(" ", 2)
    assert (returncode, Path(site)) == ("0", tmp_path / "once" / "demo" / "site")
    assert Path(site).is_dir() and output.startswith("built in ")


def test_a_make_that_failed_is_made_again_by_the_next_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    attempts: list[Path] = []

    def make(folder: Path) -> Build:
        attempts.append(folder)
        if len(attempts) == 1:
            (folder / "half-written").touch()
            raise AssertionError("the build failed")
        (folder / "whole").touch()
        return Build(0, "", folder / "site")

    with pytest.raises(AssertionError, match="the build failed"):
        OncePerRun(Factory(tmp_path / "popen-gw0")).build("demo", make)
    build = OncePerRun(Factory(tmp_path / "popen-gw1")).build("demo", make)
    assert len(attempts) == 2 and build.site == tmp_path / "once" / "demo" / "site"
    assert sorted(p.name for p in (tmp_path / "once" / "demo").iterdir()) == ["whole"]
    again = OncePerRun(Factory(tmp_path / "popen-gw2")).build("demo", make)
    assert len(attempts) == 2 and again == build


def test_in_one_process_each_thing_is_made_once_in_its_own_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    factory = Factory(tmp_path)
    once = OncePerRun(factory)
    made: list[Path] = []

    def make(folder: Path) -> Build:
        made.append(folder)
        return Build(0, "", folder / "site")

    first, second = once.build("demo", make), once.build("demo", make)
    assert first is second and made == [tmp_path / "demo1"] and factory.made == ["demo"]
    assert once.value("epoch", lambda: "1") == once.value("epoch", lambda: "2") == "1"
    assert not (tmp_path / "once").exists()
