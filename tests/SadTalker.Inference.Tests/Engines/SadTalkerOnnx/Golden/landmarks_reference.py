#!/usr/bin/python3
"""Independent reference values for the 98-point landmark decode and the WFLW 98 -> iBUG 68 mapping
(team doc sadtalker-facts.md §2; the described behaviour is facexlib's calculate_points and landmark_98_to_68).

Written from the description with numpy only, per point with explicit neighbour rules (no facexlib code):
  peak i = first argmax of the flat 64x64 map; x = i % 64, y = i // 64
  x += 0.25 sign(h[i+1] - h[i-1])  (flat neighbours: they wrap across rows; i = 0 reads h[-1] = h[4095];
                                    i = 4095 has no h[4096], the C# port uses h[4095])
  y += 0.25 sign(h[i+64] - h[i-64]) but: if ANY point of the face has i + 64 >= 4096, all points use h[4095] as the
                                    lower neighbour; if ANY has i - 64 <= 0, all use h[0] as the upper neighbour
  (x, y) += 0.5; times (W/64, H/64); plus the box origin.
Heatmaps are sparse (zero background, a peak and a few random pixels per channel) and stored as (case, channel,
index, value) rows, so the fixture stays small; the C# test rebuilds the dense maps.

Run once from this folder with Debian's interpreter (python3-numpy):  /usr/bin/python3 landmarks_reference.py
"""
import numpy as np

rng = np.random.default_rng(98682)
N, SIDE, PLANE = 98, 64, 64 * 64


def save(name, array):
    np.save(name + ".npy", np.ascontiguousarray(array))


def decode(maps, left, top, width, height):
    peaks = [int(np.argmax(m)) for m in maps]
    all_low = any(p + SIDE >= PLANE for p in peaks)
    all_high = any(p - SIDE <= 0 for p in peaks)
    out = np.zeros((len(maps), 2))
    for n, (m, p) in enumerate(zip(maps, peaks)):
        right = m[p + 1] if p + 1 < PLANE else m[PLANE - 1]
        left_v = m[p - 1] if p > 0 else m[PLANE - 1]
        low = m[PLANE - 1] if all_low else m[p + SIDE]
        high = m[0] if all_high else m[p - SIDE]
        x = p % SIDE + 0.25 * np.sign(np.float64(right) - np.float64(left_v)) + 0.5
        y = p // SIDE + 0.25 * np.sign(np.float64(low) - np.float64(high)) + 0.5
        out[n] = (x * width / SIDE + left, y * height / SIDE + top)
    return out


# Peaks per case: 0 interior only; 1 a top-row peak and a peak at index 64 (upper rule for all); 2 a bottom-row peak
# (lower rule for all) and peaks in column 0 and 63 (row wrap); 3 peaks at index 0 and 4095.
special = {0: {}, 1: {3: 5, 7: 64}, 2: {11: 64 * 63 + 20, 12: 64 * 10, 13: 64 * 10 + 63}, 3: {20: 0, 21: PLANE - 1}}
rows, boxes, decoded = [], [], []
for case, forced in special.items():
    maps = np.zeros((N, PLANE), np.float32)
    for n in range(N):
        peak = forced.get(n, int(rng.integers(2, 62)) * SIDE + int(rng.integers(1, 63)))
        maps[n, peak] = rng.uniform(5, 10)
        for q in (peak - 1, peak + 1, peak - SIDE, peak + SIDE, *rng.integers(0, PLANE, 3)):
            if 0 <= q < PLANE and q != peak:
                maps[n, q] = rng.uniform(0, 4)
        if n % 5 == 0 and peak - 1 >= 0 and peak + 1 < PLANE:
            maps[n, peak + 1] = maps[n, peak - 1]          # a tie between the x neighbours: sign 0
        for q in np.flatnonzero(maps[n]):
            rows.append((case, n, q, maps[n, q]))
    box = (rng.uniform(0, 300), rng.uniform(0, 300), rng.uniform(60, 400), rng.uniform(60, 400))
    boxes.append(box)
    decoded.append(decode(maps, *box))

save("landmarks_heatmap_sparse", np.array(rows, np.float32))
save("landmarks_boxes", np.array(boxes, np.float64))
save("landmarks_decoded", np.array(decoded, np.float64))

# ---------------------------------------------------------------- 98 -> 68
pairs = {}
for k in range(17):
    pairs[k] = (2 * k,)
for k, p in zip(range(17, 27), [(33,), (34, 41), (35, 40), (36, 39), (37, 38), (42, 50), (43, 49), (44, 48), (45, 47), (46,)]):
    pairs[k] = p
for k in range(27, 36):
    pairs[k] = (k + 24,)
for k, p in zip(range(36, 48), [60, 61, 63, 64, 65, 67, 68, 69, 71, 72, 73, 75]):
    pairs[k] = (p,)
for k in range(48, 68):
    pairs[k] = (k + 28,)
pts98 = rng.uniform(0, 500, (98, 2)).astype(np.float32)
pts68 = np.array([pts98[list(pairs[k])].astype(np.float64).mean(axis=0) for k in range(68)], np.float32)
save("landmarks_98_points", pts98)
save("landmarks_68_points", pts68)
