"""Provides `interviewer demo`: the whole pipeline on the bundled sample interview, in a demo study."""

from __future__ import annotations

import click

DEMO_STUDY = "demo"
DEMO_PASSPHRASE = "demo-study-passphrase"
DEMO_PARTICIPANT = dict(
    code="DEMO-01", name="Sarah Thompson", workplace="Riverside Hospital", gender="Female",
    role="Care coordinator", sector="NHS",
)


@click.command()
@click.option("--study", default=DEMO_STUDY, show_default=True, help="Study to file the demo interview in.")
@click.option("--model", default=None, help="Whisper model (default: the bundled tiny.en).")
@click.option("--once", is_flag=True, help="Skip the pipeline if the study already holds the sample interview.")
@click.option("--open", "open_screen", is_flag=True, help="Then open the interview screen on the demo study.")
def demo(study: str, model: str | None, once: bool, open_screen: bool) -> None:
    """Import, transcribe, anonymise and export the bundled sample interview, then show the result.

    Uses the bundled schedule (npt-key-informant), the bundled model and a local study named 'demo',
    with a consenting fictional participant DEMO-01 ready for a new interview.

    Examples:

        interviewer demo

        interviewer demo --once --open
    """
    import os

    from interviewer import locations
    from interviewer.cli.pipeline import run_process

    if "INTERVIEWER_KEY_PASSPHRASE" not in os.environ:
        # The demo's people are fictional; a real study's key is protected by the researcher's own passphrase.
        os.environ["INTERVIEWER_KEY_PASSPHRASE"] = DEMO_PASSPHRASE
        click.echo(f"The demo study's re-identification key uses the passphrase '{DEMO_PASSPHRASE}'.", err=True)

    opened = _open_demo_study(study)
    fields = dict(DEMO_PARTICIPANT)
    code = fields.pop("code")
    if not any(p.code == code for p in opened.participants()):
        opened.add_participant(code, **fields)
        opened.record_consent(code, audio_recording=True, quotation=True, method="demo")
    sample = locations.bundled_dir("samples") / "sample-interview.flac"
    if not (once and _holds_sample(opened, sample)):
        path = run_process(study, sample, code, mode="phone", schedule="npt-key-informant", model=model)
        click.echo(f"\n{path}:\n")
        click.echo(path.read_text(encoding="utf-8"))
    if open_screen:
        from interviewer.cli.tui import open_app

        open_app(study)


def _open_demo_study(study: str):
    """The demo study, encrypted like any study but under a passphrase everyone knows (its people are fictional),
    given here rather than taken from the environment: the demo runs without a terminal, and a researcher's own
    INTERVIEWER_STUDY_PASSPHRASE stays for their studies. Once unlocked, the rest of this process opens it freely."""
    from interviewer.cli._common import UserError
    from interviewer.store import Study, StoreError, study_folder

    try:
        existed = (study_folder(study) / "study.db").exists()
        opened = Study.open(study, create=True, passphrase=DEMO_PASSPHRASE)
    except StoreError as error:
        raise UserError(str(error)) from None
    if opened.encrypted:
        click.echo(f"The demo study {opened.folder} is {'' if existed else 'now '}encrypted with the passphrase "
                   f"'{DEMO_PASSPHRASE}'.", err=True)
    return opened


def _holds_sample(study, sample) -> bool:
    from interviewer.audio.probe import sha256_of

    return study.has_recording(sha256_of(sample))


COMMANDS = [demo]
