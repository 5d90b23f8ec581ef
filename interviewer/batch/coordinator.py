"""Provides the coordinator of a cluster run: recordings out as windows, results stored as they arrive, one writer."""

from __future__ import annotations

import time
import uuid
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Callable

from interviewer.batch.plan import CLUSTER_WINDOW, RecordingPlan, plan_interview
from interviewer.batch.worker import ModelMissingOnWorker, ModelSpec, attribute_speakers, join_windows, transcribe_window
from interviewer.store import Interview, Study, StoreError

WORKER_CHECK = 2.0
"""Seconds between checks, while waiting for results, that the scheduler still has workers."""
TASK_RETRIES = 2
"""Times a task that raised is tried again; a task whose worker died is resubmitted by the scheduler itself."""


@dataclass
class RunProgress:
    recordings_done: int
    recordings_total: int
    seconds_done: float
    seconds_total: float


@dataclass
class RunSummary:
    stored: list[tuple[int, int]] = field(default_factory=list)
    """(interview id, segments stored), in the order they were stored."""
    failed: list[tuple[int, str]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    windows_by_worker: Counter = field(default_factory=Counter)
    audio_seconds: float = 0.0
    worker_seconds: float = 0.0
    """Time workers spent transcribing windows."""
    speaker_seconds: float = 0.0
    """Time workers spent finding who spoke."""
    wall_seconds: float = 0.0


@dataclass
class _Work:
    """One interview in flight: its lock, plans, futures and what has come back."""

    interview: Interview
    lock: object
    plans: list[RecordingPlan]
    futures: list = field(default_factory=list)
    windows: dict[int, list] = field(default_factory=dict)
    seconds_counted: float = 0.0
    transcripts: dict[int, tuple] = field(default_factory=dict)
    failed: bool = False

    def complete(self) -> bool:
        return all(plan.recording.id in self.transcripts for plan in self.plans)


class BatchRun:
    """Sends a study's waiting interviews to a Dask client's workers and stores each as it completes.

    At most about two windows per worker thread are in flight (the coordinator holds only their audio),
    and only this process writes to the study.
    """

    def __init__(self, study: Study, client, spec: ModelSpec, *, speakers: int = 2,
                 window_seconds: float = CLUSTER_WINDOW, in_flight: int | None = None,
                 wait_for_workers: float = 60.0,
                 on_progress: Callable[[RunProgress], None] | None = None,
                 on_stored: Callable[[Interview, int], None] | None = None,
                 on_failed: Callable[[Interview, str], None] | None = None,
                 stop_requested: Callable[[], bool] = lambda: False):
        self.study, self.client, self.spec = study, client, spec
        self.stop_requested = stop_requested
        """Asked between steps; True ends the run with KeyboardInterrupt (stored interviews are kept)."""
        self.speakers, self.window_seconds, self.wait_for_workers = speakers, window_seconds, wait_for_workers
        self.fixed_in_flight = in_flight
        self.in_flight = in_flight or self._windows_to_keep_busy(client.scheduler_info(n_workers=-1)["workers"])
        self.on_progress, self.on_stored, self.on_failed = on_progress, on_stored, on_failed
        self.token = uuid.uuid4().hex[:8]
        self.summary = RunSummary()

    def run(self, queue: list[Interview]) -> RunSummary:
        from distributed import as_completed

        started = time.perf_counter()
        total = sum(r.duration for i in queue for r in self.study.recordings(i.id))
        self.progress = RunProgress(0, sum(len(self.study.recordings(i.id)) for i in queue), 0.0, total)
        self.pending, self.active, self.info = deque(queue), {}, {}
        self.window_keys: set[str] = set()
        self.completed = as_completed(loop=self.client.loop)
        try:
            while self.pending or self.active:
                self._fill()
                if not self.active:
                    break
                self._handle(self._next_done())
        finally:
            for work in list(self.active.values()):
                self._drop(work)
            self.summary.wall_seconds = time.perf_counter() - started
        return self.summary

    def _next_done(self):
        """The next finished (or failed) task; a ClusterError when the scheduler is lost or has had no workers
        for `wait_for_workers` seconds, rather than waiting forever."""
        from interviewer.batch.cluster import ClusterError

        checked, alone_since = time.monotonic(), None
        while not self.completed.has_ready():
            if self.stop_requested():
                raise KeyboardInterrupt
            time.sleep(0.05)
            now = time.monotonic()
            if now - checked < WORKER_CHECK:
                continue
            checked = now
            try:
                workers = self.client.scheduler_info(n_workers=-1)["workers"]
            except Exception as error:  # the comm layer raises several kinds when the scheduler is gone
                raise ClusterError(f"Lost the Dask scheduler ({type(error).__name__}: {error}).") from None
            alone_since = None if workers else (alone_since or now)
            if workers and not self.fixed_in_flight:  # workers that joined (or left) since the start
                self.in_flight = self._windows_to_keep_busy(workers)
            if alone_since is not None and now - alone_since > self.wait_for_workers:
                raise ClusterError(f"Every worker has gone and none came back within {self.wait_for_workers:.0f} s.")
        return next(self.completed)

    @staticmethod
    def _windows_to_keep_busy(workers: dict) -> int:
        """Two windows per worker thread (one running, one waiting) and one more: enough to never idle a worker."""
        return 2 * max(1, sum(int(worker.get("nthreads", 1)) for worker in workers.values())) + 1

    def _fill(self) -> None:
        from interviewer.audio.probe import AudioError
        from interviewer.locks import InterviewBusy, InterviewLock

        while self.pending and (len(self.window_keys) < self.in_flight or not self.active):
            interview = self.pending.popleft()
            try:
                lock = InterviewLock(self.study, interview.id, "being transcribed on a cluster").acquire()
            except InterviewBusy as busy:
                self.summary.skipped.append((interview.id, str(busy)))
                self._report_failure(interview, str(busy), skipped=True)
                continue
            try:
                plans = plan_interview(self.study, interview, speakers=self.speakers,
                                       window_seconds=self.window_seconds)
            except (StoreError, AudioError, OSError, ValueError) as error:
                lock.release()
                self.summary.failed.append((interview.id, str(error)))
                self._report_failure(interview, str(error))
                continue
            work = _Work(interview, lock, plans)
            self.active[interview.id] = work
            for plan in plans:
                self._submit(work, plan)

    def _submit(self, work: _Work, plan: RecordingPlan) -> None:
        rid = plan.recording.id
        window_futures = []
        for job in plan.windows:
            key = f"transcribe-window-{self.token}-{work.interview.id}-{rid}-{job.channel}-{job.number}"
            future = self.client.submit(transcribe_window, job, self.spec.plugin_name, key=key,
                                        retries=TASK_RETRIES, pure=False)
            self.info[future.key] = ("window", work, plan, job.weight)
            self.window_keys.add(future.key)
            window_futures.append(future)
        work.windows[rid] = []
        work.futures += window_futures
        for future in window_futures:
            self.completed.add(future)
        if plan.source:
            key = f"attribute-speakers-{self.token}-{work.interview.id}-{rid}"
            future = self.client.submit(attribute_speakers, window_futures, plan.speaker_audio, self.speakers,
                                        self.spec.name, key=key, retries=TASK_RETRIES, pure=False)
            self.info[future.key] = ("speakers", work, plan, 0.0)
            work.futures.append(future)
            self.completed.add(future)
        plan.speaker_audio = None  # sent; the coordinator keeps no audio of a submitted recording
        plan.windows = [None] * len(plan.windows)

    def _handle(self, future) -> None:
        entry = self.info.pop(future.key, None)
        self.window_keys.discard(future.key)
        if entry is None:  # an interview already stored, failed or given up
            return
        kind, work, plan, weight = entry
        if future.status != "finished":
            self._fail(work, future)
            return
        result = future.result()
        rid = plan.recording.id
        if kind == "window":
            work.windows[rid].append(result)
            self.summary.windows_by_worker[result.worker] += 1
            self.summary.worker_seconds += result.took
            self.progress.seconds_done += weight
            work.seconds_counted += weight
            if plan.source is None and len(work.windows[rid]) == len(plan.windows):
                work.transcripts[rid] = (join_windows(work.windows[rid], self.spec.name, plan.recording.duration), None)
        else:
            work.transcripts[rid] = (result.transcript, plan.source)
            self.summary.speaker_seconds += result.took
        if work.complete():
            self._store(work)
        if self.on_progress:
            self.on_progress(self.progress)

    def _store(self, work: _Work) -> None:
        from interviewer.pipeline import store_transcript

        parts = [(plan.recording, *work.transcripts[plan.recording.id]) for plan in work.plans]
        try:
            count = store_transcript(self.study, work.interview, parts, model=self.spec.name)
        except StoreError as error:
            self.summary.failed.append((work.interview.id, str(error)))
            self._report_failure(work.interview, str(error))
        else:
            self.summary.stored.append((work.interview.id, count))
            self.summary.audio_seconds += sum(plan.seconds for plan in work.plans)
            self.progress.seconds_done += sum(plan.seconds for plan in work.plans) - work.seconds_counted
            self.progress.recordings_done += len(work.plans)
            if self.on_stored:
                self.on_stored(work.interview, count)
        finally:
            self._drop(work)

    def _fail(self, work: _Work, future) -> None:
        error = future.exception()
        if isinstance(error, ModelMissingOnWorker):
            raise error
        name = type(error).__name__
        if name == "KilledWorker":
            message = ("workers kept dying while transcribing it (out of memory, or killed); it was given up "
                       "after the scheduler's allowed failures")
        elif name == "CancelledError":
            message = "its tasks were cancelled (the scheduler restarted or lost them)"
        else:
            message = f"{name}: {error}"
        work.failed = True
        self.summary.failed.append((work.interview.id, message))
        self._report_failure(work.interview, message)
        self._drop(work)

    def _drop(self, work: _Work) -> None:
        """Forget an interview's futures (cancelling any still running) and release its lock."""
        unfinished = [f for f in work.futures if f.status not in ("finished", "error")]
        if unfinished:
            self.client.cancel(unfinished)
        for future in work.futures:
            self.info.pop(future.key, None)
            self.window_keys.discard(future.key)
        work.futures = []
        work.lock.release()
        self.active.pop(work.interview.id, None)

    def _report_failure(self, interview: Interview, message: str, skipped: bool = False) -> None:
        if self.on_failed:
            self.on_failed(interview, ("skipped: " if skipped else "") + message)
