"""Synthetic content for benchmarks: many reports and problems assembled from the demo's sentences.

``python benchmarks/synthetic.py OUT_DIR --problems 10000`` writes a content directory. The text
is real Chinese from the demo notice, drawn deterministically, so sizes and segmentation are
realistic and every run produces the same files.

Two corpora:

- ``topical`` (the default): each problem takes one of the demo's 17 problems as its topic, and
  draws most of its sentences (``TOPICAL``) from that problem and the rest from the whole notice.
  Real problems stay on their subject: 超期办件 is in 2 of the demo's 17 problems (12%); here it
  is in 13% of the problems.
- ``shuffled``: every sentence is drawn from the whole notice, so each phrase is spread over
  far more pages than in any real report (超期办件 in 29% of the problems); a stress case for
  the size of search index chunks.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "content" / "hkszwglj-2022"
STATUSES = ["completed", "completed", "completed", "ongoing", "in_progress", "not_done"]
UNITS = [
    "市政府服务中心",
    "市公共资源交易中心",
    "海口市民游客中心",
    "办公室",
    "财务科",
    "人事科",
    "12345热线",
]
CORPORA = ("topical", "shuffled")
TOPICAL = 0.8
"""The share of a topical problem's sentences drawn from its own topic."""
THEME = "theme:\n  name: material\n  language: zh\n  font: false\n"


HAN = re.compile(r"[\u4e00-\u9fff]")


def sentences_of(path: Path) -> list[str]:
    """The sentences of a demo problem: its body and the Chinese text of its front-matter."""
    _, front, body = path.read_text("utf-8").split("---\n", 2)

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [text for item in value.values() for text in strings(item)]
        if isinstance(value, list):
            return [text for item in value for text in strings(item)]
        return []

    text = "\n".join([*strings(yaml.safe_load(front)), body])
    return [s.strip() + "。" for s in re.split(r"[。\n]", text) if len(s.strip()) > 8 and HAN.search(s)]


def demo_topics() -> list[list[str]]:
    """The sentences of each of the demo's problems."""
    return [sentences_of(path) for path in sorted(DEMO.glob("*.md"))]


def write_content(
    out: Path,
    problems: int,
    per_report: int = 500,
    seed: int = 1,
    corpus: str = "topical",
    subjects: dict[str, int] | None = None,
) -> Path:
    """Write ``problems`` problems into reports of ``per_report`` each under ``out``.

    In the topical corpus, ``subjects`` (if given) receives each problem's subject: the number of
    the demo problem it keeps to, by the problem page's path (``report-0001/1``).
    """
    if corpus not in CORPORA:
        raise ValueError(f"corpus must be one of {CORPORA}, not {corpus!r}")
    rng = random.Random(seed)
    topics = demo_topics()
    sentences = [sentence for topic in topics for sentence in topic]
    topic = sentences
    out.mkdir(parents=True, exist_ok=True)

    def sentence() -> str:
        pool = topic if corpus == "topical" and rng.random() < TOPICAL else sentences
        return rng.choice(pool)

    def para(n: int) -> str:
        return "".join(sentence() for _ in range(n))

    reports = (problems + per_report - 1) // per_report
    for r in range(reports):
        year = 2015 + r % 10
        folder = out / f"report-{r + 1:04d}"
        folder.mkdir(exist_ok=True)
        topic = sentences
        meta = {
            "title": f"第{r + 1}号巡察整改情况通报",
            "issuer": f"测试单位{r + 1}党组",
            "published": f"{year}-{1 + r % 12:02d}-{1 + r % 28:02d}",
            "intro": para(3),
        }
        (folder / "report.yml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), "utf-8")
        count = min(per_report, problems - r * per_report)
        for n in range(1, count + 1):
            if corpus == "topical":
                topic = rng.choice(topics)
                if subjects is not None:
                    subjects[f"{folder.name}/{n}"] = topics.index(topic) + 1
            front = {
                "number": n,
                "title": sentence()[:20].rstrip("。，"),
                "status": rng.choice(STATUSES),
                "units": rng.sample(UNITS, 2),
                "measures": [para(2) for _ in range(3)],
                "results": [para(2)],
                "next_steps": [para(1)],
            }
            dump = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000)
            (folder / f"{n:04d}.md").write_text(f"---\n{dump}---\n{para(3)}\n", "utf-8")
    return out


def build(project: Path) -> float:
    """Seconds ``mkdocs build`` takes in ``project``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=project, check=True, env=env)
    return time.perf_counter() - start


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--problems", type=int, default=10_000)
    parser.add_argument("--per-report", type=int, default=500)
    parser.add_argument("--corpus", choices=CORPORA, default="topical")
    args = parser.parse_args()
    write_content(args.out, args.problems, args.per_report, corpus=args.corpus)
    print(f"wrote {args.problems} problems to {args.out}")
