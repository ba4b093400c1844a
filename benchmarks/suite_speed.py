"""The same tests, before the restructuring of the suite (81e220c) and now: wall clock, CPU and their ratios.

    python benchmarks/suite_speed.py                  # the 934 tests both trees have
    python benchmarks/suite_speed.py --sample 60      # 60 of them, drawn with --seed (a check of the script)
    python benchmarks/suite_speed.py --new main --workers 6

Both commits are cloned from this repository into a temporary folder (``--new`` is a commit: changes not
committed are not measured) and set up by their own ``scripts/setup test``, each in its own .venv. Each
runs the same tests, selected by node id (``suite_speed/old_ids.txt`` and ``new_ids.txt``, line n of one
being line n of the other, as tests moved and some were renamed; ``suite_speed/keep_listed.py`` is the
pytest plugin that keeps them), one tree after the other, never both at once:

- **old**: the README's test command of the time, plain ``pytest`` in one process;
- **new**: today's ``scripts/test`` options, the tests spread over ``--workers`` processes by pytest-xdist
  (by default the number ``scripts/test`` of the new tree uses).

Printed for each: the tests passed and failed as pytest counted them, wall-clock seconds, CPU seconds
(user + system of the process tree, ``RUSAGE_CHILDREN``: the processes the run waited for, Chromium and
Orca included), the load average before and after, and the ratios new / old. On a shared machine the
wall clock varies with the load; run it on a quiet one. It is a benchmark, not a test: it checks nothing
but that the runs passed and ran the tests listed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "suite_speed"
OLD = "81e220c"
"""The commit before the suite was restructured (tests in one flat folder, run by plain pytest)."""
SUMMARY = re.compile(r"^=* ?(\d+ [a-z]+\b.* in [\d.]+s\b.*?) ?=*$", re.MULTILINE)
"""pytest's last line: ``934 passed, 580 deselected in 658.15s (0:10:58)``, between ``=`` without -q."""
WORKERS = re.compile(r"TEST_WORKERS:-(\d+)")


@dataclass
class Run:
    name: str
    commit: str
    command: list[str]
    listed: int
    wall: float = 0.0
    cpu: float = 0.0
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    summary: str = ""
    returncode: int = 0

    def count(self, word: str) -> int:
        match = re.search(rf"(\d+) {word}", self.summary)
        return int(match[1]) if match else 0


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def checkout(commit: str, folder: Path) -> str:
    """A clone of this repository at ``commit``, set up with its own scripts/setup; the full commit id."""
    full = git("rev-parse", "--verify", f"{commit}^{{commit}}")
    subprocess.run(
        ["git", "clone", "--quiet", "--shared", "--no-checkout", str(ROOT), str(folder)], check=True
    )
    git("checkout", "--quiet", "--detach", full, cwd=folder)
    print(f"setting up {commit} ({full[:10]}) in {folder} …", flush=True)
    log = folder.parent / f"setup-{folder.name}.log"
    with log.open("w") as out:
        setup = subprocess.run(["scripts/setup", "test"], cwd=folder, stdout=out, stderr=subprocess.STDOUT)
    if setup.returncode:
        sys.exit(f"scripts/setup test failed in {folder}: see {log}")
    return full


def workers_of(tree: Path) -> int:
    """The number of processes the tree's scripts/test gives pytest-xdist by default."""
    found = WORKERS.search((tree / "scripts" / "test").read_text("utf-8"))
    if not found:
        sys.exit(f"{tree}/scripts/test names no default TEST_WORKERS: give --workers")
    return int(found[1])


def measure(run: Run, tree: Path, ids: Path, log: Path) -> None:
    env = {
        **os.environ,
        "KEEP_IDS": str(ids),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(DATA), os.environ.get("PYTHONPATH")])),
        "NO_MKDOCS_2_WARNING": "1",
    }
    print(f"running {run.name} ({run.listed} tests): {' '.join(run.command)}", flush=True)
    run.load_before = os.getloadavg()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    with log.open("w") as out:
        result = subprocess.run(run.command, cwd=tree, env=env, stdout=out, stderr=subprocess.STDOUT)
    run.wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    run.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    run.load_after = os.getloadavg()
    run.returncode = result.returncode
    found = SUMMARY.findall(log.read_text("utf-8", "replace"))
    run.summary = found[-1] if found else "(no summary: see the log)"
    print(f"  {run.summary}; log: {log}", flush=True)


def pick(sample: int | None, seed: int) -> tuple[list[str], list[str]]:
    old = (DATA / "old_ids.txt").read_text("utf-8").splitlines()
    new = (DATA / "new_ids.txt").read_text("utf-8").splitlines()
    if len(old) != len(new):
        sys.exit(f"{DATA}: old_ids.txt and new_ids.txt must list the same tests, line for line")
    pairs = list(zip(old, new, strict=True))
    if sample is not None and sample < len(pairs):
        pairs = random.Random(seed).sample(pairs, sample)
    return [o for o, _ in pairs], [n for _, n in pairs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", default=OLD, help=f"the commit before (default {OLD})")
    parser.add_argument("--new", default="HEAD", help="the commit now (default HEAD)")
    parser.add_argument("--sample", type=int, help="only this many of the listed tests, drawn at random")
    parser.add_argument("--seed", type=int, default=1, help="the seed of --sample's draw (default 1)")
    parser.add_argument("--workers", type=int, help="pytest-xdist's processes for the new tree")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (clones, logs)")
    args = parser.parse_args()

    temp = Path(tempfile.mkdtemp(prefix="suite-speed-"))
    try:
        old_ids, new_ids = pick(args.sample, args.seed)
        (temp / "old_ids.txt").write_text("\n".join(old_ids) + "\n", "utf-8")
        (temp / "new_ids.txt").write_text("\n".join(new_ids) + "\n", "utf-8")
        old_tree, new_tree = temp / "old", temp / "new"
        old_commit = checkout(args.old, old_tree)
        new_commit = checkout(args.new, new_tree)
        workers = args.workers if args.workers is not None else workers_of(new_tree)

        pytest = [".venv/bin/python", "-m", "pytest", "-q", "-p", "keep_listed", "-p", "no:cacheprovider"]
        old = Run("old", old_commit, [*pytest, f"--basetemp={temp / 'old-bt'}"], len(old_ids))
        xdist = ["-n", str(workers), "--dist", "loadfile", "--no-loadscope-reorder"]
        new = Run("new", new_commit, [*pytest, *xdist, f"--basetemp={temp / 'new-bt'}"], len(new_ids))
        measure(old, old_tree, temp / "old_ids.txt", temp / "old.log")
        measure(new, new_tree, temp / "new_ids.txt", temp / "new.log")
        report(old, new, workers)
    finally:
        if args.keep:
            print(f"kept: {temp}")
        else:
            shutil.rmtree(temp, ignore_errors=True)


def report(old: Run, new: Run, workers: int) -> None:
    def load(values: tuple[float, float, float]) -> str:
        return " ".join(f"{value:.2f}" for value in values)

    print()
    print(f"{os.cpu_count()} CPUs; the same {old.listed} tests; new with pytest-xdist, {workers} processes")
    print(
        f"{'':5} {'commit':>10} {'passed':>7} {'failed':>7} {'wall s':>8} {'CPU s':>8}  load before → after"
    )
    for run in (old, new):
        failed = run.count("failed") + run.count("error")
        print(
            f"{run.name:5} {run.commit[:10]:>10} {run.count('passed'):>7} {failed:>7} {run.wall:>8.1f}"
            f" {run.cpu:>8.1f}  {load(run.load_before)} → {load(run.load_after)}"
        )
    wall, cpu = new.wall / old.wall, new.cpu / old.cpu
    print(f"new / old: wall {wall:.2f} ({(wall - 1) * 100:+.0f} %), CPU {cpu:.2f} ({(cpu - 1) * 100:+.0f} %)")
    for run in (old, new):
        ran = run.count("passed") + run.count("failed") + run.count("xfailed") + run.count("error")
        if run.returncode or ran != run.listed:
            print(f"note: {run.name} exited {run.returncode} and ran {ran} of the {run.listed} tests listed")


if __name__ == "__main__":
    main()
