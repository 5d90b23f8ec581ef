"""Provides the expected numbers for tests/test_voice_encoder.py from the original Resemblyzer.

Run it in a throwaway virtual environment that has the original's dependencies, never in the
project's own (torch is not a dependency of interviewer):

    python -m venv /tmp/refvenv
    /tmp/refvenv/bin/pip install torch==2.13.0 librosa webrtcvad soundfile "setuptools<80"
    /tmp/refvenv/bin/pip install --no-deps Resemblyzer==0.1.4
    /tmp/refvenv/bin/python scripts/voice_encoder_reference.py

It prints JSON; the test keeps a few of those numbers.
"""

import json
from pathlib import Path

import numpy as np
import soundfile as sf
from resemblyzer import VoiceEncoder
from resemblyzer.audio import audio_norm_target_dBFS, normalize_volume, wav_to_mel_spectrogram

SPEECH = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "speech"
# (file, start s, end s): two turns of speaker 1688 and one of 1998 in the same conversation.
CLIPS = {
    "a_1688": ("conversations/male-female.flac", 0.0, 4.0),
    "b_1998": ("conversations/male-female.flac", 8.4, 12.4),
    "c_1688": ("conversations/male-female.flac", 16.8, 20.8),
}


def load_clip(name: str) -> np.ndarray:
    path, start, end = CLIPS[name]
    wav, rate = sf.read(SPEECH / path, dtype="float32")
    assert rate == 16000
    return wav[int(start * rate) : int(end * rate)]


def main() -> None:
    encoder = VoiceEncoder("cpu", verbose=False)
    out = {}
    embeds = {}
    for name in CLIPS:
        # The original's preprocess_wav also trims silences with webrtcvad; we compare the encoder
        # itself, so only the loudness normalisation is applied here, as interviewer does.
        wav = normalize_volume(load_clip(name), audio_norm_target_dBFS, increase_only=True)
        mel = wav_to_mel_spectrogram(wav)
        embed, partials, _ = encoder.embed_utterance(wav, return_partials=True)
        embeds[name] = embed
        out[name] = {
            "mel_frame_10_first8": mel[10, :8].tolist(),
            "mel_shape": list(mel.shape),
            "n_partials": int(len(partials)),
            "partial0_first8": partials[0, :8].tolist(),
            "embed_first8": embed[:8].tolist(),
            "embed_top8_index": np.argsort(embed)[::-1][:8].tolist(),
            "embed_top8_value": np.sort(embed)[::-1][:8].tolist(),
            "embed_dot_ramp": float(embed @ np.linspace(-1, 1, embed.size)),
            "raw_mean_norm": float(np.linalg.norm(partials.mean(axis=0))),
        }
    out["cosine"] = {
        "a_c_same": float(embeds["a_1688"] @ embeds["c_1688"]),
        "a_b_different": float(embeds["a_1688"] @ embeds["b_1998"]),
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
