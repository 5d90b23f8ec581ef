"""Provides the Dask cluster a batch run uses: a scheduler reached by address or local worker processes, checked."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator

CONNECT_TIMEOUT = 15.0
"""Seconds to reach a scheduler before saying it is unreachable."""
WAIT_FOR_WORKERS = 60.0
"""Seconds to wait for at least one worker before giving up (--wait-for-workers)."""


class ClusterError(RuntimeError):
    """A cluster that cannot be used, with what to do about it."""


def _dask():
    try:
        import distributed
    except ImportError:
        raise ClusterError("Transcribing on a cluster needs Dask: install the 'cluster' extra, e.g. "
                           "pip install 'interviewer[cluster]' (scripts/setup.sh installs it).") from None
    return distributed


@contextmanager
def open_cluster(address: str | None = None, *, workers: int | None = None,
                 wait_for_workers: float = WAIT_FOR_WORKERS, local_directory: str | None = None) -> Iterator:
    """A Dask client on the scheduler at `address`, or on a new local cluster of `workers` processes.

    Waits up to `wait_for_workers` seconds for a worker, and checks every worker can import this package.
    A local cluster runs one single-threaded worker per process on 127.0.0.1 with no memory limit, so
    nothing it holds is ever spilled to disk; it is shut down on leaving.
    """
    distributed = _dask()
    for name in ("distributed", "distributed.nanny", "distributed.scheduler", "distributed.worker"):
        logging.getLogger(name).setLevel(logging.ERROR)
    cluster = None
    try:
        if address:
            try:
                client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as error:
                raise ClusterError(
                    f"Cannot reach the Dask scheduler at {address} ({_first_line(error)}). Is 'dask scheduler' "
                    "running there, is the address tcp://HOST:PORT as it printed, and is the port open from here?"
                ) from None
        else:
            cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
                memory_limit=0, local_directory=local_directory, silence_logs=logging.ERROR)
            client = distributed.Client(cluster, set_as_default=False)
    except ClusterError:
        raise
    except Exception as error:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"Could not start a local Dask cluster of {workers} worker(s): {_first_line(error)}") from None
    import dask

    try:
        _wait_for_workers(client, address or "the local cluster", wait_for_workers)
        _check_workers_have_interviewer(client)
        # Audio travels inside its task on purpose: the scheduler can rerun the task elsewhere when a worker
        # dies, and a task's arguments are never spilled to a worker's disk as stored results may be.
        with dask.config.set({"distributed.admin.large-graph-warning-threshold": "4GB"}):
            yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _wait_for_workers(client, where: str, timeout: float) -> None:
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (TimeoutError, OSError):
        raise ClusterError(
            f"The scheduler at {where} has no workers after {timeout:.0f} s. Start some on each machine with "
            f"'dask worker {where}' (after installing interviewer with its 'cluster' extra there), or wait longer "
            "with --wait-for-workers SECONDS.") from None


def _check_workers_have_interviewer(client) -> None:
    import interviewer

    versions = client.get_versions(check=False, packages=["interviewer", "faster_whisper"])
    ours = getattr(interviewer, "__version__", None)
    for address, info in (versions.get("workers") or {}).items():
        packages = info.get("packages", {})
        if not packages.get("interviewer"):
            raise ClusterError(f"Worker {address} cannot import interviewer: install it there with its 'cluster' "
                               "extra (the same version as here), then restart that worker.")
        if not packages.get("faster_whisper"):
            raise ClusterError(f"Worker {address} has no faster-whisper: install interviewer there with its "
                               "dependencies, then restart that worker.")
        if ours and packages["interviewer"] != ours:
            raise ClusterError(f"Worker {address} runs interviewer {packages['interviewer']}, this machine {ours}: "
                               "install the same version on every worker.")


def threads_by_host(client) -> dict[str, int]:
    """Dask threads per machine, so workers sharing one machine share its cores out evenly."""
    totals: dict[str, int] = {}
    for address, worker in client.scheduler_info(n_workers=-1)["workers"].items():
        host = address.rsplit(":", 1)[0]
        totals[host] = totals.get(host, 0) + int(worker.get("nthreads", 1))
    return totals


def load_model_everywhere(client, spec) -> list[str]:
    """Have every worker (and any that joins later) load the model once and keep it; returns the workers.

    Raises ClusterError naming each worker that cannot load the model, and why.
    """
    from interviewer.batch.worker import WhisperOnWorker, model_status

    if any(client.run(model_status, spec.plugin_name).values()):  # kept loaded from an earlier run otherwise
        client.register_plugin(WhisperOnWorker(spec, threads_by_host(client)), name=spec.plugin_name)
    problems = {address: reason for address, reason in
                client.run(model_status, spec.plugin_name).items() if reason}
    if problems:
        listed = "\n".join(f"  {address}: {reason}" for address, reason in sorted(problems.items()))
        raise ClusterError(f"{len(problems)} worker(s) cannot load model '{spec.name}':\n{listed}\n"
                           "Make the model available there (or stop those workers), then run again.")
    return sorted(client.scheduler_info(n_workers=-1)["workers"])


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
