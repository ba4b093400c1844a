"""The statement says nothing it contradicts, whatever is configured; the build names what is missing."""

from __future__ import annotations

import pytest
from support.builds import REPORT_YML, build_site
from test_statement import CONTENT, config_with, html_text

WITH_CONTACT = "accessibility:\n  contact: {email: a11y@example.gov.cn}\n  tested: 2024-05-06\n"


def statement(make_site, options: str = "", *, language: str = "zh", files: dict | None = None):
    config = config_with(options or "open_data: true\n", language=language)
    build = build_site(make_site({**CONTENT, **(files or {})}, config=config))
    assert build.returncode == 0, build.output
    return build, html_text(build.html("accessibility/"))


def test_the_default_statement_does_not_contradict_itself(make_site) -> None:
    _, text = statement(make_site)
    assert "本网站部分符合 WCAG 2.2 AA" in text
    assert "目前没有已知的无障碍问题" not in text  # beside 部分符合
    assert "具体问题尚未逐项列出" in text
    assert "本网站尚未公布反馈无障碍问题的联系方式。" in text
    assert "工作日内答复" not in text and "上面的联系方式" not in text and "请告诉我们" not in text


def test_the_build_names_what_the_office_must_fill_in(make_site) -> None:
    build, _ = statement(make_site)
    assert "无障碍声明没有反映无障碍问题的联系方式" in build.output
    assert "无障碍声明没有写明最近一次无障碍测试的日期" in build.output
    strict = build_site(build.site.parent, "--strict")
    assert strict.returncode != 0 and "accessibility.tested" in strict.output


def test_an_english_build_names_them_in_english(make_site) -> None:
    build, text = statement(make_site, language="en")
    assert "set accessibility.contact in mkdocs.yml" in build.output
    assert "set accessibility.tested in mkdocs.yml" in build.output
    assert "have not been listed yet" in text and "We know of no accessibility problems" not in text


def test_with_contact_and_test_date_it_promises_an_answer_and_builds_strict(make_site) -> None:
    _, text = statement(make_site, WITH_CONTACT)
    assert "我们会在5个工作日内答复您。" in text and "请通过上面的联系方式告诉我们" in text
    assert "如果您遇到无障碍问题，请告诉我们。" in text
    strict = build_site(make_site(config=config_with(WITH_CONTACT)), "--strict")
    assert strict.returncode == 0, strict.output
    assert "无障碍声明没有" not in strict.output


@pytest.mark.parametrize(
    ("conformance", "limitations", "says"),
    [
        ("full", "[]", "目前没有已知的无障碍问题。"),
        ("partial", "[]", "具体问题尚未逐项列出"),
        ("none", "[]", "具体问题尚未逐项列出"),
        ("partial", "[表格在手机上需要左右滚动。]", "表格在手机上需要左右滚动。"),
    ],
)
def test_what_is_known_agrees_with_the_conformance(make_site, conformance, limitations, says) -> None:
    options = WITH_CONTACT + f"  conformance: {conformance}\n  limitations: {limitations}\n"
    _, text = statement(make_site, options)
    assert says in text
    if conformance != "full":
        assert "目前没有已知的无障碍问题" not in text


def test_a_report_contact_is_enough(make_site) -> None:
    report = REPORT_YML + "contact:\n  phone: 010-12345678\n"
    build, text = statement(make_site, files={"content/t-2024/report.yml": report})
    assert "没有反映无障碍问题的联系方式" not in build.output
    assert "我们会在5个工作日内答复您。" in text
