"""The domain runs headless: none of its modules may import Textual, directly or through another module."""

from __future__ import annotations

import subprocess
import sys

import pytest

DOMAIN_MODULES = [
    "interviewer.store", "interviewer.schedule", "interviewer.interview.session", "interviewer.interview.running",
    "interviewer.audio.capture", "interviewer.processing", "interviewer.audio.recorder", "interviewer.transcribe.whisper",
    "interviewer.pipeline", "interviewer.anonymise", "interviewer.export", "interviewer.speakers.diarisation",
    "interviewer.review.redactions",
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
    if result.returncode != 0 and "ModuleNotFoundError: No module named 'interviewer." in result.stderr:
        pytest.skip(f"{module} does not exist yet")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} pulls in Textual: {result.stdout.strip()}"


UI_PACKAGES = ("interviewer.app", "interviewer.screens", "interviewer.widgets", "interviewer.cli")


def test_no_domain_module_imports_the_ui_even_inside_a_function():
    """A static check of every import statement (grimp, import-linter's graph), lazy ones included."""
    import grimp

    graph = grimp.build_graph("interviewer", include_external_packages=True)
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
