"""The government conventions of the footer (主办单位, 标识码, 备案号, 党政机关 mark), from the options.

What ``partials/rectify/government.html`` prints as ``rectify.government``; its links are known
here, before any page is rendered, so that the leave notices can be made for them. Imports nothing
from MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the validated options; only their values are read
    from mkdocs_rectify.config import GovernmentConfig

__all__ = ["ICP_REGISTRY", "POLICE_REGISTRY", "GovernmentFooter"]

ICP_REGISTRY = "https://beian.miit.gov.cn/"
"""Where an ICP filing number (ICP备案号) is checked: the MIIT filing system."""
POLICE_REGISTRY = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"
"""Where a public security filing (公安备案号) is checked, by its number."""


@dataclass(frozen=True)
class GovernmentFooter:
    """The footer's government conventions; each is None when the site gives none."""

    sponsor: str | None = None
    site_code: str | None = None
    icp: str | None = None
    police: str | None = None
    mark_image: str | None = None
    """The 党政机关 mark's image, a path in the site."""
    mark_link: str | None = None

    @property
    def icp_url(self) -> str | None:
        return ICP_REGISTRY if self.icp else None

    @property
    def police_url(self) -> str | None:
        return POLICE_REGISTRY.format(code=re.sub(r"\D", "", self.police)) if self.police else None

    @property
    def empty(self) -> bool:
        return not (self.sponsor or self.site_code or self.icp or self.police or self.mark_image)

    def links(self) -> list[str]:
        """The addresses the footer links to (each goes through the leave notice unless allowed)."""
        return [url for url in (self.icp_url, self.police_url, self.mark_link) if url]

    @classmethod
    def from_options(cls, options: GovernmentConfig) -> GovernmentFooter:
        code = options.site_code
        return cls(
            sponsor=options.sponsor,
            site_code=str(code) if code is not None else None,
            icp=options.icp,
            police=options.police,
            mark_image=options.mark.image,
            mark_link=options.mark.link if options.mark.image else None,
        )
