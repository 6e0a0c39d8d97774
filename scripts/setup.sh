#!/usr/bin/env bash
# Installs what SadTalker.Web needs on Debian 12 and is a quick no-op when everything is present.
#   scripts/setup.sh              what the app needs (ffmpeg, poppler-utils, fonts, ONNX Runtime sources, BlazeFace models)
#   scripts/setup.sh --for-tests  also what the test suite needs (chromium, python3-onnx, numpy, scipy)
# As root it installs missing Debian packages itself; otherwise it says exactly what to install.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

for_tests=0
[[ "${1:-}" == "--for-tests" ]] && for_tests=1

missing=()
have() { command -v "$1" >/dev/null 2>&1; }
py_has() { /usr/bin/python3 -c "import $1" >/dev/null 2>&1; }

have ffmpeg && have ffprobe || missing+=(ffmpeg)
# pdftoppm renders the first page of consent evidence PDFs as a preview (without it: download only).
have pdftoppm || missing+=(poppler-utils)
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)
have npm || missing+=(npm)
if ((for_tests)); then
    [[ -x /usr/bin/chromium ]] || missing+=(chromium)
    [[ -x /usr/bin/python3 ]] || missing+=(python3)
    py_has onnx || missing+=(python3-onnx)
    py_has numpy || missing+=(python3-numpy)
    py_has scipy || missing+=(python3-scipy)
fi

if ((${#missing[@]})); then
    if [[ "$(id -u)" == 0 ]]; then
        echo "setup: installing Debian packages: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "setup: missing Debian packages: ${missing[*]}" >&2
        echo "setup: install them with: sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

if ! have dotnet || ! dotnet --list-sdks | grep -q '^10\.'; then
    echo "setup: the .NET SDK 10 (10.0.401 or a later 10.0 feature band, see global.json) is required and not on PATH." >&2
    echo "setup: Debian does not package it; install it from Microsoft's packages for Debian 12 and run this again." >&2
    exit 1
fi

# ONNX Runtime managed sources + native library (compiled by src/OnnxRuntime), pinned by package-lock.json.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "setup: npm ci (ONNX Runtime sources and native library)"
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

scripts/fetch-models.sh
