"""Tests for `transcribe --all --cluster/--workers`: real Dask processes on 127.0.0.1, faults, clear errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest
from click.testing import CliRunner

from cluster_processes import LoopbackCluster
from conftest import SAMPLE, SPEECH, word_error_rate
from interviewer.cli import main
from interviewer.pipeline import import_recording, untranscribed_interviews
from interviewer.store import Study

RECORDINGS = [SPEECH / "jfk.flac", SPEECH / "stereo-two-voices.wav", SPEECH / "phone-call.wav"]
"""Mono speech, one voice per stereo channel, and a two-voice phone call: each way of finding speakers."""


def make_study(name: str, recordings=RECORDINGS) -> Study:
    study = Study.create(name)
    study.add_participant("KI-01")
    for path in recordings:
        import_recording(study, path, "KI-01")
    return study


def texts(study: Study) -> dict[int, list[tuple[str | None, str]]]:
    return {interview.id: [(s.speaker, s.text) for s in study.segments(interview.id)] for interview in study.interviews()}


def test_windows_for_workers_cover_the_recording_and_end_at_pauses():
    from interviewer.audio.long_audio import SAMPLE_RATE, pause_cuts

    loud = (8000 * np.sin(2 * np.pi * 200 * np.arange(SAMPLE_RATE * 9) / SAMPLE_RATE)).astype(np.int16)
    signal_ = np.concatenate([np.concatenate([loud, np.zeros(SAMPLE_RATE // 2, np.int16)]) for _ in range(12)])
    cuts = pause_cuts(signal_, window_seconds=20)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(signal_) and len(cuts) >= 4
    assert all(end == next_start for (_, end), (next_start, _) in zip(cuts, cuts[1:]))
    assert all(np.abs(signal_[end - 100:end + 100]).max() == 0 for _, end in cuts[:-1])
    assert pause_cuts(signal_[:SAMPLE_RATE * 20], window_seconds=60) == [(0, SAMPLE_RATE * 20)]


def test_samples_sent_to_workers_are_exactly_what_faster_whisper_decodes():
    from faster_whisper import decode_audio

    from interviewer.audio.long_audio import read_pcm16

    for path in (SPEECH / "jfk.flac", SPEECH / "stereo-two-voices.wav"):
        assert np.array_equal(read_pcm16(path).astype(np.float32) / 32768.0, decode_audio(str(path)))
        left, right = decode_audio(str(path), split_stereo=True)
        stereo = read_pcm16(open(path, "rb"), stereo=True)
        assert np.array_equal(stereo[:, 0].astype(np.float32) / 32768.0, left)
        assert np.array_equal(stereo[:, 1].astype(np.float32) / 32768.0, right)


def test_windows_come_back_together_in_time_order():
    from interviewer.batch.worker import WindowResult, join_windows
    from interviewer.transcribe.whisper import TranscriptSegment

    def result(offset, text):
        return WindowResult(1, 1, None, 0, offset, 10.0, "en", [TranscriptSegment(offset, offset + 1, text)], "w", 1.0)

    joined = join_windows([result(20.0, "third"), result(0.0, "first"), result(10.0, "second")], "tiny.en", 30.0)
    assert [s.text for s in joined.segments] == ["first", "second", "third"] and joined.duration == 30.0


def test_an_unreachable_scheduler_is_a_clear_error(study, monkeypatch):
    import socket

    from interviewer.batch import cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 2.0)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    study.add_participant("KI-01")
    import_recording(study, SPEECH / "jfk.flac", "KI-01")
    result = CliRunner().invoke(main, ["transcribe", "--all", "--cluster", f"tcp://127.0.0.1:{port}",
                                       "--study", "test-study"])
    assert result.exit_code == 1
    assert f"Cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in result.output
    assert untranscribed_interviews(study) != []


def test_a_scheduler_without_workers_is_a_clear_error_after_the_wait(study):
    from distributed import LocalCluster

    study.add_participant("KI-01")
    import_recording(study, SPEECH / "jfk.flac", "KI-01")
    with LocalCluster(n_workers=0, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None) as empty:
        result = CliRunner().invoke(main, ["transcribe", "--all", "--cluster", empty.scheduler_address,
                                           "--wait-for-workers", "1", "--study", "test-study"])
    assert result.exit_code == 1
    assert "has no workers after 1 s" in result.output and "dask worker" in result.output


def test_a_worker_without_the_model_is_named_with_the_reason(tmp_path):
    from distributed import Client, LocalCluster

    from interviewer.batch.cluster import ClusterError, load_model_everywhere
    from interviewer.batch.worker import ModelSpec

    spec = ModelSpec("team-model", "registered", str(tmp_path / "not-here"), {"model.bin": "0" * 64})
    with LocalCluster(n_workers=1, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None) as local, \
            Client(local, set_as_default=False) as client:
        with pytest.raises(ClusterError) as raised:
            load_model_everywhere(client, spec)
    message = str(raised.value)
    assert "1 worker(s) cannot load model 'team-model'" in message
    assert "tcp://127.0.0.1:" in message and "does not exist on this machine" in message
    assert "interviewer models add team-model" in message


def test_cluster_options_need_all_and_exclude_each_other():
    runner = CliRunner()
    assert "add --all" in runner.invoke(main, ["transcribe", "--workers", "2"]).output
    assert "not both" in runner.invoke(main, ["transcribe", "--all", "--workers", "2", "--cluster", "tcp://x:1"]).output


@pytest.fixture(scope="module")
def loopback(tmp_path_factory):
    """`dask scheduler` and two `dask worker` processes on 127.0.0.1, shared by the tests below (the last kills one)."""
    cluster = LoopbackCluster(tmp_path_factory.mktemp("dask"), workers=2)
    try:
        cluster.wait_for_workers(2)
        yield cluster
    finally:
        cluster.stop()


@pytest.mark.slow
def test_transcribe_all_through_a_real_scheduler_gives_the_local_text(loopback):
    local = make_study("here")
    assert CliRunner().invoke(main, ["transcribe", "--all", "--study", "here"]).exit_code == 0
    remote = make_study("there")
    result = CliRunner().invoke(main, ["transcribe", "--all", "--cluster", loopback.address, "--study", "there"])
    assert result.exit_code == 0, result.output + loopback.logs()
    assert untranscribed_interviews(remote) == []
    assert texts(remote) == texts(local)
    assert {s.speaker_source for s in remote.segments(2)} == {"channel"}
    assert {s.speaker_source for s in remote.segments(3)} == {"voice"}
    with loopback.client() as client:
        workers = set(client.scheduler_info(n_workers=-1)["workers"])
        prefixes = client.run_on_scheduler(lambda dask_scheduler: sorted(dask_scheduler.task_prefixes))
    used = {line.split()[0] for line in result.output.split("windows per worker: ")[1].split(", ")}
    assert used and used <= workers
    assert {"transcribe-window", "attribute-speakers"} <= set(prefixes)
    again = CliRunner().invoke(main, ["transcribe", "--all", "--cluster", loopback.address, "--study", "there"])
    assert "Nothing to transcribe" in again.output


@pytest.mark.slow
def test_an_interrupted_run_run_again_transcribes_only_what_is_left(loopback):
    recordings = [SPEECH / "phone-call.wav", SPEECH / "conversations" / "male-female.flac", SAMPLE]
    study = make_study("interrupted", recordings)
    command = [sys.executable, "-m", "interviewer", "transcribe", "--all", "--cluster", loopback.address,
               "--study", "interrupted", "--window", "0.2", "--speakers", "1"]
    # ctrl+c as in a terminal: a shell that starts a run in the background makes it ignore SIGINT, and a Python
    # started that way never turns SIGINT into KeyboardInterrupt, so the child gets the default back first.
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=dict(os.environ),
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines = []
    for line in run.stdout:
        lines.append(line)
        if line.startswith("stored interview"):
            run.send_signal(signal.SIGINT)
            break
    output = "".join(lines) + run.communicate(timeout=60)[0]
    assert run.returncode == 1 and "Interrupted" in output, output
    left = untranscribed_interviews(study)
    assert 0 < len(left) < 3
    again = subprocess.run(command, capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"Transcribed {len(left)} interview(s)" in again.stdout
    assert untranscribed_interviews(study) == []


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_nothing(loopback):
    recordings = [SPEECH / "phone-call.wav", SPEECH / "jfk.flac", SPEECH / "harvard" / "spk2_snt1.wav"]
    make_study("faulty", recordings)
    make_study("reference", recordings)
    assert CliRunner().invoke(main, ["transcribe", "--all", "--study", "reference", "--speakers", "1"]).exit_code == 0
    run = subprocess.Popen([sys.executable, "-m", "interviewer", "transcribe", "--all", "--cluster", loopback.address,
                            "--study", "faulty", "--window", "0.2", "--speakers", "1"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=dict(os.environ))
    killed = None
    with loopback.client() as client:
        deadline = time.monotonic() + 60
        while killed is None and time.monotonic() < deadline and run.poll() is None:
            for address, keys in client.processing().items():
                if any("transcribe-window" in str(key) for key in keys):
                    pid = client.run(os.getpid, workers=[address])[address]
                    os.kill(pid, signal.SIGKILL)
                    killed = address
                    break
            time.sleep(0.02)
    output, _ = run.communicate(timeout=120)
    assert killed is not None, "no window was seen running on a worker"
    assert run.returncode == 0, output + loopback.logs()
    study = Study.open("faulty")
    assert untranscribed_interviews(study) == []
    expected = texts(Study.open("reference"))
    for interview_id, segments in texts(study).items():
        ours = " ".join(text for _, text in segments)
        theirs = " ".join(text for _, text in expected[interview_id])
        assert word_error_rate(theirs, ours) < 0.15, (interview_id, ours, theirs)
    with loopback.client() as client:
        assert killed not in client.scheduler_info(n_workers=-1)["workers"]


def test_recordings_are_planned_as_the_local_pipeline_would_transcribe_them(study):
    from interviewer.batch.plan import plan_interview

    study.add_participant("KI-01")
    stereo = import_recording(study, SPEECH / "stereo-two-voices.wav", "KI-01").interview
    mono = import_recording(study, SPEECH / "phone-call.wav", "KI-01").interview
    by_channel, = plan_interview(study, stereo, speakers=2, window_seconds=300)
    assert by_channel.source == "channel" and by_channel.speaker_audio.shape[1] == 2
    assert [job.channel for job in by_channel.windows] == [0, 1]
    assert sum(job.weight for job in by_channel.windows) == pytest.approx(5.0, abs=0.01)
    by_voice, = plan_interview(study, mono, speakers=2, window_seconds=10)
    assert by_voice.source == "voice" and len(by_voice.windows) == 3  # 30 s in windows of 5-10 s, cut at pauses
    assert by_voice.windows[1].offset == pytest.approx(len(by_voice.windows[0].samples) / 16000)
    assert sum(len(job.samples) for job in by_voice.windows) == len(by_voice.speaker_audio)
    alone, = plan_interview(study, mono, speakers=1, window_seconds=300)
    assert alone.source is None and alone.speaker_audio is None and len(alone.windows) == 1


@pytest.mark.slow
def test_an_interview_that_fails_is_reported_and_the_others_are_stored(study):
    from distributed import LocalCluster

    study.add_participant("KI-01")
    lost = import_recording(study, SPEECH / "jfk.flac", "KI-01")
    kept = import_recording(study, SPEECH / "harvard" / "spk1_snt1.wav", "KI-01")
    study.recording_path(lost.recording).unlink()
    with LocalCluster(n_workers=1, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None) as local:
        result = CliRunner().invoke(main, ["transcribe", "--all", "--cluster", local.scheduler_address,
                                           "--study", "test-study"])
    assert result.exit_code == 1
    assert f"interview #{lost.interview.id}" in result.output and "is missing from the study folder" in result.output
    assert [i.id for i in untranscribed_interviews(study)] == [lost.interview.id]
    assert study.segments(kept.interview.id)


@pytest.mark.slow
def test_progress_counts_recordings_and_audio_until_everything_is_done(study):
    from distributed import Client, LocalCluster

    from interviewer.batch.cluster import load_model_everywhere
    from interviewer.batch.coordinator import BatchRun
    from interviewer.batch.worker import ModelSpec

    study.add_participant("KI-01")
    for path in (SPEECH / "jfk.flac", SPEECH / "harvard" / "spk1_snt2.wav"):
        import_recording(study, path, "KI-01")
    seen, stored = [], []
    with LocalCluster(n_workers=1, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None) as local, \
            Client(local, set_as_default=False) as client:
        spec = ModelSpec.for_model(None)
        load_model_everywhere(client, spec)
        run = BatchRun(study, client, spec, speakers=1, window_seconds=4,
                       on_progress=lambda p: seen.append((p.recordings_done, p.seconds_done)),
                       on_stored=lambda interview, count: stored.append(interview.id))
        summary = run.run(untranscribed_interviews(study))
    total = sum(r.duration for i in study.interviews() for r in study.recordings(i.id))
    assert sorted(stored) == [1, 2] and summary.failed == []
    assert seen[-1][0] == 2 and seen[-1][1] == pytest.approx(total, abs=0.01)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert len(seen) >= 3  # jfk's 11 s went out as windows of about 4 s


def test_a_run_whose_workers_are_all_gone_stops_with_a_clear_error(study, monkeypatch):
    from distributed import Client, LocalCluster

    from interviewer.batch import coordinator
    from interviewer.batch.cluster import ClusterError
    from interviewer.batch.worker import ModelSpec
    from interviewer.locks import interview_lock

    monkeypatch.setattr(coordinator, "WORKER_CHECK", 0.1)
    study.add_participant("KI-01")
    interview = import_recording(study, SPEECH / "jfk.flac", "KI-01").interview
    with LocalCluster(n_workers=0, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None) as local, \
            Client(local, set_as_default=False) as client:
        run = coordinator.BatchRun(study, client, ModelSpec.for_model(None), speakers=1, wait_for_workers=0.5)
        with pytest.raises(ClusterError, match="Every worker has gone"):
            run.run(untranscribed_interviews(study))
    assert [i.id for i in untranscribed_interviews(study)] == [interview.id]
    with interview_lock(study, interview.id, "checking the lock was released"):
        pass
