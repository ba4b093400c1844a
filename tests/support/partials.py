"""A component's partial rendered with plain Jinja: the package's template loader, the autoescape
rule of its own templates, ``rectify`` (the template helpers) and ``rectify_fixed`` as every page has them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import DictLoader, Environment, StrictUndefined

from mkdocs_rectify.components import fixed_partials, template_loader
from mkdocs_rectify.locale import Locale
from mkdocs_rectify.views.templating import TemplateHelpers, autoescapes


class Partials:
    """Renders a snippet as one of the package's own templates (autoescaped), where it can include
    and import the components' partials; ``rectify`` speaks ``language`` with ``status_labels``."""

    def __init__(self, status_labels: Mapping[str, str] | None = None, language: str = "zh-CN") -> None:
        self._snippets = DictLoader({})
        self.env = Environment(
            loader=template_loader(self._snippets, None), autoescape=autoescapes, undefined=StrictUndefined
        )
        self.env.globals["rectify"] = TemplateHelpers(locale=Locale(language, status_labels))
        self.env.globals["rectify_fixed"] = fixed_partials()  # as components.install gives every page

    def render(self, source: str, **context: Any) -> str:
        name = f"partials/rectify/snippet-{len(self._snippets.mapping)}.html"
        self._snippets.mapping[name] = source
        return self.env.get_template(name).render(**context)
