"""``data/manifest.json`` and ``mkdocs-rectify verify``: the SHA-256 of every published file."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from support.builds import MINIMAL_CONFIG, REPORT_YML, Build, build_site, problem_file
from support.cli import Run, rectify

MANIFEST = "data/manifest.json"
SITE = {
    "content/r-2024/report.yml": REPORT_YML,
    # A link to another site: its notice page is written after the search index, near the end.
    "content/r-2024/01.md": problem_file(1, "甲", body="原文见[通知](https://news.example.com/n/1)。"),
    "content/r-2024/02.md": problem_file(2, "乙", status="ongoing"),
    "docs/guide.md": "# 指南\n\n正文。\n",
}


def verify(site: Path) -> Run:
    return rectify("verify", str(site))


@pytest.fixture
def built(make_site) -> Build:
    build = build_site(make_site(SITE), "--strict")
    assert build.returncode == 0, build.output
    return build


def published(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_the_manifest_lists_every_published_file_but_itself(built: Build) -> None:
    manifest = json.loads((built.site / MANIFEST).read_text("utf-8"))
    files = published(built.site)
    del files[MANIFEST]
    assert any(path.startswith("leave/") for path in files)  # written at the end of the build
    assert any(path.startswith("pagefind/filter/") for path in files)
    assert [entry["path"] for entry in manifest["files"]] == sorted(files)
    for entry in manifest["files"]:
        content = files[entry["path"]]
        assert entry == {
            "path": entry["path"],
            "size": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
        }
    assert manifest["algorithm"] == "sha256"
    assert MANIFEST in manifest["note"] and "itself" in manifest["note"]


def test_the_manifest_is_written_without_open_data_too(make_site) -> None:
    config = MINIMAL_CONFIG.replace(
        "  - rectify:\n", "  - rectify:\n      open_data: false\n      search: false\n"
    )
    build = build_site(make_site(SITE, config=config), "--strict")
    assert build.returncode == 0, build.output
    assert not (build.site / "data" / "rectify.json").exists()
    paths = [entry["path"] for entry in json.loads((build.site / MANIFEST).read_text("utf-8"))["files"]]
    assert "index.html" in paths and not any(path.startswith("data/") for path in paths)
    assert verify(build.site).returncode == 0


def test_a_docs_file_in_the_manifests_place_stops_the_build(make_site) -> None:
    build = build_site(make_site({**SITE, "docs/data/manifest.json": "{}\n"}))
    assert build.returncode == 1
    assert "data/manifest.json 已存在，但插件要在这里写入文件清单" in build.output  # a Chinese site
    assert "Traceback" not in build.output


def test_verify_passes_an_untouched_site(built: Build) -> None:
    result = verify(built.site)
    assert result.returncode == 0, result.stdout + result.stderr
    count = len(published(built.site)) - 1
    assert f"{count} files match {MANIFEST}" in result.stdout
    # The manifest's own hash, to compare with the one the build logged and the publisher kept.
    digest = hashlib.sha256((built.site / MANIFEST).read_bytes()).hexdigest()
    assert f"(SHA-256 of the manifest: {digest})" in result.stdout
    assert f"清单本身的 SHA-256 为 {digest}" in built.output


def test_verify_names_every_file_changed_added_or_removed(built: Build) -> None:
    site = built.site
    (site / "index.html").write_text((site / "index.html").read_text("utf-8") + "<script>x</script>", "utf-8")
    (site / "r-2024" / "1" / "index.html").write_bytes(b"")  # emptied
    (site / "evil.js").write_text("alert(1)", "utf-8")
    (site / "assets" / "rectify" / "extra.css").write_text("body{}", "utf-8")
    (site / "data" / "r-2024.csv").unlink()
    shutil.rmtree(site / "guide")
    result = verify(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        f"{site}: 6 files differ from {MANIFEST}",
        "changed (2):",
        "  index.html",
        "  r-2024/1/index.html",
        "added (2):",
        "  assets/rectify/extra.css",
        "  evil.js",
        "removed (2):",
        "  data/r-2024.csv",
        "  guide/index.html",
    ]


def test_a_file_changed_but_of_the_same_size_is_found(built: Build) -> None:
    path = built.site / "data" / "rectify.json"
    text = path.read_text("utf-8")
    path.write_text(text.replace('"completed"', '"xompleted"', 1), "utf-8")
    result = verify(built.site)
    assert result.returncode == 1 and "  data/rectify.json" in result.stdout.splitlines()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("no-site", "no such folder"),
        ("no-manifest", f"{MANIFEST} is missing"),
        ("not-json", f"{MANIFEST} cannot be read: not JSON"),
        ("bad-hash", f"{MANIFEST} is not a manifest of mkdocs-rectify: files[0].sha256"),
        ("outside", f"{MANIFEST} is not a manifest of mkdocs-rectify: files[0].path"),
        ("not-utf8", f"{MANIFEST} cannot be read: not UTF-8"),
    ],
)
def test_verify_explains_a_site_it_cannot_check(built: Build, damage: str, message: str) -> None:
    site, manifest = built.site, built.site / MANIFEST
    data = json.loads(manifest.read_text("utf-8"))
    if damage == "no-site":
        shutil.rmtree(site)
    elif damage == "no-manifest":
        manifest.unlink()
    elif damage == "not-json":
        manifest.write_text('{"files": [', "utf-8")
    elif damage == "not-utf8":
        manifest.write_bytes(b"\xff\xfe{}")
    elif damage == "bad-hash":
        data["files"][0]["sha256"] = "xyz"
        manifest.write_text(json.dumps(data), "utf-8")
    elif damage == "outside":
        data["files"][0]["path"] = "../../etc/passwd"
        manifest.write_text(json.dumps(data), "utf-8")
    result = verify(site)
    assert result.returncode == 2
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
