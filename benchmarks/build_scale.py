"""Build time, page weight, memory and serve's edit-to-reload of a large site, against plain Material.

    python benchmarks/build_scale.py                     # 1,700 and 10,200 problems, both corpora
    python benchmarks/build_scale.py --quick             # 1,700 problems, the demo corpus
    python benchmarks/build_scale.py --sizes 1700 --corpus topical --profile 20

Each size is built, in the same run, three ways from the same problem text:

- **rectify**: the content folder and the plugin with its defaults (Pagefind search included);
- **floor**: plain mkdocs-material, the same problems as hand-written Markdown pages, the nav
  listing the home page and each report's page but no problem (``not_in_nav``), no lunr search,
  and then Pagefind over the built site (the same binary and arguments the plugin uses): what a
  site of these pages costs at the least;
- **per-page nav**: plain Material as people set it up, a nav entry per page (MkDocs' own nav)
  and no lunr. Its nav grows with the site on every page, so its time is quadratic; it is built
  up to ``--per-page-max`` problems (default 1,700).

Corpora (``--corpus``): ``demo``, the demo notice's 17 problems copied into one report each
(1,700 problems → 100 reports), and ``topical``, the synthetic corpus of ``synthetic.py`` in
reports of 17 problems. The report count is what the navigation of a site grows with.

Printed: each build's seconds, wall-clock and CPU (the build's process and its children: on a shared
machine the CPU seconds vary less), and the ratios rectify / floor and rectify / per-page nav;
t(largest) / t(smallest) for each way; the largest problem page at 17 problems and at each size,
and its growth; each build's peak memory (the build's Python process and, separately, the largest
of its child processes: Pagefind, sampled); with ``--serve``, the seconds from saving one problem file
under ``mkdocs serve`` to the server giving the edited page (and the CPU seconds the server used
meanwhile, which vary less on a shared machine), and to the log saying that search has caught up;
with ``--profile N``, the top N lines of a cProfile of the rectify build at the first
size (by own time and by cumulative time; CPU seconds of the build's process, Pagefind's not
included), times inflated by the profiler.

It is a benchmark, not a test: it prints numbers and checks nothing. The machine's load
(``os.getloadavg``) is printed with the figures: on a shared machine, read the ratios.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import yaml
from synthetic import DEMO, THEME, write_content

BENCHMARKS = Path(__file__).resolve().parent
LOCALES = BENCHMARKS.parent / "mkdocs_rectify" / "locales"
CORPORA = ("demo", "topical")
PER_REPORT = 17
PROBLEM_PAGE = re.compile(r"^\d+$")
"""The folder of a problem's page in its report's folder (``<report>/<number>/index.html``)."""


# -- the content ---------------------------------------------------------------------------------


def demo_content(out: Path, problems: int) -> Path:
    """The demo's report copied into ``problems / 17`` reports (the last one cut short)."""
    files = sorted(DEMO.glob("*.md"))
    reports = (problems + len(files) - 1) // len(files)
    for r in range(reports):
        folder = out / f"r{r + 1:04d}-{DEMO.name}"
        folder.mkdir(parents=True)
        shutil.copy(DEMO / "report.yml", folder / "report.yml")
        for path in files[: min(len(files), problems - r * len(files))]:
            shutil.copy(path, folder / path.name)
    return out


def content(out: Path, problems: int, corpus: str) -> Path:
    if corpus == "demo":
        return demo_content(out, problems)
    return write_content(out, problems, per_report=PER_REPORT, corpus=corpus)


def rectify_project(root: Path, name: str, problems: int, corpus: str) -> Path:
    project = root / name
    content(project / "content", problems, corpus)
    (project / "docs").mkdir()
    (project / "mkdocs.yml").write_text(f"site_name: 基准\n{THEME}plugins:\n  - rectify\n", "utf-8")
    return project


def _paragraphs(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _paragraphs(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _paragraphs(item)]
    return []


def plain_pages(content_dir: Path, docs: Path) -> list[str]:
    """Write the problems of ``content_dir`` as hand-written Markdown pages; the report pages' paths."""
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# 基准\n", "utf-8")
    reports = []
    for folder in sorted(content_dir.iterdir()):
        out = docs / folder.name
        out.mkdir(parents=True)
        meta = yaml.safe_load((folder / "report.yml").read_text("utf-8"))
        (out / "index.md").write_text(f"# {meta['title']}\n\n{meta['intro']}\n", "utf-8")
        reports.append(f"{folder.name}/index.md")
        for path in sorted(folder.glob("*.md")):
            _, front, body = path.read_text("utf-8").split("---\n", 2)
            data = yaml.safe_load(front)
            lines = [f"# 问题{data['number']}：{data['title']}", "", body, "## 整改措施", ""]
            lines += [f"1. {item}" for item in _paragraphs(data.get("measures"))]
            lines += ["", "## 整改成效", "", *_paragraphs(data.get("results"))]
            lines += ["", "## 下一步计划", "", *_paragraphs(data.get("next_steps"))]
            lines += ["", "## 整改结果", "", str(data["status"]), ""]
            (out / path.name).write_text("\n".join(lines), "utf-8")
    return reports


def floor_project(root: Path, name: str, content_dir: Path) -> Path:
    """Plain Material: the problems as pages, the nav listing the reports only, no lunr."""
    project = root / name
    reports = plain_pages(content_dir, project / "docs")
    nav = "nav:\n  - index.md\n" + "".join(f"  - {path}\n" for path in reports)
    config = f"site_name: 基准\n{THEME}plugins: []\n{nav}not_in_nav: |\n  /*/*.md\n"
    (project / "mkdocs.yml").write_text(config, "utf-8")
    return project


def per_page_project(root: Path, name: str, content_dir: Path) -> Path:
    """Plain Material as people set it up: MkDocs' nav, an entry per page; no lunr."""
    project = root / name
    plain_pages(content_dir, project / "docs")
    (project / "mkdocs.yml").write_text(f"site_name: 基准\n{THEME}plugins: []\n", "utf-8")
    return project


# -- measuring -----------------------------------------------------------------------------------


def load() -> str:
    return "load {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())


def _peak_kib(pid: int | str) -> int:
    """The peak resident memory of a process (``VmHWM``: its own, not a parent's before ``exec``)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) if match else 0


def _descendants(pid: int) -> Iterator[int]:
    for tasks in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            children = tasks.read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            yield child
            yield from _descendants(child)


def child_build(project: Path, pagefind: bool) -> None:
    """Build ``project`` in this process (then Pagefind, for the floor); print what it cost as JSON.

    The children's peak is sampled from ``/proc`` every 0.1 s while the build runs."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    children = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal children
        while not done.wait(0.1):
            for pid in list(_descendants(os.getpid())):
                children = max(children, _peak_kib(pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    os.chdir(project)
    build(load_config(str(project / "mkdocs.yml")))
    if pagefind:
        from mkdocs_rectify.search import index_site

        index_site(project / "site", language="zh")
    done.set()
    sampler.join()
    import resource

    cpu = sum(
        usage.ru_utime + usage.ru_stime
        for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )
    print(json.dumps({"self_kib": _peak_kib("self"), "children_kib": children, "cpu": cpu}))


def build(project: Path, *, pagefind: bool = False) -> dict[str, float]:
    """Build ``project`` in a fresh process: seconds, and peak memory in MiB (the build, its children)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, str(Path(__file__).resolve()), "--child-build", str(project)]
    start = time.perf_counter()
    result = subprocess.run(
        command + (["--pagefind"] if pagefind else []), capture_output=True, text=True, env=env, check=False
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"building {project} failed:\n{result.stderr[-3000:]}")
    memory = json.loads(result.stdout.strip().splitlines()[-1])
    mib = {"self_mib": memory["self_kib"] / 1024, "children_mib": memory["children_kib"] / 1024}
    return {"seconds": seconds, "cpu": memory["cpu"], **mib}


def largest_problem_page(project: Path, *, first: bool = False) -> int:
    """The size of the largest problem page: one in a report's folder (not ``years/2022/``, say); with
    ``first``, of the first report's, whose text is the same at every size (the topical corpus draws
    each problem's text at random, and the largest of more problems is larger)."""
    reports = sorted(folder.name for folder in (project / "content").iterdir() if folder.is_dir())
    reports = reports[:1] if first else reports
    sizes = [
        path.stat().st_size
        for report in reports
        for path in (project / "site" / report).glob("*/index.html")
        if PROBLEM_PAGE.match(path.parent.name)
    ]
    return max(sizes)


def profile(project: Path, top: int) -> str:
    """The top lines of a cProfile of building ``project`` in this process."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    cwd = os.getcwd()
    os.chdir(project)
    profiler = cProfile.Profile(time.process_time)  # CPU seconds: the machine may be shared
    try:
        config = load_config(str(project / "mkdocs.yml"))
        profiler.enable()
        mkdocs_build(config)
        profiler.disable()
    finally:
        os.chdir(cwd)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    return "\n".join(line for line in lines if not line.startswith(("   Ordered by", "   List reduced")))


# -- serve ---------------------------------------------------------------------------------------


def _lines(process: subprocess.Popen[str], sink: list[tuple[float, str]]) -> None:
    assert process.stdout is not None
    with contextlib.suppress(ValueError):  # the pipe is closed when the server is stopped
        for line in process.stdout:
            sink.append((time.perf_counter(), line.rstrip()))


def _cpu_seconds(pid: int) -> float:
    """The CPU seconds a process has used so far (its own threads; children it has waited for)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def _caught_up_line() -> str:
    """The start of the line the plugin logs once search has caught up (the site is Chinese)."""
    messages = yaml.safe_load((LOCALES / "zh-CN.yml").read_text("utf-8"))
    return messages["build"]["search_updated"].split("{")[0]


def serve_edit(project: Path, timeout: float = 900) -> dict[str, float]:
    """Under ``mkdocs serve``: seconds from saving one problem file to the edited page being served,
    and to the log saying the search index has caught up. The server is the tests' (tests/support)."""
    sys.path.insert(0, str(BENCHMARKS.parent / "tests"))
    from support.serve import fetch, mkdocs_serve

    with mkdocs_serve(project) as (base, process):
        log: list[tuple[float, str]] = []
        threading.Thread(target=_lines, args=(process, log), daemon=True).start()
        report = sorted(p for p in (project / "content").iterdir() if p.is_dir())[0]
        problem = sorted(report.glob("*.md"))[0]
        number = yaml.safe_load(problem.read_text("utf-8").split("---\n", 2)[1])["number"]
        url = f"{base}/{report.name}/{number}/"
        deadline = time.monotonic() + timeout
        while (page := fetch(url, timeout=30)) is None or "<html" not in page:
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit("mkdocs serve did not start:\n" + "\n".join(line for _, line in log[-30:]))
            time.sleep(0.5)
        time.sleep(3)  # let the server settle after the first build
        text = problem.read_text("utf-8")
        marker = "编辑后的标题"
        edited = re.sub(r"^title: .*$", f"title: {marker}", text, count=1, flags=re.M)
        saved = time.perf_counter()
        seen = len(log)
        cpu = _cpu_seconds(process.pid)
        problem.write_text(edited, "utf-8")
        while (page := fetch(url, timeout=30)) is None or marker not in page:
            if time.monotonic() > deadline:
                raise SystemExit("the edit was not served:\n" + "\n".join(line for _, line in log[-30:]))
            time.sleep(0.05)
        shown = time.perf_counter() - saved
        shown_cpu = _cpu_seconds(process.pid) - cpu
        search = float("nan")
        caught_up = _caught_up_line()
        while time.monotonic() < deadline:
            done = [t for t, line in log[seen:] if caught_up in line]
            if done:
                search = done[0] - saved
                break
            time.sleep(0.1)
        return {"shown": shown, "shown_cpu": shown_cpu, "search": search}


# -- the run -------------------------------------------------------------------------------------


def sizes_of(text: str) -> list[int]:
    return sorted({int(part.replace(",", "").replace("_", "")) for part in text.split(",") if part.strip()})


def progress(way: str, n: int, cost: dict[str, float]) -> None:
    memory = f"{cost['self_mib']:.0f} + {cost['children_mib']:.0f} MiB"
    print(f"  [{load()}] {way} {n}: {cost['seconds']:.1f} s, CPU {cost['cpu']:.1f} s, {memory}", flush=True)


def rows(results: dict[int, dict[str, dict[str, float]]]) -> Iterator[str]:
    for n, ways in results.items():
        ours = ways["rectify"]
        for way, cost in ways.items():
            ratio = ""
            if way != "rectify":
                wall, cpu = ours["seconds"] / cost["seconds"], ours["cpu"] / cost["cpu"]
                ratio = f"   rectify / this {wall:.2f} (CPU {cpu:.2f})"
            memory = f"peak {cost['self_mib']:5.0f} MiB build, {cost['children_mib']:5.0f} MiB children"
            times = f"{cost['seconds']:8.1f} s (CPU {cost['cpu']:7.1f} s)"
            yield f"  {n:>6} problems  {way:<13} {times}   {memory}{ratio}"


def run_corpus(root: Path, corpus: str, sizes: list[int], args: argparse.Namespace) -> None:
    print(f"\n== corpus: {corpus} ({PER_REPORT} problems a report) ==", flush=True)
    results: dict[int, dict[str, dict[str, float]]] = {}
    pages: dict[int, int] = {}
    same: dict[int, int] = {}
    small = rectify_project(root, f"{corpus}-rectify-17", 17, corpus)
    build(small)
    pages[17] = largest_problem_page(small)
    same[17] = largest_problem_page(small, first=True)
    for n in sizes:
        ours = rectify_project(root, f"{corpus}-rectify-{n}", n, corpus)
        floor = floor_project(root, f"{corpus}-floor-{n}", ours / "content")
        ways = {"floor": build(floor, pagefind=True)}
        progress("floor", n, ways["floor"])
        ways["rectify"] = build(ours)
        progress("rectify", n, ways["rectify"])
        if n <= args.per_page_max:
            per_page = per_page_project(root, f"{corpus}-per-page-{n}", ours / "content")
            ways["per-page nav"] = build(per_page)
            progress("per-page nav", n, ways["per-page nav"])
        results[n] = {"rectify": ways["rectify"], **{k: v for k, v in ways.items() if k != "rectify"}}
        pages[n] = largest_problem_page(ours)
        same[n] = largest_problem_page(ours, first=True)
        print(f"  largest problem page at {n}: {pages[n] / 1000:.1f} kB ({pages[n] / pages[17]:.2f} x at 17)")
        for name in (f"{corpus}-floor-{n}", f"{corpus}-per-page-{n}"):
            shutil.rmtree(root / name, ignore_errors=True)
    print(f"\nbuild ({corpus}; {load()}):")
    for line in rows(results):
        print(line)
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        for way in ("rectify", "floor"):
            t = results[last][way]["seconds"] / results[first][way]["seconds"]
            cpu = results[last][way]["cpu"] / results[first][way]["cpu"]
            print(f"  {way}: t({last}) / t({first}) = {t:.2f} (CPU {cpu:.2f})   (linear: {last / first:.2f})")
    print(f"largest problem page ({corpus}):")
    for n, size in pages.items():
        print(f"  {n:>6} problems  {size / 1000:7.1f} kB   {size / pages[17]:.2f} x the page at 17")
    print(f"the first report's largest problem page, the same text at every size ({corpus}):")
    for n, size in same.items():
        print(f"  {n:>6} problems  {size / 1000:7.1f} kB   {size / same[17]:.2f} x the page at 17")
    if args.profile:
        print(f"\nprofile of the rectify build, {corpus}, {sizes[0]} problems (cProfile, CPU s; {load()}):")
        project = root / f"{corpus}-rectify-{sizes[0]}"
        shutil.rmtree(project / "site", ignore_errors=True)
        print(profile(project, args.profile))
    if args.serve:
        edit = serve_edit(root / f"{corpus}-rectify-{sizes[0]}")
        print(
            f"\nserve, {sizes[0]} problems ({corpus}; {load()}): one problem saved → its page served "
            f"{edit['shown']:.1f} s (the server's CPU {edit['shown_cpu']:.1f} s); "
            f"search caught up {edit['search']:.1f} s"
        )
    for n in sizes:
        shutil.rmtree(root / f"{corpus}-rectify-{n}", ignore_errors=True)


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--sizes", default="1700,10200", help="numbers of problems, comma-separated")
    parser.add_argument("--corpus", default="demo,topical", help=f"comma-separated, of {', '.join(CORPORA)}")
    parser.add_argument("--quick", action="store_true", help="--sizes 1700 --corpus demo")
    parser.add_argument("--per-page-max", type=int, default=1700, help="largest per-page-nav build")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print a profile's top N lines")
    parser.add_argument("--serve", action="store_true", help="time serve's edit-to-reload (first size)")
    parser.add_argument("--child-build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--pagefind", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_build:
        child_build(args.child_build, args.pagefind)
        return
    if args.quick:
        args.sizes, args.corpus = "1700", "demo"
    corpora = [c.strip() for c in args.corpus.split(",") if c.strip()]
    if unknown := [c for c in corpora if c not in CORPORA]:
        parser.error(f"unknown corpus {', '.join(unknown)}: choose from {', '.join(CORPORA)}")
    print(f"{os.cpu_count()} cores; {load()}")
    with tempfile.TemporaryDirectory(prefix="build-scale-") as tmp:
        for corpus in corpora:
            run_corpus(Path(tmp), corpus, sizes_of(args.sizes), args)
    print(f"\ndone; {load()}")


if __name__ == "__main__":
    main()
