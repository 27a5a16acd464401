"""A page's elements as a small tree, so tests can ask *where* something is, not only *whether*.

The guide's HTML comes from its own templates and markdown-it, which close every element,
so Python's ``html.parser`` is enough; no third-party parser is needed.
"""

from __future__ import annotations

from html.parser import HTMLParser

#: Elements that never have an end tag.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self._text: list[str] = []

    @property
    def text(self) -> str:
        """All the text inside, whitespace collapsed (like ``textContent``, tidied)."""
        return " ".join("".join(self._text).split())

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def within(self, tag: str, cls: str | None = None) -> bool:
        """Whether an ancestor is a ``tag`` (with class ``cls``, if given)."""
        return any(a.tag == tag and (cls is None or cls in a.classes) for a in self.ancestors())

    def iter(self):
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag)
            and (cls is None or cls in e.classes)
            and all(e.attrs.get(name) == value for name, value in attrs.items())
        ]

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>{self.text[:60]}"


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.open: list[Element] = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.open[-1])
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.open[-1])
        self.open[-1].children.append(element)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return
        raise AssertionError(f"</{tag}> closes nothing")

    def handle_data(self, data):
        for element in self.open:
            element._text.append(data)


def parse(html: str) -> Element:
    """The document's root; raises AssertionError on an end tag that closes nothing."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.open == [builder.root], f"unclosed elements: {builder.open[1:]}"
    return builder.root
