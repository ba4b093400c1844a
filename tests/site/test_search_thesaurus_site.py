"""The search_thesaurus option: a site's own thesaurus files, in a real build."""

from __future__ import annotations

import json

from support.builds import MINIMAL_CONFIG, REPORT_YML, build_site, problem_file


def _config(options: str) -> str:
    """The minimal mkdocs.yml with ``options`` (indented YAML) under the plugin."""
    return MINIMAL_CONFIG.replace("  - rectify:\n", "  - rectify:\n" + options, 1)


def _site(make_site, config: str, files: dict[str, str] | None = None):
    tree = {
        "content/city-2024/report.yml": REPORT_YML,
        "content/city-2024/01.md": problem_file(1, "信访件办理不及时", "completed", "群众信访件办理不及时。"),
        **(files or {}),
    }
    return make_site(tree, config=config)


def test_the_option_adds_a_file_beside_mkdocs_yml(make_site) -> None:
    config = _config("      search_thesaurus:\n        extra: [words.yml]\n")
    project = _site(make_site, config, {"words.yml": "- {plain: [找领导], official: [信访]}\n"})
    build = build_site(project, "--strict")
    assert build.returncode == 0, build.output
    data = json.loads((build.site / "search" / "thesaurus.json").read_text("utf-8"))
    assert [["找领导"], ["信访"]] in data["entries"]
    assert any("上访" in plain and "信访" in official for plain, official in data["entries"])


def test_a_bad_site_file_stops_the_build_naming_file_line_and_entry(make_site) -> None:
    config = _config("      search_thesaurus:\n        extra: [words.yml]\n        replace_default: true\n")
    words = "- {plain: [找领导], official: [信访]}\n- {plain: [找领导], official: 信访事项, see: x}\n"
    project = _site(make_site, config, {"words.yml": words})
    build = build_site(project)
    assert build.returncode != 0
    # the site speaks Chinese
    assert "words.yml 第 2 行，第 2 条的 plain：“找领导”已是第 1 条的 plain 词语" in build.output
    assert "words.yml 第 2 行，第 2 条的 see：无此字段" in build.output
    assert "Traceback" not in build.output
    assert not (build.site / "search" / "thesaurus.json").exists()
