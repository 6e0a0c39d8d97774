#!/usr/bin/env bash
# Full-mode paste-back benchmark: our Poisson clone (C#) beside OpenCV's seamlessClone on the same 1080p frame.
# The frame is the shared astronaut fixture resized to 1920x1080; the "rendered face" is a 700x700 region of it,
# re-coloured, pasted at (610, 190) - SadTalker's call: NORMAL_CLONE, all-255 mask, centre of the rectangle.
# Needs Debian's python3-opencv (apt-get install python3-opencv); prints both timings and the mean |difference|.
# Usage: scripts/poisson-bench.sh [REPEAT]   (default 5)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repeat=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixture=../shared/fixtures/astronaut.png
[[ -f $fixture ]] || { echo "missing $fixture" >&2; exit 1; }

/usr/bin/python3 - "$fixture" "$work" "$repeat" <<'PY'
import sys, time
import cv2, numpy as np
fixture, work, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
left, top, size = 610, 190, 700
frame = cv2.resize(cv2.imread(fixture), (1920, 1080), interpolation=cv2.INTER_CUBIC)
patch = frame[top + 9:top + 9 + size, left - 9:left - 9 + size].astype(np.float32) * 1.12 + np.array([-10, 0, 15], np.float32)
patch = np.clip(np.rint(patch), 0, 255).astype(np.uint8)
cv2.imwrite(f"{work}/frame.png", frame)
cv2.imwrite(f"{work}/patch.png", patch)
mask = np.full(patch.shape[:2], 255, np.uint8)
centre = ((left + left + size) // 2, (top + top + size) // 2)
for threads in (1, cv2.getNumberOfCPUs()):
    cv2.setNumThreads(threads)
    cv2.seamlessClone(patch, frame, mask, centre, cv2.NORMAL_CLONE)  # warm-up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        out = cv2.seamlessClone(patch, frame, mask, centre, cv2.NORMAL_CLONE)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"OpenCV {cv2.__version__} seamlessClone ({threads} thread{'s' if threads > 1 else ''}): median {times[len(times)//2]:.1f} ms, min {times[0]:.1f} ms over {repeat} runs")
np.save(f"{work}/opencv.npy", cv2.cvtColor(out, cv2.COLOR_BGR2RGB))
PY

dotnet build src/SadTalker.Cli -c Release -v quiet -nologo >/dev/null
dotnet src/SadTalker.Cli/bin/Release/net10.0/SadTalker.Cli.dll paste-bench --image "$work/frame.png" --patch "$work/patch.png" \
    --left 610 --top 190 --repeat "$repeat" --out "$work/ours.rgb"

/usr/bin/python3 - "$work" <<'PY'
import sys
import numpy as np
work = sys.argv[1]
opencv = np.load(f"{work}/opencv.npy").astype(np.int16)
ours = np.fromfile(f"{work}/ours.rgb", np.uint8).reshape(opencv.shape).astype(np.int16)
region = np.abs(ours - opencv)[190:890, 610:1310]
print(f"mean |ours - OpenCV| over the 700x700 rectangle: {region.mean():.4f} levels (max {region.max()})")
PY
