"""The domain runs headless: none of its modules may import Textual, directly or through another module."""

from __future__ import annotations

import subprocess
import sys

import pytest

DOMAIN_MODULES = [
    "interviewer.store", "interviewer.schedule", "interviewer.session", "interviewer.live_interview",
    "interviewer.capture", "interviewer.processing", "interviewer.recorder", "interviewer.transcribe",
    "interviewer.pipeline", "interviewer.anonymise", "interviewer.export", "interviewer.speakers",
    "interviewer.review",
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
