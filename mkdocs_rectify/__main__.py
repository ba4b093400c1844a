"""``python -m mkdocs_rectify`` runs the ``mkdocs-rectify`` command."""

from mkdocs_rectify.cli import main

main()
