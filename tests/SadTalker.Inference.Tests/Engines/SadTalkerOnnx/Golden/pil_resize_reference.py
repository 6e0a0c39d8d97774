#!/usr/bin/python3
"""Reference for the 3DMM input of align_img (team doc sadtalker-facts.md §3), produced by PIL itself: the size x size
crop (an 8-bit RGB PIL image) resized with Image.resize((w, h), resample=Image.BICUBIC), then cropped to the 224 x 224
window (left, up, left + 224, up + 224) with PIL's zero fill outside - the two calls SadTalker's resize_n_crop_img
makes (OpenTalker/SadTalker cd4c046 src/face3d/util/preprocess.py).

Inputs:
- "textured": the shared fixture astronaut.png (skimage's public-domain NASA photo, 512 x 512) as the 512 crop, and
  its 256 x 256 window at (CUT_X, CUT_Y) (a plain cut, no resampling) as the 256 crop.
- align parameters from the landmark sets of motion_reference.py (align_landmarks.npy, 68 points in a 256 square;
  doubled for the 512 crop), fitted here with numpy's lstsq as §3 states: s' ~ 0.7 at 256 and ~ 0.35 at 512 (a 3x
  downscale), windows that reach past the left/top edge (zero fill).
- "noise": a 61 x 47 uniform-noise RGB image resized to a list of sizes (down, up, one axis only, 1 x 1), to pin the
  kernel itself on the hardest input (every tap matters, overshoot clipped to 0..255).

Run once from this folder with Debian's interpreter (python3-pil 9.4, python3-numpy):
    /usr/bin/python3 pil_resize_reference.py ../../../../../../shared/fixtures/astronaut.png
It rewrites pil_align_params.npy, pil_align_{256,512}_{a,b}.png, pil_noise_input.npy, pil_noise_sizes.npy and
pil_noise_expected.npy (uint8, every output's H x W x 3 bytes in turn) next to this script.
"""
import sys

import numpy as np
from PIL import Image

CUT_X, CUT_Y = 100, 20
CASES = {"a": 0, "b": 3}  # rows of align_landmarks.npy
NOISE_SIZES = [(17, 13), (97, 71), (61, 100), (30, 47), (23, 90), (122, 20), (5, 3), (1, 1), (61, 47)]

TARGETS = np.array([  # §3: the five 3-D targets (LE, RE, nose, ML, MR)
    [-0.311487, 0.290361, 0.133780],
    [0.309799, 0.289720, 0.131795],
    [0.003253, -0.046179, 0.552442],
    [-0.252169, -0.381339, 0.224057],
    [0.248466, -0.381282, 0.222358],
])


def align_params(lm68, width, height):
    """§3 align_img: y flip, five points, least squares of x = a.P + tx and y' = b.P + ty, s' = 102 / s."""
    lm = lm68.astype(np.float64).copy()
    lm[:, 1] = height - 1 - lm[:, 1]
    five = np.stack([lm[[36, 39]].mean(0), lm[[42, 45]].mean(0), lm[30], lm[48], lm[54]])
    design = np.hstack([TARGETS, np.ones((5, 1))])
    ax, *_ = np.linalg.lstsq(design, five[:, 0], rcond=None)
    ay, *_ = np.linalg.lstsq(design, five[:, 1], rcond=None)
    s = (np.linalg.norm(ax[:3]) + np.linalg.norm(ay[:3])) / 2
    scale = 102.0 / s
    tx, ty = ax[3], ay[3]
    w, h = np.int32(width * scale), np.int32(height * scale)
    left = np.int32(w / 2 - 112 + (tx - width / 2) * scale)
    up = np.int32(h / 2 - 112 + (height / 2 - ty) * scale)
    return scale, tx, ty, int(w), int(h), int(left), int(up)


photo = Image.open(sys.argv[1]).convert("RGB")
assert photo.size == (512, 512)
crops = {256: photo.crop((CUT_X, CUT_Y, CUT_X + 256, CUT_Y + 256)), 512: photo}
landmarks = np.load("align_landmarks.npy").astype(np.float64)

rows = []
for size, crop in crops.items():
    for name, index in CASES.items():
        lm = landmarks[index] if size == 256 else landmarks[index] * 2
        scale, tx, ty, w, h, left, up = align_params(lm, size, size)
        window = crop.resize((w, h), resample=Image.BICUBIC).crop((left, up, left + 224, up + 224))
        window.save(f"pil_align_{size}_{name}.png")
        rows.append([size, index, scale, tx, ty, w, h, left, up])
        print(f"{size} {name}: s'={scale:.4f} resized {w}x{h} window at ({left}, {up})")
np.save("pil_align_params.npy", np.array(rows, np.float64))

rng = np.random.default_rng(20261202)
pixels = rng.integers(0, 256, (47, 61, 3), dtype=np.uint8)
noise = Image.fromarray(pixels, "RGB")
np.save("pil_noise_input.npy", pixels)
outputs = [np.asarray(noise.resize(size, resample=Image.BICUBIC)).reshape(-1) for size in NOISE_SIZES]
np.save("pil_noise_sizes.npy", np.array(NOISE_SIZES, np.int32))
np.save("pil_noise_expected.npy", np.concatenate(outputs))
