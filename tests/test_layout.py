"""The shape of the package (issue 17): no import cycles between its modules, and no module so
long that a newcomer cannot read it whole. Read from the source with `ast`; nothing is imported."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "tidings"
MAX_LINES = 400
MAX_CLASS_LINES = 300
LONG_FOR_NOW: set[str] = set()  # modules allowed over MAX_LINES (none)
LONG_CLASSES_FOR_NOW: set[str] = set()  # classes allowed over MAX_CLASS_LINES (none)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules this module imports anywhere in it (at the top, in a function, or
    for type checking only): each is a dependency a reader has to follow."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for a in node.names:  # `from . import x` and `from .pkg import mod` name modules
                found.add(f"{target}.{a.name}" if f"{target}.{a.name}" in known else target)
    return {m for m in found if m in known and m != name}


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports(name, path, set(found)) for name, path in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_the_graph_is_read():
    edges = graph()
    assert "tidings.store.schema" in edges["tidings.store"]
    assert "tidings.feeds" in edges["tidings.fetch"] and "tidings.feeds" in edges["tidings.ingest"]


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_a_cycle_is_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_is_too_long():
    long = {
        name: n
        for name, path in modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert set(long) <= LONG_FOR_NOW, f"modules over {MAX_LINES} lines: {long}"


def test_no_class_is_too_long():
    long = {}
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef) or node.end_lineno is None:
                continue
            if (n := node.end_lineno - node.lineno + 1) > MAX_CLASS_LINES:
                long[f"{name}.{node.name}"] = n
    assert set(long) <= LONG_CLASSES_FOR_NOW, f"classes over {MAX_CLASS_LINES} lines: {long}"


# What each folder may import (docs/design.md, "The package"): the store takes records in and
# gives dicts out, knowing nothing of how articles are read or coded; its read side knows
# nothing of its write side; nothing in the library imports the CLI or the web app.
STORE_MAY_IMPORT = {"errors", "kb", "names", "records", "resolve", "merge", "copies", "ontology", "dates"}
WRITE_SIDE = {
    "tidings.store.write",
    "tidings.store.merging",
    "tidings.store.resolution",
    "tidings.store.corrections",
}


def test_folders_import_what_the_design_says():
    wrong = []
    for name, deps in graph().items():
        if name.startswith("tidings.store"):
            outside = {d.removeprefix("tidings.") for d in deps if not d.startswith("tidings.store")}
            wrong += [f"{name} -> {d}" for d in sorted(outside - STORE_MAY_IMPORT)]
        if name.startswith("tidings.store.read"):
            wrong += [f"{name} -> {d}" for d in sorted(deps & WRITE_SIDE)]
        if not name.startswith(("tidings.cli", "tidings.web")):
            wrong += [f"{name} -> {d}" for d in sorted(deps) if d.startswith(("tidings.cli", "tidings.web"))]
        if name.startswith(
            ("tidings.coding", "tidings.actors")
        ):  # reading an article never touches the store
            wrong += [
                f"{name} -> {d}" for d in sorted(deps) if d.startswith(("tidings.store", "tidings.api"))
            ]
    assert wrong == []
