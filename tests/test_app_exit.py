"""The app's process ends cleanly after the app closes, even with abandoned background threads."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60)


def test_an_abandoned_daemon_thread_ends_the_process_at_once_with_the_apps_code_and_flushed_output():
    result = run_python("""
        import threading, time
        from interviewer.cli.tui import leave_now_if_threads_remain
        threading.Thread(target=time.sleep, args=(600,), daemon=True).start()
        print("saved", end="")
        leave_now_if_threads_remain(3)
        print("never printed")
    """)
    assert result.returncode == 3 and result.stdout == "saved"


def test_a_thread_finishing_its_work_is_waited_for_and_without_daemon_threads_the_process_ends_normally():
    result = run_python("""
        import threading, time
        from interviewer.cli.tui import leave_now_if_threads_remain
        done = []
        threading.Thread(target=lambda: (time.sleep(0.3), done.append(1))).start()
        leave_now_if_threads_remain(0)
        print("returned", done)
    """)
    assert result.returncode == 0 and result.stdout.strip() == "returned [1]"
