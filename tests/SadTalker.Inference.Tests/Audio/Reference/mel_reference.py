#!/usr/bin/python3
"""Independent reference values for the SadTalker mel features (docs: sadtalker-facts.md section 4).

Written from the spec with numpy only (no librosa): its own Slaney mel filterbank, pre-emphasis, centre-padded
periodic-Hann STFT (numpy.fft.rfft), dB and symmetric normalisation, per-frame windows and loudness.
Everything is computed in float64 and stored as float32.

Run once with Debian's interpreter (python3-numpy, python3-scipy) from this folder:
    /usr/bin/python3 mel_reference.py ../../../../../shared/fixtures/speech-en-10s.wav
It rewrites the fixture files next to this script; the C# golden tests read them.
"""
import os
import sys

import numpy as np
from scipy.io import wavfile

SR = 16000
FPS = 25
SAMPLES_PER_FRAME = SR // FPS  # 640
N_FFT = 800
HOP = 200
N_MELS = 80
FMIN, FMAX = 55.0, 7600.0
PREEMPHASIS = 0.97
MIN_LEVEL_DB, REF_LEVEL_DB, MAX_ABS = -100.0, 20.0, 4.0
WINDOW_STEPS = 16
# The first 32 300 samples (2.02 s): 50 video frames after the floor(N/640) cut, so the truncation is exercised too.
CLIP_SAMPLES = 32300
WINDOW_FRAMES = [0, 1, 2, 3, 24, 49]


def hz_to_mel(hz):
    """Slaney scale: 3f/200 below 1 kHz, 15 + 27*ln(f/1000)/ln(6.4) above."""
    hz = np.asarray(hz, dtype=np.float64)
    linear = hz / (200.0 / 3.0)
    log = 15.0 + np.log(np.maximum(hz, 1e-12) / 1000.0) / (np.log(6.4) / 27.0)
    return np.where(hz >= 1000.0, log, linear)


def mel_to_hz(mel):
    mel = np.asarray(mel, dtype=np.float64)
    linear = mel * (200.0 / 3.0)
    log = 1000.0 * np.exp((np.log(6.4) / 27.0) * (mel - 15.0))
    return np.where(mel >= 15.0, log, linear)


def slaney_filterbank():
    """(80, 401) triangles between mel-spaced edges, each scaled by 2 / (right edge - left edge)."""
    edges = mel_to_hz(np.linspace(hz_to_mel(FMIN), hz_to_mel(FMAX), N_MELS + 2))
    bins = np.arange(N_FFT // 2 + 1) * SR / N_FFT
    bank = np.zeros((N_MELS, bins.size))
    for m in range(N_MELS):
        left, centre, right = edges[m], edges[m + 1], edges[m + 2]
        rising = (bins - left) / (centre - left)
        falling = (right - bins) / (right - centre)
        bank[m] = np.maximum(0.0, np.minimum(rising, falling)) * (2.0 / (right - left))
    return bank, edges


def mel_spectrogram(x):
    frames = len(x) // SAMPLES_PER_FRAME
    x = x[: frames * SAMPLES_PER_FRAME].astype(np.float64)
    y = x.copy()
    y[1:] -= PREEMPHASIS * x[:-1]
    padded = np.concatenate([np.zeros(N_FFT // 2), y, np.zeros(N_FFT // 2)])
    steps = 1 + (len(padded) - N_FFT) // HOP
    assert steps == 1 + (16 * frames) // 5, "T_mel = 1 + floor(640 F / 200)"
    window = 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(N_FFT) / N_FFT)  # periodic Hann
    index = np.arange(N_FFT)[None, :] + HOP * np.arange(steps)[:, None]
    magnitude = np.abs(np.fft.rfft(padded[index] * window[None, :], axis=1))  # (steps, 401)
    bank, _ = slaney_filterbank()
    mel = magnitude @ bank.T  # (steps, 80)
    db = 20.0 * np.log10(np.maximum(1e-5, mel)) - REF_LEVEL_DB
    norm = np.clip((2 * MAX_ABS) * ((db - MIN_LEVEL_DB) / -MIN_LEVEL_DB) - MAX_ABS, -MAX_ABS, MAX_ABS)
    return norm, frames


def windows(mel, frame_indices):
    out = np.zeros((len(frame_indices), N_MELS, WINDOW_STEPS))
    for j, i in enumerate(frame_indices):
        start = int(80.0 * ((i - 2) / float(FPS)))
        rows = np.clip(np.arange(start, start + WINDOW_STEPS), 0, mel.shape[0] - 1)
        out[j] = mel[rows, :].T
    return out


def loudness_dbfs(x):
    frames = len(x) // SAMPLES_PER_FRAME
    blocks = x[: frames * SAMPLES_PER_FRAME].astype(np.float64).reshape(frames, SAMPLES_PER_FRAME)
    rms = np.sqrt(np.mean(blocks**2, axis=1))
    return 20.0 * np.log10(np.maximum(rms, 1e-5))


def main():
    rate, pcm = wavfile.read(sys.argv[1])
    assert rate == SR and pcm.dtype == np.int16 and pcm.ndim == 1, "expects 16 kHz mono 16-bit PCM"
    x = pcm[:CLIP_SAMPLES].astype(np.float64) / 32768.0
    here = os.path.dirname(os.path.abspath(__file__))

    mel, frames = mel_spectrogram(x)
    np.save(os.path.join(here, "speech-en-10s_32300_mel.npy"), mel.astype(np.float32))
    np.save(os.path.join(here, "speech-en-10s_32300_windows.npy"), windows(mel, WINDOW_FRAMES).astype(np.float32))
    np.save(os.path.join(here, "speech-en-10s_32300_window_frames.npy"), np.array(WINDOW_FRAMES, dtype=np.int32))
    np.save(os.path.join(here, "speech-en-10s_32300_loudness_dbfs.npy"), loudness_dbfs(x).astype(np.float32))

    bank, edges = slaney_filterbank()
    with open(os.path.join(here, "slaney_mel_16000_800_80.csv"), "w", encoding="ascii") as f:
        f.write("# Slaney mel filterbank, sr 16000, n_fft 800, 80 bands, 55-7600 Hz, norm slaney: nonzero weights\n")
        f.write("band,bin,weight\n")
        for m, k in zip(*np.nonzero(bank)):
            f.write(f"{m},{k},{bank[m, k]:.9e}\n")
    np.save(os.path.join(here, "slaney_mel_16000_80_edges_hz.npy"), edges)
    print(f"frames {frames}, mel {mel.shape}, range [{mel.min():.3f}, {mel.max():.3f}], "
          f"filter weights {np.count_nonzero(bank)}, edges {edges[0]:.3f}..{edges[-1]:.3f} Hz")


if __name__ == "__main__":
    main()
