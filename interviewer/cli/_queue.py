"""Provides `transcribe --all`: the study's queue worked through here, or sent to Dask workers with a progress bar."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading

import click

from interviewer.cli._common import UserError, friendly_errors, open_study, progress_bar


def transcribe_queue(study, model: str | None, speakers: int, *, batched: bool = False) -> None:
    from interviewer.pipeline import transcribe_interview, untranscribed_interviews
    from interviewer.transcribe.study_model import model_for
    from interviewer.transcribe.whisper import Transcriber, batched_settings

    opened = open_study(study)
    queue = untranscribed_interviews(opened)
    if not queue:
        click.echo("Nothing to transcribe: every recording of the study has a transcript.")
        return
    transcriber = friendly_errors(lambda: Transcriber(model_for(opened, model), batched_settings() if batched else None))
    for number, interview in enumerate(queue, 1):
        minutes = sum(r.duration for r in opened.recordings(interview.id)) / 60
        click.echo(f"[{number}/{len(queue)}] interview #{interview.id} ({interview.participant_code}, {minutes:.1f} min)")
        try:
            count = friendly_errors(lambda: transcribe_interview(
                opened, interview.id, transcriber=transcriber, speakers=speakers, progress=progress_bar(f"#{interview.id}")))
        except UserError as error:
            if "is busy" not in error.message:
                raise
            click.echo(f"    skipped: {error.message}", err=True)
            continue
        click.echo(f"    {count} segments")
    click.echo(f"Transcribed {len(queue)} interview(s).")


def transcribe_queue_on_cluster(study, model: str | None, speakers: int, *, address: str | None, workers: int | None,
                                wait_for_workers: float, window_minutes: float) -> None:
    from interviewer.batch.cluster import ClusterError, load_model_everywhere, open_cluster
    from interviewer.batch.coordinator import BatchRun
    from interviewer.batch.worker import ModelMissingOnWorker, ModelSpec
    from interviewer.pipeline import untranscribed_interviews
    from interviewer.transcribe.models import ModelError
    from interviewer.transcribe.study_model import study_model

    opened = open_study(study)
    queue = untranscribed_interviews(opened)
    if not queue:
        click.echo("Nothing to transcribe: every recording of the study has a transcript.")
        return
    try:
        spec = ModelSpec.for_model(model or study_model(opened))
    except ModelError as error:
        raise UserError(str(error)) from None
    where = address or f"a local cluster of {workers} worker process(es)"
    click.echo(f"Transcribing {len(queue)} interview(s) on {where} with model {spec.name}.")
    bar = _ProgressBar()
    interrupted = threading.Event()
    try:
        with open_cluster(address, workers=workers, wait_for_workers=wait_for_workers) as client:
            names = load_model_everywhere(client, spec)
            click.echo(f"{len(names)} worker(s) ready: {', '.join(names)}")
            run = BatchRun(opened, client, spec, speakers=speakers, window_seconds=window_minutes * 60,
                           wait_for_workers=wait_for_workers,
                           on_progress=bar.update,
                           on_stored=lambda interview, count: bar.say(
                               f"stored interview #{interview.id} ({interview.participant_code}): {count} segments"),
                           on_failed=lambda interview, message: bar.say(
                               f"interview #{interview.id} ({interview.participant_code}) not transcribed: {message}",
                               err=True),
                           stop_requested=interrupted.is_set)
            with _ctrl_c_sets(interrupted):
                summary = run.run(queue)
    except (ClusterError, ModelMissingOnWorker) as error:
        bar.close()
        raise UserError(f"{error}\nTranscripts already stored are kept; run again to continue.") from None
    except KeyboardInterrupt:
        bar.close()
        raise UserError("Interrupted: transcripts already stored are kept; run the same command again to "
                        "transcribe what is left.") from None
    bar.close()
    hours = summary.audio_seconds / 3600
    audio = summary.audio_seconds or 1.0
    click.echo(f"Transcribed {len(summary.stored)} interview(s), {hours:.2f} audio-hours, in "
               f"{summary.wall_seconds:.1f} s (worker time per audio second: transcribing "
               f"{summary.worker_seconds / audio:.3f}, speakers {summary.speaker_seconds / audio:.3f}); "
               "windows per worker: "
               + ", ".join(f"{worker} {count}" for worker, count in sorted(summary.windows_by_worker.items())))
    if summary.failed:
        raise UserError(f"{len(summary.failed)} interview(s) were not transcribed (see above); run again to retry them.")


@contextlib.contextmanager
def _ctrl_c_sets(interrupted: threading.Event):
    """Ctrl+C sets `interrupted` instead of raising wherever the main thread happens to be: the Dask client runs
    finalizers there, and a KeyboardInterrupt raised inside one is printed and swallowed. The run checks the
    event between steps. An ignored SIGINT (a run started in the background) stays ignored."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda *_: interrupted.set())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _ProgressBar:
    """Recordings and audio-hours done, as a bar on a terminal; plain lines otherwise."""

    def __init__(self):
        self.bar = None
        self.shown = 0

    def update(self, progress) -> None:
        if not sys.stderr.isatty() or progress.seconds_total <= 0:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=int(progress.seconds_total), file=sys.stderr,
                                         label="Transcribing", item_show_func=lambda text: text)
            self.bar.__enter__()
        step = int(progress.seconds_done) - self.shown
        text = (f"{progress.recordings_done}/{progress.recordings_total} recordings, "
                f"{progress.seconds_done / 3600:.2f}/{progress.seconds_total / 3600:.2f} audio-hours")
        self.bar.update(max(0, step), current_item=text)
        self.shown += max(0, step)

    def say(self, line: str, err: bool = False) -> None:
        if self.bar is not None:
            sys.stderr.write("\r\033[K")
        click.echo(line, err=err)
        if self.bar is not None:
            self.bar.render_progress()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
