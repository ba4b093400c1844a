"""Reproducible builds: with SOURCE_DATE_EPOCH set, a project built twice gives the same bytes."""

from __future__ import annotations

import gzip
import json
import struct
from pathlib import Path

import pytest
from support.builds import MINIMAL_CONFIG, Build, build_site, problem_file, run_mkdocs, write_tree

from mkdocs_rectify.search.stable import SIGNATURE, FormatError, stabilise

EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC
EPOCH_DAY = 1699920000  # 2023-11-14 00:00:00 UTC: MkDocs dates the sitemap by the day

# Several values in every search filter (status, report, unit, year): Pagefind writes each filter's
# values, and the filters themselves, in an order that changes from run to run.
FILTER_SITE = {
    "mkdocs.yml": MINIMAL_CONFIG,
    "docs/.keep": "",
    "content/alpha-2021/report.yml": "title: 甲单位巡察整改情况通报\nissuer: 甲单位\npublished: 2021-06-01\n",
    "content/beta-2023/report.yml": "title: 乙单位巡察整改情况通报\nissuer: 乙单位\npublished: 2023-03-01\n",
    "content/gamma-2024/report.yml": "title: 丙单位巡察整改情况通报\nissuer: 丙单位\npublished: 2024-05-06\n",
}
for _report, _statuses in (
    ("alpha-2021", ("completed", "ongoing", "in_progress", "not_done")),
    ("beta-2023", ("not_done", "completed", "in_progress")),
    ("gamma-2024", ("ongoing", "completed", "not_done", "in_progress")),
):
    for _number, _status in enumerate(_statuses, 1):
        FILTER_SITE[f"content/{_report}/{_number:02}.md"] = problem_file(
            _number,
            f"问题{_report}{_number}",
            _status,
            f"热线接通率低，窗口办件超期{_number}。",
            units=f"[单位{_number}, 部门{_report[0]}, 中心{len(_statuses)}]",
        )


def files_of(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()
    }


def build_twice(project: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Every file of the site, from two builds of ``project`` with SOURCE_DATE_EPOCH set: one in this
    process, one in a process of its own (each with its own hash seed)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    sites = []
    for attempt, builder in (("first", build_site), ("second", run_mkdocs)):
        build = builder(project, "--strict")
        assert build.returncode == 0, build.output
        sites.append(files_of(build.site.rename(project / f"site-{attempt}")))
    return sites[0], sites[1]


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    return sorted(
        [f"only in the first: {path}" for path in first.keys() - second.keys()]
        + [f"only in the second: {path}" for path in second.keys() - first.keys()]
        + [f"differs: {path}" for path in first.keys() & second.keys() if first[path] != second[path]]
    )


def test_the_demo_built_twice_is_byte_identical(demo_build: Build, demo_rebuilt: Build) -> None:
    # Built in this process and in another one (each with its own hash seed), on the same date.
    first, second = files_of(demo_build.site), files_of(demo_rebuilt.site)
    assert any(path.startswith("pagefind/") for path in first)
    assert differences(first, second) == []


def test_a_site_with_many_filter_values_built_twice_is_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    write_tree(project, FILTER_SITE)
    first, second = build_twice(project, monkeypatch)
    assert len([path for path in first if path.startswith("pagefind/filter/")]) == 4
    assert differences(first, second) == []


def test_the_sitemap_is_dated_by_source_date_epoch(make_site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    config = MINIMAL_CONFIG + "site_url: https://zgw.example.gov.cn/\n"  # pages in the sitemap
    build = build_site(make_site({**FILTER_SITE, "mkdocs.yml": config}), "--strict")
    assert build.returncode == 0, build.output
    sitemap = (build.site / "sitemap.xml").read_text("utf-8")
    assert "<lastmod>2023-11-14</lastmod>" in sitemap
    packed = (build.site / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", packed[4:8])[0] == EPOCH_DAY  # the gzip header's time, not the clock's
    assert gzip.decompress(packed).decode("utf-8") == sitemap


def test_a_search_bundle_not_as_pagefind_writes_it_is_refused_naming_the_file(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    bundle.mkdir()
    entry = {
        "version": "1.5.2",
        "languages": {"zh": {"hash": "zh_0123456789", "wasm": None, "page_count": 1}},
    }
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry), "utf-8")
    meta = bundle / "pagefind.zh_0123456789.pf_meta"
    meta.write_bytes(
        gzip.compress(SIGNATURE + b"\xa1\x01\x02")
    )  # a CBOR map, which Pagefind 1.5 never writes
    with pytest.raises(FormatError, match=r"pagefind\.zh_0123456789\.pf_meta: expected a list"):
        stabilise(bundle)
    meta.write_bytes(b"not gzip")
    with pytest.raises(FormatError, match=r"pagefind\.zh_0123456789\.pf_meta: cannot be read"):
        stabilise(bundle)
    assert meta.read_bytes() == b"not gzip"  # nothing is written before everything is read
