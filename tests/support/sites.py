"""Small sites that several tests build."""

from __future__ import annotations

from support.builds import MINIMAL_CONFIG, problem_file

SEARCH_SITE = {
    "mkdocs.yml": MINIMAL_CONFIG,
    "docs/.keep": "",
    "content/alpha-2021/report.yml": "title: 甲单位巡察整改情况通报\nissuer: 甲单位\npublished: 2021-06-01\n",
    "content/alpha-2021/01.md": problem_file(
        1, "热线接通率低", "completed", "12345热线接通率低，群众反映打不通。", units="[市民热线中心]"
    ),
    "content/alpha-2021/02.md": problem_file(
        2, "窗口服务态度差", "in_progress", "窗口人员在岗玩手机，热线投诉较多。", units="[政务服务中心]"
    ),
    "content/alpha-2021/03.md": problem_file(
        3, "超期办件多", "not_done", "超期办件较多，热线督办不力。", units="[政务服务中心, 市民热线中心]"
    ),
    "content/beta-2024/report.yml": "title: 乙单位巡察整改情况通报\nissuer: 乙单位\npublished: 2024-05-06\n",
    "content/beta-2024/01.md": problem_file(
        1, "热线回访不及时", "ongoing", "热线工单回访不及时。", units="[市民热线中心]"
    ),
    "content/beta-2024/02.md": problem_file(
        2, "电子保函推广慢", "completed", "电子保函推广慢。", units="[公共资源交易中心]"
    ),
}
"""Two reports, five problems, four statuses and three units: search results and every filter."""
