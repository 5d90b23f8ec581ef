"""Provides `interviewer audio`: list input devices, check an input's level, and record a test file."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from interviewer.cli._common import UserError


@click.group("audio")
def audio_group() -> None:
    """Check the microphone or phone adapter before an interview, outside the interview screen.

    Example:

        interviewer audio devices
    """


@audio_group.command("devices")
def devices() -> None:
    """List the input devices recording can use.

    Example:

        interviewer audio devices
    """
    from interviewer.audio.call import find_call_input
    from interviewer.audio.recorder import RecorderError, list_input_devices

    try:
        for device in list_input_devices():
            click.echo(device.describe())
    except RecorderError as error:
        raise UserError(str(error)) from None
    call = find_call_input()
    click.echo(f"[call] Call on this computer: {call.reason}" if call.available else
               f"[call] Call on this computer: unavailable. {call.reason}")


@audio_group.command("check")
@click.option("--device", default=None, help="Input device number or (part of) its name (default: the system's);"
                                             " `call` for a call made on this computer.")
@click.option("--seconds", type=float, default=3.0, show_default=True, help="How long to listen.")
@click.option("--channels", type=click.IntRange(1, 2), default=1, show_default=True, help="2 for a phone adapter.")
def check(device: str | None, seconds: float, channels: int) -> None:
    """Listen to an input and say whether its level is right for an interview (exit status 1 when not).

    Example:

        interviewer audio check --device default --seconds 5
    """
    from interviewer.audio.capture import CALL_DEVICE, AudioBackend
    from interviewer.audio.recorder import RecorderError, check_input

    try:
        if device == CALL_DEVICE:  # both sides, and whether the call leaks into the microphone
            verdict = AudioBackend().listen(CALL_DEVICE, 2, seconds)
        else:
            verdict = check_input(device, seconds, channels, None)
    except RecorderError as error:
        raise UserError(str(error)) from None
    click.echo(f"{verdict.verdict}: {verdict.message}")
    if not verdict.ok:
        sys.exit(1)


def _stop_on_sigterm(signum, frame) -> None:
    raise KeyboardInterrupt  # SIGTERM stops like Ctrl-C: the file is closed properly


@audio_group.command("record")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The WAV file to write.")
@click.option("--seconds", type=float, default=None, help="Stop after this much audio (default: Ctrl-C).")
@click.option("--device", default=None, help="Input device number or (part of) its name; `call` records a call made"
                                             " on this computer (microphone left, call right).")
@click.option("--channels", type=click.IntRange(1, 2), default=1, show_default=True, help="2 for a phone adapter.")
@click.option("--rate", type=int, default=None, help="Sample rate (default 16000 where the device allows).")
def record(out: Path, seconds: float | None, device: str | None, channels: int, rate: int | None) -> None:
    """Record from an input into a crash-safe WAV file (a kill loses at most the last second).

    Example:

        interviewer audio record --out test.wav --seconds 10 --device default
    """
    from interviewer.audio.capture import CALL_DEVICE
    from interviewer.audio.recorder import Recorder, RecorderError

    try:
        if device == CALL_DEVICE:
            from interviewer.audio.call import CallRecorder

            recorder = CallRecorder(out, samplerate=rate)
        else:
            recorder = Recorder(out, device, channels, rate)
        recorder.start()
    except RecorderError as error:
        raise UserError(str(error)) from None
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    click.echo(f"Recording {recorder.input_device.describe()} at {recorder.samplerate} Hz, {recorder.channels} ch,"
               f" to {out}. Ctrl-C stops.", err=True)
    sys.stderr.flush()
    try:
        while not recorder.wait(0.05):
            if seconds is not None and recorder.elapsed >= seconds:
                break
            if sys.stderr.isatty():
                meter = " ".join(f"{value:6.1f}" for value in recorder.level.rms_dbfs)
                click.echo(f"\r{recorder.elapsed:8.1f} s   level {meter} dBFS ", nl=False, err=True)
    except KeyboardInterrupt:
        pass
    result = recorder.stop()
    if result.failure is not None:
        raise UserError(str(result.failure))
    click.echo(f"\nSaved {result.seconds:.1f} s to {result.path}", err=True)


COMMANDS = [audio_group]
