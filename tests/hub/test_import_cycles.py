"""No import cycles between the project's modules: reading the code top-down must never loop. Imports at module
level count; an import inside a function runs later, on call, and is how an app reaches another without tying
their loading together."""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("hub", "infrastructure", "methods", "stories", "events", "press", "search", "cockpit")


def _modules():
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def _imports(name, path, modules):
    """The project modules `name` imports at module level."""
    targets = set()
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names)
    return {t for t in targets if t in modules and t != name}


def _cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle():
    graph = defaultdict(set, {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    assert _cycles(graph) == [["a", "b", "c"]]


def test_no_module_imports_itself_through_others():
    modules = _modules()
    graph = defaultdict(set, {name: _imports(name, path, modules) for name, path in modules.items()})
    assert len(modules) > 100
    assert _cycles(graph) == []


CONTENT_APPS = ("methods", "stories", "events", "press", "search", "cockpit")


def _all_imports(path):
    """Every module `path` imports, at module level or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module)
    return names


def test_infrastructure_and_settings_import_no_content_app():
    """The machinery and the settings sit under every app: apps plug into them through Wagtail hooks and their
    AppConfig, never the other way round."""
    paths = [*(ROOT / "infrastructure").rglob("*.py"), *(ROOT / "hub" / "settings").rglob("*.py")]
    offending = {
        str(path.relative_to(ROOT)): sorted(name for name in _all_imports(path) if name.split(".")[0] in CONTENT_APPS)
        for path in paths
    }
    assert len(paths) > 15
    assert {path: names for path, names in offending.items() if names} == {}
