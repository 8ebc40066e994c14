"""The package's layout rules (issue 8, DESIGN.md section 3), read from the source with ``ast``.

- No import cycles between send_toolkit's modules (imports under ``if TYPE_CHECKING:`` don't run, so don't count).
- No imports of the package's own modules inside functions, except where Django requires it
  (``AppConfig.ready``); migrations are left out.
- ``send_toolkit/domain/`` is plain Python: it imports no Django, Wagtail or other third-party package.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "send_toolkit"
# Where Django says an import must wait for the app registry: ``AppConfig.ready`` in any of the package's apps.py.
ALLOWED_INNER_FUNCTION = "ready"


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int
    function: str | None  # the enclosing function, for an import inside one
    type_checking: bool


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules(package: Path = PACKAGE) -> dict[str, Path]:
    return {
        module_name(path, package): path
        for path in sorted(package.rglob("*.py"))
        if "migrations" not in path.relative_to(package).parts
    }


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(importer: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> Iterator[Import]:
    """Every import in one module, with the function it sits in (if any) and whether it is TYPE_CHECKING-only."""
    tree = ast.parse(path.read_text(), filename=str(path))
    is_package = path.name == "__init__.py"

    def visit(node: ast.AST, function: str | None, type_checking: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield from visit(child, function or child.name, type_checking)
            elif isinstance(child, ast.If) and _is_type_checking(child):
                yield from visit(child, function, True)
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    yield Import(name, alias.name, child.lineno, function, type_checking)
            elif isinstance(child, ast.ImportFrom):
                source = _resolve(name, is_package, child)
                for alias in child.names:
                    submodule = f"{source}.{alias.name}"
                    target = submodule if submodule in modules else source
                    yield Import(name, target, child.lineno, function, type_checking)
            else:
                yield from visit(child, function, type_checking)

    yield from visit(tree, None, False)


def all_imports(package: Path = PACKAGE) -> list[Import]:
    modules = package_modules(package)
    return [found for name, path in modules.items() for found in imports_of(name, path, modules)]


def _own(module: str) -> bool:
    return module == "send_toolkit" or module.startswith("send_toolkit.")


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module → the package's modules it imports when it is imported (function bodies and TYPE_CHECKING aside).

    Importing ``a.b.c`` runs ``a/__init__.py`` and ``a/b/__init__.py`` first, so those count as imported too,
    except for the importer's own enclosing packages: Python has already imported them before the importer runs,
    so a package that re-exports its submodules (``blocks/__init__.py``) is no cycle with them.
    """
    modules = package_modules(package)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for found in all_imports(package):
        if found.function is not None or found.type_checking or not _own(found.imported):
            continue
        parts = found.imported.split(".")
        for end in range(1, len(parts) + 1):
            target = ".".join(parts[:end])
            implicit_enclosing = end < len(parts) and found.importer.startswith(target + ".")
            if target in modules and target != found.importer and not implicit_enclosing:
                graph[found.importer].add(target)
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), each as one cycle through it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = [0]
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))

    def connect(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return groups


def test_the_package_has_no_import_cycles():
    cycles = find_cycles(import_graph())
    assert not cycles, "import cycles between send_toolkit modules:\n" + "\n".join(" ↔ ".join(c) for c in cycles)


def hidden_imports(package: Path = PACKAGE) -> list[str]:
    """The package's own modules imported inside functions, outside the places Django requires it."""
    return [
        f"{found.importer}:{found.line} imports {found.imported} inside {found.function}()"
        for found in all_imports(package)
        if found.function is not None
        and _own(found.imported)
        and not (found.importer.rsplit(".", 1)[-1] == "apps" and found.function == ALLOWED_INNER_FUNCTION)
    ]


def domain_violations(package: Path = PACKAGE) -> list[str]:
    """Imports in ``domain/`` of anything but the standard library and ``domain/`` itself."""
    return [
        f"{found.importer}:{found.line} imports {found.imported}"
        for found in all_imports(package)
        if found.importer.startswith("send_toolkit.domain")
        and found.imported.split(".")[0] not in sys.stdlib_module_names
        and not found.imported.startswith("send_toolkit.domain")
        and found.imported != "__future__"
    ]


def test_no_module_imports_the_package_inside_a_function():
    hidden = hidden_imports()
    assert not hidden, "imports hidden inside functions:\n" + "\n".join(hidden)


def test_domain_imports_only_the_standard_library_and_itself():
    violations = domain_violations()
    assert not violations, "send_toolkit/domain must stay plain Python:\n" + "\n".join(violations)


# The checks above must be able to fail: each is run on a tiny package made to break it.


@pytest.fixture
def tiny_package(tmp_path: Path) -> Path:
    root = tmp_path / "send_toolkit"
    (root / "domain").mkdir(parents=True)
    for init in (root / "__init__.py", root / "domain" / "__init__.py"):
        init.write_text("")
    return root


def test_a_cycle_between_two_modules_is_found(tiny_package: Path):
    (tiny_package / "pages.py").write_text("from send_toolkit.blocks import Block\n")
    (tiny_package / "blocks.py").write_text("import send_toolkit.pages\nclass Block: ...\n")
    assert find_cycles(import_graph(tiny_package)) == [["send_toolkit.blocks", "send_toolkit.pages"]]


def test_an_import_inside_a_function_is_no_cycle_but_is_reported(tiny_package: Path):
    (tiny_package / "pages.py").write_text("from send_toolkit.blocks import Block\n")
    (tiny_package / "blocks.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from send_toolkit import pages\n"
        "def later():\n    from send_toolkit.pages import x\nclass Block: ...\n"
    )
    assert find_cycles(import_graph(tiny_package)) == []
    assert hidden_imports(tiny_package) == ["send_toolkit.blocks:5 imports send_toolkit.pages inside later()"]


def test_django_in_the_domain_is_reported(tiny_package: Path):
    (tiny_package / "domain" / "money.py").write_text("from decimal import Decimal\nfrom django.db import models\n")
    (tiny_package / "domain" / "words.py").write_text("import re\nfrom send_toolkit.domain import money\n")
    assert domain_violations(tiny_package) == ["send_toolkit.domain.money:2 imports django.db"]
