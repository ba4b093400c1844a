"""The weight of the pages as a site grows: the largest problem page, the overview and the largest
browsing page at a small and a large size (by default 17 and 1,700 problems, 17 a report).

    python benchmarks/page_weight.py --problems 1700 --per-report 17

Builds the same synthetic content (``synthetic.py``) twice without the search index, and prints
each page's size at both sizes and the ratio between them, whole and without the theme's
navigation (which lists every report). The problem page is the largest of the small site's, and
the same page (the same content) in the large one: what it holds of its own must not grow.
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
from pathlib import Path

from synthetic import THEME, build, write_content

NAV = re.compile(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', re.S)


def project(root: Path, problems: int, per_report: int) -> Path:
    folder = root / f"rectify-{problems}"
    write_content(folder / "content", problems, per_report)
    (folder / "docs").mkdir()
    plugin = "plugins:\n  - rectify:\n      search: false\n"
    (folder / "mkdocs.yml").write_text(f"site_name: 基准\n{THEME}{plugin}", "utf-8")
    return folder


def weight(path: Path) -> tuple[int, int]:
    """A page's size, whole and without the theme's navigation."""
    html = path.read_text("utf-8")
    return len(html.encode("utf-8")), len(NAV.sub("", html).encode("utf-8"))


def largest(site: Path, pattern: str) -> Path:
    pages = [p for p in site.glob(pattern) if p.name == "index.html"]
    return max(pages, key=lambda p: p.stat().st_size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--problems", type=int, default=1700)
    parser.add_argument("--per-report", type=int, default=17)
    args = parser.parse_args()
    small_n = args.per_report
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        small = project(root, small_n, args.per_report)
        big = project(root, args.problems, args.per_report)
        build(small)
        build(big)
        problem = largest(small / "site", "report-*/*/index.html").relative_to(small / "site")
        rows = [
            (f"problem page ({problem.parent})", small / "site" / problem, big / "site" / problem),
            ("overview", small / "site" / "index.html", big / "site" / "index.html"),
            (
                "largest browsing page",
                largest(small / "site", "browse/**/index.html"),
                largest(big / "site", "browse/**/index.html"),
            ),
        ]
        print(f"{'':36}{small_n:>10} problems{args.problems:>10} problems   ratio")
        for label, at_small, at_big in rows:
            (s_all, s_own), (b_all, b_own) = weight(at_small), weight(at_big)
            print(f"{label:36}{s_all:>10} bytes{b_all:>13} bytes   {b_all / s_all:5.2f}")
            own = "  without the theme navigation"
            print(f"{own:36}{s_own:>10} bytes{b_own:>13} bytes   {b_own / s_own:5.2f}")
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
