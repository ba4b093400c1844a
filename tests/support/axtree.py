"""Chromium's accessibility tree, as screen readers receive it, read through the DevTools protocol.

``tree(page)`` walks ``Accessibility.getFullAXTree`` into :class:`Node` objects: only the nodes a screen
reader is given (ignored nodes are skipped, their children kept), each with its role, accessible name,
description, the properties Chromium gives it (level, pressed, focusable, expanded …) and the attributes
of its element (``aria-current``, which the protocol's properties leave out, is read there).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

LANDMARKS = {"banner", "navigation", "main", "contentinfo", "region", "search", "complementary", "form"}
"""The roles screen readers list as landmarks."""
TEXT = {"StaticText", "InlineTextBox"}


@dataclass
class Node:
    """One node of the tree a screen reader is given."""

    role: str
    name: str
    description: str = ""
    properties: dict[str, Any] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)
    """The attributes of the element behind the node (none for text)."""
    children: list[Node] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        """This node and every node under it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find_all(self, test: Callable[[Node], bool]) -> list[Node]:
        return [node for node in self.walk() if test(node)]

    def landmarks(self) -> list[tuple[str, str]]:
        """(role, name) of every landmark, in document order."""
        return [(n.role, n.name) for n in self.walk() if n.role in LANDMARKS]

    def headings(self) -> list[tuple[int, str]]:
        """(level, name) of every heading, in document order."""
        return [(int(n.properties.get("level", 0)), n.name) for n in self.walk() if n.role == "heading"]

    def text(self) -> str:
        """The text under this node, as a screen reader reading on would meet it."""
        return "".join(n.name for n in self.walk() if n.role == "StaticText")

    def __str__(self) -> str:
        return self.outline()

    def outline(self, depth: int = 0) -> str:
        """The tree as indented lines (text nodes left out): for failure messages."""
        shown = self.role not in TEXT and self.role not in ("generic", "none")
        lines = [f"{'  ' * depth}{self.role} {self.name!r}"] if shown else []
        for child in self.children:
            lines.append(child.outline(depth + 1 if shown else depth))
        return "\n".join(line for line in lines if line)


def tree(page: Any) -> Node:
    """The accessibility tree of ``page``'s document, from Chromium."""
    session = page.context.new_cdp_session(page)
    try:
        document = session.send("DOM.getDocument", {"depth": -1})["root"]
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    by_id = {node["nodeId"]: node for node in nodes}
    attributes: dict[int, dict[str, str]] = {}
    pending = [document]
    while pending:
        element = pending.pop()
        listed = element.get("attributes", [])
        attributes[element["backendNodeId"]] = dict(zip(listed[::2], listed[1::2], strict=True))
        pending.extend(element.get("children", []))

    def build(raw: dict[str, Any]) -> list[Node]:
        children = [n for child in raw.get("childIds", []) if child in by_id for n in build(by_id[child])]
        if raw.get("ignored"):
            return children
        properties = {p["name"]: p["value"].get("value") for p in raw.get("properties", [])}
        return [
            Node(
                role=raw.get("role", {}).get("value", ""),
                name=raw.get("name", {}).get("value", ""),
                description=raw.get("description", {}).get("value", ""),
                properties=properties,
                attributes=attributes.get(raw.get("backendDOMNodeId", -1), {}),
                children=children,
            )
        ]

    (root,) = build(nodes[0])
    return root
