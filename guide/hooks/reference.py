"""A hook of the guide's MkDocs sites: the content format and configuration references, generated.

They are written at build time from the JSON Schemas the plugin publishes and from its typed
options (``mkdocs_rectify.reference``), in the guide's language, so the guide cannot describe a
field or an option other than the plugin checks it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from mkdocs_rectify.locale import locale_for_language
from mkdocs_rectify.mkdocs_reference import option_rows
from mkdocs_rectify.reference import content_reference, options_reference


def on_files(files: Files, config: MkDocsConfig) -> Files:
    code = locale_for_language(config.theme.get("language"))
    pages = {
        "reference/content.md": content_reference(code),
        "reference/options.md": options_reference(code, option_rows()),
    }
    for uri, text in pages.items():
        files.append(File.generated(config, uri, content=text))
    return files
