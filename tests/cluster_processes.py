"""Real Dask processes for the cluster tests: a `dask scheduler` and `dask worker`s on 127.0.0.1, stopped after."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path


class LoopbackCluster:
    """A scheduler and worker processes started as a user would (`dask scheduler`, `dask worker ADDRESS`)."""

    def __init__(self, folder: Path, workers: int = 2, nanny: bool = False):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.processes: list[subprocess.Popen] = []
        self.worker_processes: list[subprocess.Popen] = []
        scheduler_file = folder / "scheduler.json"
        self.scheduler = self._start([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                      "--port", "0", "--no-dashboard", "--scheduler-file", str(scheduler_file)])
        self.address = self._wait_for_address(scheduler_file)
        for number in range(workers):
            command = [sys.executable, "-m", "distributed.cli.dask_worker", self.address, "--nthreads", "1",
                       "--no-dashboard", "--name", f"w{number + 1}", "--local-directory", str(folder / f"w{number + 1}"),
                       "--memory-limit", "0", "--host", "127.0.0.1"]
            if not nanny:
                command.append("--no-nanny")
            self.worker_processes.append(self._start(command))

    def _start(self, command: list[str]) -> subprocess.Popen:
        log = open(self.folder / f"process-{len(self.processes)}.log", "wb")
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ))
        self.processes.append(process)
        return process

    def _wait_for_address(self, scheduler_file: Path, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if scheduler_file.is_file():
                try:
                    return json.loads(scheduler_file.read_text())["address"]
                except (ValueError, KeyError):
                    pass
            if self.scheduler.poll() is not None:
                raise RuntimeError(f"dask scheduler exited: {self.logs()}")
            time.sleep(0.1)
        raise RuntimeError(f"dask scheduler did not start: {self.logs()}")

    def client(self):
        from distributed import Client

        return Client(self.address, timeout=30, set_as_default=False)

    def wait_for_workers(self, count: int, timeout: float = 60) -> None:
        with self.client() as client:
            client.wait_for_workers(count, timeout=timeout)

    def logs(self) -> str:
        return "\n".join(path.read_text(errors="replace")[-2000:] for path in sorted(self.folder.glob("process-*.log")))

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
