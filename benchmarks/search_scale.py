"""Search at scale: build a synthetic site of N problems and measure what search costs.

    python benchmarks/search_scale.py --problems 10000

Writes a content folder of N problems (real Chinese sentences of the demo notice, drawn
deterministically: ``--corpus topical`` or ``shuffled``, see ``synthetic.py``; 500 problems a
report, reports over ten years, every status, several units), builds it without search and with
search, and prints:

- the build time without and with search, and their ratio;
- the indexing time and the indexer's peak memory (Pagefind run again on the built site);
- the bytes a reader downloads for a first query on the search page, measured in Chromium by
  adding up the bodies of every response (pagefind JS, WASM, metadata, index chunks, fragments
  of the first page of results, the traditional→simplified map), as served without HTTP
  compression, and what gzip on the server would make of the JavaScript;
- the bytes of a problem page, and the size of the search bundle on disk;
- for each query, the share of problems whose text holds it;
- relevance among N problems (topical corpus): the demo's relevance queries
  (``tests/fixtures/search_queries.yml``) are run on the big site, and a result counts as on
  subject when its problem keeps to one of the demo problems the query expects.

A first query's bytes are a fixed part (Pagefind's JavaScript and WebAssembly, and its page list,
which grows with the number of pages) and the query's own part (the index chunks of its words and
the fragments of the first ten results); both are printed.

It is a benchmark, not a test: it prints numbers and checks nothing.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import yaml  # noqa: E402
from synthetic import CORPORA, THEME, build, write_content  # noqa: E402

RELEVANCE = ROOT / "tests" / "fixtures" / "search_queries.yml"

QUERIES = ["电子保函", "12345热线", "办事大厅玩手机", "超期办件"]
"""A rare word, a number with a word, a colloquial phrase, and common characters (办, 件) at worst."""


def project(root: Path, content: Path, search: bool) -> Path:
    folder = root / ("with-search" if search else "without-search")
    (folder / "docs").mkdir(parents=True)
    plugin = "  - rectify:\n      content_dir: " + str(content) + ("" if search else "\n      search: false")
    (folder / "mkdocs.yml").write_text(f"site_name: 基准\n{THEME}plugins:\n{plugin}\n", "utf-8")
    return folder


INDEX_AGAIN = """
import resource, sys, time
from pathlib import Path
from mkdocs_rectify.search import index_site
start = time.perf_counter()
stats = index_site(Path(sys.argv[1]), language="zh")
seconds = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(stats.pages, f"{seconds:.2f}", peak_kib)
"""


def index_again(site: Path) -> tuple[int, float, float]:
    """Pages, seconds and the Pagefind process's peak resident memory (MiB)."""
    out = subprocess.run(
        [sys.executable, "-c", INDEX_AGAIN, str(site)], check=True, capture_output=True, text=True
    ).stdout.split()
    return int(out[0]), float(out[1]), int(out[2]) / 1024


def first_query(site: Path, query: str) -> dict[str, int]:
    """Bytes per kind of file downloaded by the search page for its first query, in Chromium."""
    from playwright.sync_api import sync_playwright
    from support.web import CHROMIUM, CHROMIUM_ARGS, serve_dir

    sizes: dict[str, int] = {}
    gzipped_js = 0
    with serve_dir(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        bodies: list[tuple[str, bytes]] = []

        def keep(response) -> None:
            if "/pagefind/" in response.url or response.url.endswith("hanzi.json"):
                try:
                    bodies.append((response.url, response.body()))
                except Exception:  # a worker's response body may not be available to the page
                    bodies.append((response.url, b""))

        page.context.on("response", keep)
        page.goto(url + "/search/", wait_until="networkidle")
        page.fill("#rectify-search-q", query)
        page.press("#rectify-search-q", "Enter")
        page.wait_for_selector("[data-rectify-search-output][aria-busy=false]", timeout=120_000)
        page.wait_for_load_state("networkidle")
        results = page.locator(".rectify-search__result").count()
        status = page.inner_text("[data-rectify-search-status]")
        browser.close()
    for address, body in bodies:
        name = address.rsplit("/", 1)[-1].split("?")[0]
        on_disk = site / "pagefind" / name
        size = len(body) if body or not on_disk.is_file() else on_disk.stat().st_size
        kind = (
            "fragment"
            if "/fragment/" in address
            else "index chunk"
            if "/index/" in address
            else "filter chunk"
            if "/filter/" in address
            else "meta"
            if name.endswith(".pf_meta")
            else "wasm"
            if "wasm" in name
            else "map"
            if name == "hanzi.json"
            else "js"
            if name.endswith(".js")
            else "other"
        )
        sizes[kind] = sizes.get(kind, 0) + size
        if kind == "js":
            gzipped_js += len(gzip.compress(on_disk.read_bytes(), 9))
    sizes["_js_gzipped"] = gzipped_js
    sizes["_requests"] = len(bodies)
    sizes["_results"] = results
    print(f"first query {query!r}: {status}")
    return sizes


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--problems", type=int, default=10_000)
    parser.add_argument("--corpus", choices=CORPORA, default="topical")
    parser.add_argument(
        "--site", type=Path, help="only measure the queries on this site, built from --problems and --corpus"
    )
    parser.add_argument(
        "--keep", type=Path, help="build here and keep the sites (default: a temporary folder)"
    )
    args = parser.parse_args()
    subjects: dict[str, int] = {}
    if args.site:
        measure(args.site)
        with tempfile.TemporaryDirectory() as tmp:
            write_content(Path(tmp), args.problems, corpus=args.corpus, subjects=subjects)
        if subjects:
            relevance(args.site, subjects)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        content = root / "content"
        write_content(content, args.problems, corpus=args.corpus, subjects=subjects)
        print(f"problems: {args.problems} in {len(list(content.iterdir()))} reports, {args.corpus} corpus")
        plain = build(project(root, content, search=False))
        print(f"build without search: {plain:8.1f} s")
        searched_project = project(root, content, search=True)
        searched = build(searched_project)
        print(f"build with search:    {searched:8.1f} s   ratio {searched / plain:.2f}")
        site = searched_project / "site"
        pages, seconds, peak = index_again(site)
        print(f"indexing {pages} pages: {seconds:.1f} s, Pagefind peak memory {peak:.0f} MiB")
        bundle = site / "pagefind"
        files = sum(1 for _ in bundle.rglob("*"))
        print(f"search bundle on disk: {tree_bytes(bundle) / 1e6:.1f} MB in {files} files")
        problem = site / "report-0001" / "1" / "index.html"
        print(f"a problem page: {problem.stat().st_size / 1e3:.1f} kB of HTML (no search index)")
        measure(site, content)
        if subjects:
            relevance(site, subjects)


def measure(site: Path, content: Path | None = None) -> None:
    texts = [path.read_text("utf-8") for path in content.rglob("*.md")] if content is not None else []
    for query in QUERIES:
        sizes = first_query(site, query)
        if texts:
            print(f"  in {sum(query in text for text in texts) / len(texts):.0%} of the problems")
        total = sum(v for k, v in sizes.items() if not k.startswith("_"))
        parts = ", ".join(
            f"{kind} {sizes[kind] / 1e3:.1f}"
            for kind in ("js", "wasm", "meta", "index chunk", "filter chunk", "fragment", "map")
            if kind in sizes
        )
        print(f"  {total / 1e3:.1f} kB in {sizes['_requests']} requests ({parts} kB)")
        gzipped = total - sizes.get("js", 0) + sizes["_js_gzipped"]
        fixed = sizes["_js_gzipped"] + sizes.get("wasm", 0) + sizes.get("meta", 0)
        print(
            f"  with gzip on the JavaScript: {gzipped / 1e3:.1f} kB"
            f" = fixed {fixed / 1e3:.1f} kB + this query {(gzipped - fixed) / 1e3:.1f} kB"
        )


def relevance(site: Path, subjects: dict[str, int]) -> None:
    """Run the demo's relevance queries on ``site`` and print how many results are on subject."""
    from playwright.sync_api import sync_playwright
    from support.web import CHROMIUM, CHROMIUM_ARGS, serve_dir

    cases = [case for case in yaml.safe_load(RELEVANCE.read_text("utf-8")) if "report" not in case["expect"]]
    top_three = 0
    precision: list[float] = []
    missed: list[str] = []
    with serve_dir(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for case in cases:
            # Each query on a fresh page, as from a link: Pagefind also matches words that start
            # with a query's word among the index chunks it has already loaded, so earlier
            # queries in the same page can add results to a later one.
            page = browser.new_page()
            page.goto(url + "/search/?" + urlencode({"q": case["query"]}))
            page.wait_for_selector("[data-rectify-search-output][aria-busy=false]", timeout=120_000)
            paths = page.eval_on_selector_all(
                ".rectify-search__result-link", "links => links.map(a => new URL(a.href).pathname)"
            )
            found = [subjects.get(path.strip("/")) for path in paths[:10]]
            expected = set(case["expect"])
            if expected & set(found[:3]):
                top_three += 1
            else:
                missed.append(f"{case['query']} {found[:3]}")
            precision.append(sum(subject in expected for subject in found) / len(found) if found else 0.0)
            page.close()
        browser.close()
    print(
        f"relevance among {len(subjects)} problems: {top_three} of {len(cases)} queries have a problem on"
        f" their subject in the top three; {statistics.mean(precision):.0%} of the first ten results are"
        " on subject"
    )
    if missed:
        print("  not in the top three: " + ", ".join(missed))


if __name__ == "__main__":
    main()
