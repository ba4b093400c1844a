"""Components' partials rendered with plain Jinja, without a build: what each prints for its
parameters (the examples of its README), and that text from content or options is escaped."""

from __future__ import annotations

import re

import pytest
from support.htmlcheck import dangers, parse
from support.partials import Partials

from mkdocs_rectify.model import Status

HOSTILE = '"><img src=x onerror=alert(1)>'
BADGE = '{% include "partials/rectify/badge.html" %}'


@pytest.mark.parametrize("status", list(Status))
def test_the_badge_says_the_status_in_words_with_an_icon_hidden_from_screen_readers(status: Status) -> None:
    html = Partials().render(BADGE, status=status)
    [badge] = [e for e in parse(html).elements if "rectify-badge" in e.classes]
    code = status.value
    assert badge.classes == ["rectify-badge", f"rectify-badge--{code.replace('_', '-')}"]
    assert badge.attrs["data-status"] == code
    icon = next(e for e in parse(html).elements if e.tag == "svg")
    assert icon.attrs["aria-hidden"] == "true" and icon.attrs["focusable"] == "false"
    text = re.search(r'<span class="rectify-badge__text">(.*?)</span>', html)
    assert text is not None and text.group(1) == Partials().env.globals["rectify"].status(code)
    # A status code or a Status: the same badge.
    assert Partials().render(BADGE, status=code) == html


def test_the_badge_escapes_a_sites_label() -> None:
    html = Partials({"completed": HOSTILE}).render(BADGE, status="completed")
    assert dangers(html, running=frozenset({"img", "script"})) == []
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


CONTACT = (
    '{% from "partials/rectify/macros.html" import contact as c %}'
    '{{ c(contact, ["phone", "address", "postcode", "email"], "report", "rectify-contact__facts", label) }}'
)


def test_the_contact_list_links_phone_and_email_in_order_and_skips_what_is_missing() -> None:
    contact = {"phone": "(0898) 6872-3456", "email": "a@b.cn", "address": None, "postcode": "570100"}
    html = Partials().render(CONTACT, contact=contact, label="联系方式")
    document = parse(html)
    dl = next(e for e in document.elements if e.tag == "dl")
    assert dl.classes == ["rectify-facts", "rectify-contact__facts"] and dl.attrs["aria-label"] == "联系方式"
    assert [e.attrs["href"] for e in document.elements if e.tag == "a"] == [
        "tel:0898-6872-3456",
        "mailto:a%40b.cn",
    ]
    # In the order asked for, each labelled by the locale; no address given: no row.
    assert re.findall(r"<dt>(.*?)</dt>", html) == ["联系电话", "邮政编码", "电子邮箱"]
    assert document.text.index("6872-3456") < document.text.index("570100") < document.text.index("a@b.cn")


def test_the_contact_list_escapes_every_value_and_the_label() -> None:
    contact = {"phone": HOSTILE, "email": HOSTILE + "@x.cn", "address": HOSTILE, "postcode": None}
    html = Partials().render(CONTACT, contact=contact, label=HOSTILE)
    assert dangers(html, running=frozenset({"img", "script"})) == []
    assert html.count("&lt;img src=x onerror=alert(1)&gt;") == 4  # phone, e-mail, address, label
