"""The domain runs headless: none of its modules may import Textual, directly or through another module."""

from __future__ import annotations

import subprocess
import sys

import pytest

DOMAIN_MODULES = [
    "interviewer.store", "interviewer.locations", "interviewer.locks", "interviewer.schedule",
    "interviewer.interview.session", "interviewer.interview.running", "interviewer.audio.capture",
    "interviewer.audio.recorder", "interviewer.processing", "interviewer.pipeline", "interviewer.transcribe.whisper",
    "interviewer.transcribe.live", "interviewer.anonymise", "interviewer.anonymise.study.interview",
    "interviewer.export.bundle", "interviewer.speakers.attribution", "interviewer.speakers.roles",
    "interviewer.review.redactions", "interviewer.review.transcript",
]


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_domain_module_does_not_import_textual(module):
    probe = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        "loaded = sorted(name for name in sys.modules if name == 'textual' or name.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} pulls in Textual: {result.stdout.strip()}"


UI_PACKAGES = ("interviewer.app", "interviewer.screens", "interviewer.widgets", "interviewer.cli")


def test_no_domain_module_imports_the_ui_even_inside_a_function():
    """A static check of every import statement (grimp, import-linter's graph), lazy ones included."""
    import grimp

    graph = grimp.build_graph("interviewer", include_external_packages=True, cache_dir=None)
    entry_points = ("interviewer.__main__",)
    domain = sorted(m for m in graph.modules if m.startswith("interviewer") and m not in entry_points
                    and not any(m == ui or m.startswith(ui + ".") for ui in UI_PACKAGES))
    assert "interviewer.store" in domain and "interviewer.pipeline" in domain
    offenders = {}
    for module in domain:
        for target in ("textual", *UI_PACKAGES):
            if target not in graph.modules:
                continue
            chain = graph.find_shortest_chain(importer=module, imported=target)
            if chain:
                offenders[module] = " -> ".join(chain)
    assert offenders == {}


def test_import_contracts_in_pyproject_hold():
    """The layering written in pyproject.toml ([tool.importlinter]) is checked by import-linter itself."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter), "--config", str(root / "pyproject.toml")], cwd=root,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_no_import_cycles_even_through_imports_inside_functions():
    import grimp

    graph = grimp.build_graph("interviewer", cache_dir=None)
    modules = sorted(m for m in graph.modules)
    cycles = []
    for module in modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith(module + ".") or module.startswith(imported + "."):
                continue  # a package's own re-exports, and a module of a package importing its parent
            if graph.chain_exists(importer=imported, imported=module):
                cycles.append(f"{module} -> {imported} -> ... -> {module}")
    assert cycles == []
