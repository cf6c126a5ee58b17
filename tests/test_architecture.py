"""Promises about the code's shape: analysis/ and charts/ never import Streamlit, and the
README documents exactly the columns the schema declares."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import schema

ROOT = Path(__file__).resolve().parents[1]
ANALYSIS_MODULES = sorted(
    "analysis." + p.relative_to(ROOT / "analysis").with_suffix("").as_posix().replace("/", ".")
    for p in (ROOT / "analysis").rglob("*.py") if p.name != "__init__.py"
)

CHART_MODULES = sorted("charts." + p.stem for p in (ROOT / "charts").glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("modules", [ANALYSIS_MODULES, CHART_MODULES], ids=["analysis", "charts"])
def test_every_module_imports_without_streamlit(modules):
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "assert 'streamlit' not in sys.modules, [m for m in sys.modules if m.startswith('streamlit')][:3]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]


def test_only_app_data_uses_streamlit_caches():
    users = [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*.py")
             if "tests" not in p.parts and re.search(r"st\.cache_(data|resource)", p.read_text(encoding="utf-8"))]
    assert users == ["app_data.py"]


def _readme_columns() -> dict[str, list[str]]:
    """Columns per table from the README's "Tables" section: `### name` then `| column | meaning |` rows."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Tables", 1)[1].split("\n## ", 1)[0]
    tables: dict[str, list[str]] = {}
    current = None
    for line in section.splitlines():
        heading = re.match(r"### `?(\w+)`?", line)
        if heading:
            current = heading.group(1)
            tables[current] = []
            continue
        cell = re.match(r"\|\s*`([\w]+)`\s*\|", line)
        if current and cell:
            tables[current].append(cell.group(1))
    return tables


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_readme_documents_every_column_of(table):
    assert _readme_columns().get(table) == schema.columns(table)


def _import_graph() -> dict[str, set[str]]:
    """Module -> the ``analysis`` modules it imports, at any level (function-level imports count too)."""
    import ast

    modules = {name: ROOT.joinpath(*name.split(".")).with_suffix(".py") for name in ANALYSIS_MODULES}
    packages = {"analysis." + p.parent.relative_to(ROOT / "analysis").as_posix().replace("/", "."): p
                for p in (ROOT / "analysis").rglob("__init__.py") if p.parent != ROOT / "analysis"}
    modules.update(packages)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("analysis"):
                # "from analysis.framing import roles" imports the submodule when there is one
                edges |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                          for a in node.names}
            elif isinstance(node, ast.Import):
                edges |= {a.name for a in node.names if a.name.startswith("analysis")}
        graph[name] = {e for e in edges if e in modules and e != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_analysis_has_no_import_cycles():
    assert _cycle(_import_graph()) is None, " -> ".join(_cycle(_import_graph()))


def _package_of(module: str) -> str:
    """``analysis.figures.scan`` -> ``analysis.figures``; a top-level module is its own unit."""
    parts = module.split(".")
    return ".".join(parts[:2])


def test_analysis_packages_have_no_import_cycles():
    """Stages depend one way: no package imports a package that imports it back, even through other modules."""
    packages: dict[str, set[str]] = {}
    for module, imported in _import_graph().items():
        packages.setdefault(_package_of(module), set()).update(
            _package_of(other) for other in imported if _package_of(other) != _package_of(module))
    assert _cycle(packages) is None, " -> ".join(_cycle(packages))


FIGURE_LAYERS = ("qualifiers", "counts", "partials", "status", "background", "attribution", "may_rise", "not_counts",
                 "plural_members")


@pytest.mark.parametrize("module, allowed", [
    ("lexicon", {"data", "figures.numbers"}),
    ("quantities", {"figures.numbers", "figures.lexicon"}),
    *((layer, {"figures.numbers", "figures.lexicon", "figures.quantities"}) for layer in FIGURE_LAYERS),
    ("scan", {"figures.numbers", "figures.lexicon", "figures.quantities", *("figures." + m for m in FIGURE_LAYERS)}),
])
def test_figure_rule_layers_import_only_the_layers_below(module, allowed):
    """lexicon <- quantities <- one layer per kind of decision <- scan <- ledger: a layer never imports another."""
    imports = {m.removeprefix("analysis.") for m in _import_graph()[f"analysis.figures.{module}"]}
    assert imports <= allowed, sorted(imports - allowed)


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_analysis_module_is_much_over_600_lines():
    sizes = {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in (ROOT / "analysis").rglob("*.py")}
    assert {path: n for path, n in sizes.items() if n > 650} == {}
