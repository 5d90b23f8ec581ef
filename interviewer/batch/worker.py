"""Provides what a Dask worker runs: the model loaded once per worker, windows transcribed from memory, speakers found."""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from distributed import WorkerPlugin, get_worker

from interviewer.transcribe.whisper import Transcript, TranscriptSegment, shifted

SAMPLE_RATE = 16000


class ModelMissingOnWorker(RuntimeError):
    """A worker that cannot load the run's model: the run stops and says which worker and why."""


@dataclass(frozen=True)
class ModelSpec:
    """How a worker finds the run's model: by catalogue name, by registered name (checked by checksum) or folder."""

    name: str
    kind: str
    """'catalogue', 'registered' or 'folder'."""
    path: str | None = None
    sha256: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_model(cls, model: str | None) -> "ModelSpec":
        """The spec of a --model value, as this (the coordinating) machine knows it; the model need not be here."""
        from interviewer.transcribe import model_registry, models

        value = model or models.default_model_name()
        if value in {entry.name for entry in models.catalogue()}:
            return cls(value, "catalogue")
        registered = model_registry.find(value)
        if registered is not None:
            return cls(value, "registered", str(registered.path), dict(registered.sha256))
        if "/" in value or Path(value).expanduser().exists():
            return cls(Path(value).expanduser().name, "folder", str(Path(value).expanduser().resolve()))
        models.resolve(value)  # raises the catalogue's own explanation
        raise AssertionError("unreachable")

    @property
    def plugin_name(self) -> str:
        return f"interviewer-model-{self.kind}-{self.name}-{self.path or ''}"


def resolve_on_worker(spec: ModelSpec):
    """The model folder on this machine for a spec, or a ModelError saying how to make it available."""
    from interviewer.transcribe import model_registry, models
    from interviewer.transcribe.model_folder import ModelError, checksum_problems, folder_is_multilingual

    if spec.kind == "catalogue":
        return models.resolve(spec.name)
    if spec.kind == "folder":
        return models.resolve(spec.path)
    own = model_registry.find(spec.name)
    if own is not None and own.sha256 == spec.sha256:
        return models.ResolvedModel(spec.name, model_registry.usable_folder(own), own.multilingual)
    folder = Path(spec.path or "")
    if folder.is_dir():
        problems = checksum_problems(folder, spec.sha256)
        if not problems:
            return models.ResolvedModel(spec.name, folder, folder_is_multilingual(folder))
        raise ModelError(f"the folder {folder} here differs from the registered model '{spec.name}' "
                         f"({'; '.join(problems[:3])})")
    raise ModelError(f"no copy of model '{spec.name}': {folder} does not exist on this machine and no identical "
                     f"model is registered here. Copy the folder to the same path (or a shared file system), or run "
                     f"'interviewer models add {spec.name} FOLDER' on this machine")


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


class WhisperOnWorker(WorkerPlugin):
    """Loads the run's model once when a worker starts (or joins later) and keeps it for every window.

    A failure is kept, not raised, so the coordinator can say which worker lacks the model and why.
    """

    def __init__(self, spec: ModelSpec, threads_by_host: dict[str, int] | None = None):
        self.spec = spec
        self.name = spec.plugin_name
        self.threads_by_host = threads_by_host or {}
        self.transcriber = None
        self.error: str | None = None

    def setup(self, worker) -> None:
        from interviewer.transcribe.whisper import Transcriber, TranscriptionSettings

        try:
            threads = max(1, getattr(worker, "nthreads", 1) or 1)
            sharing = max(threads, self.threads_by_host.get(worker.address.rsplit(":", 1)[0], threads))
            settings = TranscriptionSettings(cpu_threads=max(1, available_cores() // sharing), num_workers=threads)
            self.transcriber = Transcriber(resolve_on_worker(self.spec), settings)
            self.transcriber.load()
        except Exception as error:  # any failure to find or load the model is reported, with its reason
            self.transcriber, self.error = None, str(error)


def model_status(plugin_name: str, dask_worker=None) -> str | None:
    """None when this worker has the model loaded, else why not (run on every worker by the coordinator)."""
    plugin = dask_worker.plugins.get(plugin_name)
    if plugin is None:
        return "the model was never set up on this worker"
    return plugin.error


def _transcriber(plugin_name: str):
    worker = get_worker()
    plugin = worker.plugins.get(plugin_name)
    if plugin is None or plugin.transcriber is None:
        reason = plugin.error if plugin is not None else "the model was never set up here"
        raise ModelMissingOnWorker(f"worker {worker.address} cannot use the model: {reason}")
    return plugin.transcriber


@dataclass(frozen=True)
class WindowJob:
    """One window of one recording (one channel of it, for one-party-per-channel stereo), as samples in memory."""

    interview_id: int
    recording_id: int
    channel: int | None
    number: int
    offset: float
    samples: np.ndarray
    """16 kHz 16-bit mono samples: never written to a worker's disk."""
    weight: float
    """Seconds of recording this window stands for (half its length for one of two channels)."""
    hotwords: str | None = None
    """The interview's known names (see `transcribe.known_words`)."""

    @property
    def seconds(self) -> float:
        return len(self.samples) / SAMPLE_RATE


@dataclass(frozen=True)
class WindowResult:
    interview_id: int
    recording_id: int
    channel: int | None
    number: int
    offset: float
    seconds: float
    language: str
    segments: list[TranscriptSegment]
    """Timed from the start of the recording."""
    worker: str
    took: float


def transcribe_window(job: WindowJob, plugin_name: str) -> WindowResult:
    """Transcribe one window with this worker's model (a Dask task)."""
    transcriber = _transcriber(plugin_name).with_hotwords(job.hotwords)
    started = time.perf_counter()
    part = transcriber.transcribe(job.samples.astype(np.float32) / 32768.0)
    return WindowResult(job.interview_id, job.recording_id, job.channel, job.number, job.offset, job.seconds,
                        part.language, [shifted(segment, job.offset) for segment in part.segments],
                        get_worker().address, time.perf_counter() - started)


def join_windows(results: list[WindowResult], model: str, duration: float) -> Transcript:
    """One channel's (or a mono recording's) windows joined back into a transcript, in time order."""
    ordered = sorted(results, key=lambda result: result.offset)
    languages = Counter(result.language for result in ordered if result.segments)
    language = languages.most_common(1)[0][0] if languages else (ordered[0].language if ordered else "en")
    return Transcript(model, language, duration, [segment for result in ordered for segment in result.segments])


@dataclass(frozen=True)
class SpeakersResult:
    transcript: Transcript
    """Words and segments labelled with a channel ('left', 'right') or a voice ('S1', 'S2', ...)."""
    worker: str
    took: float


def attribute_speakers(results: list[WindowResult], samples: np.ndarray, speakers: int, model: str) -> SpeakersResult:
    """Who spoke each word (a Dask task): by channel when `samples` is (n, 2), else by voice among `speakers`."""
    from interviewer.speakers.attribution import merge_channels, diarise

    started = time.perf_counter()
    duration = len(samples) / SAMPLE_RATE
    if samples.ndim == 2:
        channels = [join_windows([r for r in results if r.channel == channel], model, duration) for channel in (0, 1)]
        transcript = merge_channels(channels, samples.astype(np.float32) / 32768.0)
    else:
        transcript = diarise(join_windows(results, model, duration), samples.astype(np.float32) / 32768.0, speakers)
    return SpeakersResult(transcript, get_worker().address, time.perf_counter() - started)
