#!/usr/bin/python3
"""Independent reference values for the SadTalker motion and geometry steps (team doc sadtalker-facts.md §2-§7).

Written from the facts document with numpy/scipy only (no SadTalker code): crop rule (§2), align_img (§3), PoseVAE
chunk stitching (§6), Savitzky-Golay via scipy.signal.savgol_filter mode='interp' (§6), semantic windows and
batching order (§7), head-pose bins -> degrees -> rotation (§7, with 3.14 and with pi), keypoint transform (§7),
free-view paths (§7), and blink statistics with Python's random (§5). Inputs are drawn from a fixed numpy seed and
stored beside the outputs, so the C# tests read both.

Run once from this folder with Debian's interpreter (python3-numpy, python3-scipy):
    /usr/bin/python3 motion_reference.py
It rewrites the .npy fixtures next to this script.
"""
import random

import numpy as np
from scipy.signal import savgol_filter

rng = np.random.default_rng(20261121)


def save(name, array):
    np.save(name + ".npy", np.ascontiguousarray(array))


# ---------------------------------------------------------------- §2 crop rule
def crop_rule(lm, width, height):
    eye_l = lm[36:42].mean(axis=0)
    eye_r = lm[42:48].mean(axis=0)
    eye_avg = (eye_l + eye_r) / 2
    d_eye = eye_r - eye_l
    mouth = (lm[48] + lm[54]) / 2
    d_mouth = mouth - eye_avg
    x = d_eye + np.array([d_mouth[1], -d_mouth[0]])
    x = x / np.hypot(*x)
    x = x * max(np.hypot(*d_eye) * 2.0, np.hypot(*d_mouth) * 1.8)
    y = np.array([-x[1], x[0]])
    c = eye_avg + d_mouth * 0.1
    quad = np.stack([c - x - y, c - x + y, c + x + y, c + x - y])
    qsize = np.hypot(*x) * 2
    shrink = int(np.floor(qsize / 512 * 0.5))
    w, h = width, height
    if shrink > 1:
        w, h = int(np.rint(width / shrink)), int(np.rint(height / shrink))
        quad = quad / shrink
        qsize = qsize / shrink
    border = max(int(np.rint(qsize * 0.1)), 3)
    crop = [int(np.floor(quad[:, 0].min())), int(np.floor(quad[:, 1].min())),
            int(np.ceil(quad[:, 0].max())), int(np.ceil(quad[:, 1].max()))]
    crop = [max(crop[0] - border, 0), max(crop[1] - border, 0), min(crop[2] + border, w), min(crop[3] + border, h)]
    quad = quad - np.array(crop[:2], dtype=np.float64)
    q = quad + 0.5
    lx = max(min(q[0, 0], q[1, 0]), 0)
    ly = max(min(q[0, 1], q[3, 1]), 0)
    rx = min(max(q[2, 0], q[3, 0]), w)
    ry = min(max(q[1, 1], q[2, 1]), w)        # the reference clamps y with the width too (§2 quirk)
    return np.array([w, h, shrink, qsize, *crop, lx, ly, rx, ry, *quad.flatten()], dtype=np.float64)


def face_landmarks(cx, cy, eye_dist, angle_deg, mouth_drop):
    """68 points: eyes (36-47) around two centres, mouth corners 48/54, the rest spread over the face."""
    a = np.deg2rad(angle_deg)
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    pts = rng.normal(0, eye_dist * 0.3, (68, 2))
    for start, ex in ((36, -0.5), (42, 0.5)):
        ring = np.stack([np.cos(np.linspace(0, 2 * np.pi, 6, endpoint=False)) * 0.15,
                         np.sin(np.linspace(0, 2 * np.pi, 6, endpoint=False)) * 0.06], axis=1)
        pts[start:start + 6] = (np.array([ex, 0.0]) + ring) * eye_dist + rng.normal(0, 0.5, (6, 2))
    pts[48] = np.array([-0.35 * eye_dist, mouth_drop])
    pts[54] = np.array([0.35 * eye_dist, mouth_drop])
    pts[30] = np.array([0.0, mouth_drop * 0.55])
    return pts @ rot.T + np.array([cx, cy])


cases = [  # cx, cy, eye distance, roll, mouth drop, image W, H
    (256, 240, 60, 0, 70, 512, 512),
    (300, 260, 80, 17, 95, 640, 480),
    (120, 110, 50, -25, 60, 400, 300),       # near the top-left corner: clamps
    (1900, 1500, 600, 8, 680, 3840, 2880),   # qsize >= 2048: shrink 2
    (150, 600, 110, -5, 125, 300, 900),      # narrow tall image: the width clamp bites on ry
]
# Rounded to float32 first: the C# side takes float landmarks, so both compute in float64 from the same values.
lms = np.stack([face_landmarks(*c[:5]) for c in cases]).astype(np.float32).astype(np.float64)
save("crop_landmarks", lms.astype(np.float32))
save("crop_image_sizes", np.array([[c[5], c[6]] for c in cases], dtype=np.int32))
save("crop_expected", np.stack([crop_rule(lm, c[5], c[6]) for lm, c in zip(lms, cases)]))

# ---------------------------------------------------------------- §3 align_img
LM3D_5 = np.array([[-0.311487, 0.290361, 0.133780], [0.309799, 0.289720, 0.131795], [0.003253, -0.046179, 0.552442],
                   [-0.252169, -0.381339, 0.224057], [0.248466, -0.381282, 0.222358]])


def align_params(lm68, width, height):
    lm = lm68.copy()
    lm[:, 1] = height - 1 - lm[:, 1]
    five = np.stack([lm[[36, 39]].mean(0), lm[[42, 45]].mean(0), lm[30], lm[48], lm[54]])
    a = np.zeros((10, 8))
    a[0::2, 0:3] = LM3D_5
    a[0::2, 3] = 1
    a[1::2, 4:7] = LM3D_5
    a[1::2, 7] = 1
    k = np.linalg.lstsq(a, five.reshape(-1), rcond=None)[0]
    s = (np.linalg.norm(k[0:3]) + np.linalg.norm(k[4:7])) / 2
    tx, ty = k[3], k[7]
    s2 = 102.0 / s
    w, h = int(width * s2), int(height * s2)
    left = int(w / 2 - 112 + (tx - width / 2) * s2)
    up = int(h / 2 - 112 + (height / 2 - ty) * s2)
    return np.array([width, height, s2, tx, ty, w, h, left, up], dtype=np.float64)


# align_img runs on the size x size crop (§3); reuse the landmark sets scaled into a 256 square.
align_inputs = []
for lm in lms:
    lo, hi = lm.min(0), lm.max(0)
    align_inputs.append((lm - lo) / (hi - lo).max() * 180 + 38)
align_inputs = np.stack(align_inputs).astype(np.float32).astype(np.float64)
save("align_landmarks", align_inputs.astype(np.float32))
save("align_expected", np.stack([align_params(lm, 256, 256) for lm in align_inputs]))

# ---------------------------------------------------------------- §6 PoseVAE chunk plan
def pose_plan(frames, seq=32):
    """Rows: (chunk, position in chunk, source frame of that window, output frame or -1 when discarded)."""
    rows = []
    n = frames - 1
    if n <= 0:
        return np.zeros((0, 4), np.int32)
    div, rem = divmod(n, seq)
    for c in range(div):
        for p in range(seq):
            f = 1 + c * seq + p
            rows.append((c, p, f, f))
    if rem:
        tail = list(range(max(1, frames - seq), frames))      # last 32 windows (all of them when fewer)
        tail = [tail[0]] * (seq - len(tail)) + tail            # front-pad by repeating the first
        for p, f in enumerate(tail):
            rows.append((div, p, f, (frames - rem + (p - (seq - rem))) if p >= seq - rem else -1))
    return np.array(rows, np.int32)


pose_frames = [1, 2, 20, 33, 64, 65, 100]
save("pose_plan_frames", np.array(pose_frames, np.int32))
save("pose_plan_expected", np.concatenate([np.concatenate([np.full((len(p), 1), f, np.int32), p], 1)
                                           for f in pose_frames for p in [pose_plan(f)]]))

# ---------------------------------------------------------------- §6 Savitzky-Golay
for length in (50, 13, 9, 4):
    x = rng.normal(0, 1, (length, 6)).cumsum(axis=0).astype(np.float32)
    window = 13 if length >= 13 else (length - 1) // 2 * 2 + 1
    save(f"savgol_{length}_input", x)
    save(f"savgol_{length}_expected", savgol_filter(x.astype(np.float64), window, 2, axis=0, mode="interp").astype(np.float32))

# ---------------------------------------------------------------- §7 semantic windows and batching order
def window_indices(frames, radius=13):
    return np.array([[min(max(i + d, 0), frames - 1) for d in range(-radius, radius + 1)] for i in range(frames)], np.int32)


save("semantic_windows_7", window_indices(7))
save("semantic_windows_40", window_indices(40))


def batch_order(frames, batch):
    """Frame rendered by (step k, row b) in the reference layout: pad to a multiple of B, rows hold contiguous runs."""
    padded = -(-frames // batch) * batch
    per_row = padded // batch
    idx = np.minimum(np.arange(padded), frames - 1).reshape(batch, per_row)
    return idx.T.copy()  # [step, row]


save("batch_order_23_2", batch_order(23, 2).astype(np.int32))
save("batch_order_23_5", batch_order(23, 5).astype(np.int32))
save("batch_order_10_10", batch_order(10, 10).astype(np.int32))

# ---------------------------------------------------------------- §7 bins -> degrees -> rotation -> keypoints
logits = rng.normal(0, 2.5, (8, 3, 66)).astype(np.float32)
logits[0, :, :] = 0.0                  # uniform: mean bin 32.5 -> -1.5 degrees
logits[1, 0, 5] = 40.0                 # one-hot yaw at bin 5 -> -84 degrees


def degrees(lg):
    e = np.exp(lg - lg.max(-1, keepdims=True))
    p = e / e.sum(-1, keepdims=True)
    return (p * np.arange(66)).sum(-1) * 3 - 99


def rotation(yaw, pitch, roll, pi):
    y, p, r = yaw / 180 * pi, pitch / 180 * pi, roll / 180 * pi
    rx = np.array([[1, 0, 0], [0, np.cos(p), -np.sin(p)], [0, np.sin(p), np.cos(p)]])
    ry = np.array([[np.cos(y), 0, np.sin(y)], [0, 1, 0], [-np.sin(y), 0, np.cos(y)]])
    rz = np.array([[np.cos(r), -np.sin(r), 0], [np.sin(r), np.cos(r), 0], [0, 0, 1]])
    return rx @ ry @ rz


deg = degrees(logits.astype(np.float64))                      # (8, 3): yaw, pitch, roll
save("pose_logits", logits)
save("pose_degrees", deg)
save("rotation_314", np.stack([rotation(*d, 3.14) for d in deg]))
save("rotation_pi", np.stack([rotation(*d, np.pi) for d in deg]))
kc = rng.uniform(-1, 1, (8, 15, 3)).astype(np.float32)
t = rng.normal(0, 0.1, (8, 3)).astype(np.float32)
delta = rng.normal(0, 0.05, (8, 45)).astype(np.float32)
save("kp_canonical", kc)
save("kp_translation", t)
save("kp_delta", delta)
kp = np.stack([kc[i].astype(np.float64) @ rotation(*deg[i], 3.14).T + np.array([0, t[i, 1], 0]) + delta[i].reshape(15, 3)
               for i in range(8)])
save("kp_expected", kp)

# ---------------------------------------------------------------- §7 free-view paths
def free_view(keys, frames):
    if len(keys) == 1:
        return np.full(frames, float(keys[0]))
    total = sum(abs(b - a) for a, b in zip(keys, keys[1:]))
    per_frame = total / (frames - 1)
    out = []
    for a, b in zip(keys, keys[1:]):
        out += list(np.arange(a, b, per_frame * np.sign(b - a)))
    out = out[:frames]
    return np.array(out + [out[-1]] * (frames - len(out)), dtype=np.float64)


paths = [([0], 10), ([-20, 20], 50), ([0, 30, -30, 0], 101), ([10, -10], 7), ([0, 45], 200)]
save("free_view_expected", np.concatenate([free_view(k, n) for k, n in paths]))

# ---------------------------------------------------------------- §5 blink statistics (Python random, as the reference)
def blink_seq(frames, r):
    ratio = np.zeros(frames)
    if frames <= 20:
        return ratio
    pos = 0
    while True:
        gap = r.choice(range(10, min(frames // 2, 70)))
        if pos + gap + 5 > frames - 1:
            break
        ratio[pos + gap:pos + gap + 5] = [0.5, 0.9, 1.0, 0.9, 0.5]
        pos += gap + 5
    return ratio


stats = []
for frames in (30, 100, 250, 1000):
    r = random.Random(7)
    counts = [int((blink_seq(frames, r) == 1.0).sum()) for _ in range(4000)]
    stats.append((frames, np.mean(counts), np.std(counts)))
save("blink_stats", np.array(stats, np.float64))
