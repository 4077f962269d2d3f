"""Architecture rules for the shape of the code: no import cycles, small modules, private stays private."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "bodymap"
MAX_LINES = 400
# Temporary, each naming the change that removes it; the test fails once an exemption is stale.
CYCLE_EXEMPT: list[set[str]] = []


def module_files() -> dict[str, Path]:
    """Dotted module name -> file, for every module of bodymap except Alembic's migrations."""
    found = {}
    for f in sorted(PKG.rglob("*.py")):
        if "migrations" in f.relative_to(PKG).parts:
            continue
        parts = list(f.relative_to(PKG.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = f
    return found


def imported_names(path: Path, module: str) -> Iterator[str]:
    """Every dotted name `module` imports, anywhere in the file (functions and TYPE_CHECKING
    blocks included: a deferred import hides a cycle, it does not remove it)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            # "from pkg import mod" needs mod, not pkg's __init__ to have finished
            yield from (f"{base}.{a.name}" for a in node.names)


def import_graph() -> dict[str, set[str]]:
    """Module -> the bodymap modules it imports (a name inside a module counts as that module)."""
    files = module_files()

    def owner(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        targets = {owner(n) for n in imported_names(path, module) if n.startswith("bodymap")}
        graph[module] = {t for t in targets if t is not None and t != module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components with more than one member (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(component)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def package_of(module: str) -> str:
    """The layer a module belongs to: a ui subpackage, else a top-level bodymap package."""
    parts = module.split(".")
    depth = 3 if parts[1:2] == ["ui"] and len(parts) >= 3 else 2
    return ".".join(parts[:depth])


def test_cycle_finder_finds_a_cycle_and_nothing_else():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [{"a", "b", "c"}]


def test_the_graph_sees_every_kind_of_import():
    graph = import_graph()
    assert "bodymap.ui.chart.gestures" in graph["bodymap.ui.chart.tools"]  # from X import Y
    assert "bodymap.ui.shell.main_window" in graph["bodymap.app"]  # inside a function
    assert "bodymap.ops.clients" in graph["bodymap.ui.shell.main_window"]  # from pkg import mod
    assert graph["bodymap.ui.chart.session"] >= {"bodymap.model", "bodymap.ui.chart._undo"}


def test_no_import_cycle_between_modules():
    found = cycles(import_graph())
    unexpected = [sorted(c) for c in found if c not in CYCLE_EXEMPT]
    assert not unexpected, (
        f"import cycles (break them with a protocol or a lower module): {unexpected}"
    )
    stale = [sorted(c) for c in CYCLE_EXEMPT if c not in found]
    assert not stale, f"these cycles are gone: remove their exemption above: {stale}"


def test_packages_only_point_down():
    """No two packages (a top-level bodymap package, or a ui subpackage) import each other."""
    graph: dict[str, set[str]] = {}
    for module, targets in import_graph().items():
        here = package_of(module)
        graph.setdefault(here, set()).update(
            package_of(t) for t in targets if package_of(t) != here
        )
    assert not cycles(graph), f"packages importing each other: {cycles(graph)}"


def test_no_module_over_the_size_limit():
    too_long = {
        str(path.relative_to(PKG.parent)): n
        for path in module_files().values()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not too_long, f"modules over {MAX_LINES} lines (split along their seams): {too_long}"


def test_private_modules_are_imported_only_inside_their_package():
    """A module whose name starts with one underscore belongs to its package: another ui
    subpackage (or any other package) must go through that package's public modules."""
    offences = []
    for module, targets in import_graph().items():
        for target in targets:
            package, _, name = target.rpartition(".")
            private = name.startswith("_") and not name.startswith("__")
            if private and not module.startswith(package + "."):
                offences.append(f"{module} imports {target}")
    assert not offences, offences
