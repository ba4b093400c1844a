"""Hostile content: text and Markdown that would run a script, load another site or pass for the
site's own components if it reached a page unescaped or unsanitised.

Every payload that could run calls ``alert`` (a browser test listens for dialogs), and every one
that could load something names a host under ``evil.example`` (a browser test listens for
requests). ``keep`` is the harmless text a reader must still see after sanitising.
"""

from __future__ import annotations

from dataclasses import dataclass

EVIL = "evil.example"
"""Every host a payload tries to reach is this one or a sub-domain of it."""

MARKER = "Xssprobe"
"""A word in the harmless text of every Markdown payload: the search test looks it up."""


@dataclass(frozen=True)
class Payload:
    name: str
    text: str
    keep: str | None = None
    """Text that stays visible: for plain text the text itself (None), for Markdown the harmless
    text left after sanitising ("" when nothing harmless is left)."""

    @property
    def shown(self) -> str:
        return self.text if self.keep is None else self.keep


# -- plain text: titles, names, notes, contact details --------------------------------------------
# Shown escaped, exactly as written: the reader sees these characters, nothing runs.
TEXT = [
    Payload("title_breakout", "x</title><img src=x onerror=alert(1)>标题"),
    Payload("tag", "<img src=x onerror=alert(2)>名称"),
    Payload("script", "<script>alert(3)</script>说明"),
    Payload("double_quote", '"><svg onload=alert(4)>引号'),
    Payload("single_quote", "'><svg onload=alert(5)>单引号"),
    Payload("backtick", "`${alert(6)}`反引号 </script><script>alert(6)</script>"),
    Payload("entity", "&lt;img src=x onerror=alert(7)&gt;实体 &amp; &#60;b&#62;"),
    Payload("jinja", "{{ 7*7 }}{% if true %}模板{% endif %}{{ config }}{# x #}"),
    Payload("textarea", "</textarea></noscript></style><img src=x onerror=alert(8)>结束"),
    Payload("javascript_text", "javascript:alert(9)"),
]

EMAIL = '"><svg/onload=alert(10)>@x.cn'
"""A contact e-mail that passes the model's pattern (no spaces, one @, a dot after it)."""
PHONE = "(0898) 6872-3456 转 8、+86 898 6872 3457"
"""A contact phone the model accepts, with what a tel: link must encode (spaces, parentheses, 转, 、)."""
HOSTILE_PHONE = '"><img src=x onerror=alert(11)>0898-1'
"""Markup in a phone number: refused by the model (tests/unit/test_content_consistency.py)."""


# -- Markdown: every field the renderer turns into HTML ----------------------------------------
# Each is one Markdown text; in a list field each is one item.
MARKDOWN = [
    # Scripts and their hiding places.
    Payload("script", f"<script>alert(20)</script>{MARKER}甲", f"{MARKER}甲"),
    Payload("script_src", f'<script src="https://{EVIL}/x.js"></script>{MARKER}乙', f"{MARKER}乙"),
    Payload("script_block", f"<script>\nalert(21)\n</script>\n\n{MARKER}丙", f"{MARKER}丙"),
    Payload("svg_onload", f"<svg onload=alert(22)><circle r=1 /></svg>{MARKER}丁", f"{MARKER}丁"),
    Payload("svg_script", f"<svg><script>alert(23)</script></svg>{MARKER}戊", f"{MARKER}戊"),
    Payload(
        "svg_link", f'<svg><a xlink:href="https://{EVIL}/svg"><text y="9">{MARKER}svg</text></a></svg>', ""
    ),
    Payload("iframe", f'<iframe src="javascript:alert(25)"></iframe>{MARKER}庚', f"{MARKER}庚"),
    Payload(
        "iframe_srcdoc", f'<iframe srcdoc="<script>alert(26)</script>"></iframe>{MARKER}辛', f"{MARKER}辛"
    ),
    Payload(
        "object",
        f'<object data="javascript:alert(27)"></object><embed src="https://{EVIL}/e">{MARKER}壬',
        f"{MARKER}壬",
    ),
    Payload(
        "details",
        f"<details open ontoggle=alert(28)><summary>{MARKER}摘要</summary>详情</details>",
        f"{MARKER}摘要",
    ),
    # Event handlers on many elements.
    Payload("img_onerror", f"<img src=x onerror=alert(29)>{MARKER}图", f"{MARKER}图"),
    Payload("p_onclick", f'<p onclick="alert(30)" onmouseover="alert(30)">{MARKER}段</p>', f"{MARKER}段"),
    Payload("body_onload", f"<body onload=alert(31)>{MARKER}体", f"{MARKER}体"),
    Payload("input_autofocus", f"<input autofocus onfocus=alert(32)>{MARKER}输入", f"{MARKER}输入"),
    Payload(
        "video",
        f"<video><source onerror=alert(33)></video><audio src=x onerror=alert(33)>{MARKER}音",
        f"{MARKER}音",
    ),
    Payload("marquee", f"<marquee onstart=alert(34)>{MARKER}跑马灯</marquee>", f"{MARKER}跑马灯"),
    Payload(
        "div_pointer",
        f'<div onpointerenter="alert(35)" style="position:fixed;inset:0">{MARKER}层</div>',
        f"{MARKER}层",
    ),
    # Links that run a script.
    Payload("js_link", f'<a href="javascript:alert(40)">{MARKER}链接一</a>', f"{MARKER}链接一"),
    Payload("js_entity", f'<a href="&#106;avascript:alert(41)">{MARKER}链接二</a>', f"{MARKER}链接二"),
    Payload("js_tab", f'<a href="java&#x09;script:alert(42)">{MARKER}链接三</a>', f"{MARKER}链接三"),
    Payload("js_space_case", f'<a href=" JaVaScRiPt:alert(43)">{MARKER}链接四</a>', f"{MARKER}链接四"),
    Payload("js_markdown", f"[{MARKER}链接五](javascript:alert(44))", f"{MARKER}链接五"),
    Payload("js_markdown_entity", f"[{MARKER}链接六](jav&#x61;script:alert(45))", f"{MARKER}链接六"),
    Payload("js_autolink", f"<javascript:alert(46)> {MARKER}链接七", f"{MARKER}链接七"),
    Payload("js_reference", f"[{MARKER}链接八][r]\n\n[r]: javascript:alert(47)", f"{MARKER}链接八"),
    Payload(
        "data_link",
        f"[{MARKER}链接九](data:text/html;base64,PHNjcmlwdD5hbGVydCg0OCk8L3NjcmlwdD4=)",
        f"{MARKER}链接九",
    ),
    Payload("vbscript", f'<a href="vbscript:msgbox(49)">{MARKER}链接十</a>', f"{MARKER}链接十"),
    Payload(
        "formaction", f'<button formaction="javascript:alert(50)">{MARKER}按钮</button>', f"{MARKER}按钮"
    ),
    # Attribute lists (attr_list): setting what the site's own scripts trust.
    Payload(
        "attr_continue", f"[{MARKER}继续](https://{EVIL}/a){{data-rectify-leave-continue}}", f"{MARKER}继续"
    ),
    Payload(
        "attr_leave",
        f'[{MARKER}政府网](https://{EVIL}/b){{data-rectify-leave="https://www.gov.cn/"}}',
        f"{MARKER}政府网",
    ),
    Payload("attr_onclick", f'[{MARKER}点击](#){{onclick="alert(51)"}}', f"{MARKER}点击"),
    Payload(
        "attr_paragraph",
        f'{MARKER}属性段\n{{: onmouseover="alert(52)" style="position:fixed;inset:0" }}',
        f"{MARKER}属性段",
    ),
    Payload("attr_target", f"[{MARKER}新窗口](https://{EVIL}/c){{target=_blank}}", f"{MARKER}新窗口"),
    Payload(
        "attr_pagefind",
        f'{MARKER}筛选\n{{: data-pagefind-filter="status:completed" data-pagefind-meta="title:假" }}',
        f"{MARKER}筛选",
    ),
    Payload("attr_md", f'{MARKER}组件\n{{: data-md-component="header" .md-typeset }}', f"{MARKER}组件"),
    Payload(
        "attr_badge",
        f"{MARKER}已完成\n{{: .rectify-badge .rectify-badge--completed data-status=completed }}",
        f"{MARKER}已完成",
    ),
    Payload("attr_id", f"{MARKER}锚点\n{{: #__drawer }}", f"{MARKER}锚点"),
    # Raw HTML that leaves the site or changes the page.
    Payload(
        "code_link", f'<code><a href="https://{EVIL}/code">{MARKER}代码链接</a></code>', f"{MARKER}代码链接"
    ),
    Payload("pre_link", f'<pre><a href="https://{EVIL}/pre">{MARKER}预排链接</a></pre>', f"{MARKER}预排链接"),
    Payload(
        "form",
        f'<form action="https://{EVIL}/f"><input name=q><button>{MARKER}提交</button></form>',
        f"{MARKER}提交",
    ),
    Payload("base", f'<base href="https://{EVIL}/">{MARKER}基准', f"{MARKER}基准"),
    Payload(
        "meta_refresh",
        f'<meta http-equiv="refresh" content="0;url=https://{EVIL}/m">{MARKER}刷新',
        f"{MARKER}刷新",
    ),
    Payload(
        "link_css", f'<link rel="stylesheet" href="https://{EVIL}/x.css">{MARKER}样式表', f"{MARKER}样式表"
    ),
    Payload(
        "css_url", f'<div style="background:url(https://{EVIL}/bg.png)">{MARKER}背景</div>', f"{MARKER}背景"
    ),
    Payload("style_import", f"<style>@import 'https://{EVIL}/i.css';</style>{MARKER}导入", f"{MARKER}导入"),
    Payload("remote_img", f'<img src="https://{EVIL}/i.png" alt="{MARKER}远程图">', ""),
    Payload("remote_img_md", f"![{MARKER}远程图二](https://{EVIL}/j.png)", ""),
    Payload("remote_img_scheme_relative", f"![{MARKER}远程图三](//{EVIL}/k.png)", ""),
    Payload("remote_img_backslash", f'<img src="/\\{EVIL}/l.png" alt="{MARKER}远程图四">', ""),
    # Protected attributes, ids and classes.
    Payload(
        "data_leave",
        f'<a href="https://{EVIL}/d" data-rectify-leave-continue>{MARKER}数据</a>',
        f"{MARKER}数据",
    ),
    Payload("data_care", f"<span data-rectify-care-toggle>{MARKER}关怀</span>", f"{MARKER}关怀"),
    Payload(
        "id_clobber",
        f'<div id="rectify-leave">{MARKER}对话框</div><a id="__config" name="x">配置</a>',
        f"{MARKER}对话框",
    ),
    Payload("name_clobber", f'<img name="getElementById" alt="{MARKER}名字"><form name="body"></form>', ""),
    Payload(
        "fake_badge",
        f'<span class="rectify-badge rectify-badge--completed">{MARKER}假徽章</span>',
        f"{MARKER}假徽章",
    ),
    Payload("summary_id", f'<h2 id="summary">{MARKER}概况</h2>\n\n[回到概况](#summary)', f"{MARKER}概况"),
    # Quotes in attribute values, and template syntax.
    Payload("quotes", f"<abbr title='a\"b`c<d>e&amp;f'>{MARKER}缩写</abbr>", f"{MARKER}缩写"),
    Payload(
        "jinja",
        f"{{{{ 7*7 }}}}{{% if true %}}{MARKER}模板{{% endif %}}{{{{ config.site_name }}}}",
        f"{{{{ 7*7 }}}}{{% if true %}}{MARKER}模板{{% endif %}}",
    ),
    # Broken markup: unclosed tags, comments and CDATA.
    Payload("cdata", f"<![CDATA[<img src=x onerror=alert(60)>]]>{MARKER}字符", f"{MARKER}字符"),
    Payload("unclosed_a", f'{MARKER}未闭合 <a href="javascript:alert(61)"', f"{MARKER}未闭合"),
    Payload("unclosed_img", f"{MARKER}未闭合图 <img src=x onerror=alert(62)//", f"{MARKER}未闭合图"),
    Payload("unclosed_comment", f"{MARKER}注释前 <!-- <img src=x onerror=alert(63)>", f"{MARKER}注释前"),
    Payload("math_style", f"<math><mtext><table><mglyph><style><img src=x onerror=alert(24)>{MARKER}己", ""),
    Payload("unclosed_tags", f"<b><i><div><table><tr><td>{MARKER}表格", f"{MARKER}表格"),
]

ALERT_WORDS = ("alert(", "onerror", "onload", "ontoggle", "onclick", "onmouseover", "onfocus", "onstart")
"""Words that only a payload that survived sanitising would bring into an attribute or a script."""
