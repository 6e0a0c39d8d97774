#!/usr/bin/python3
"""Reference for the face enhancer's alignment (team doc sadtalker-facts.md §8): the 5-point similarity onto the
FFHQ-512 template with cv2.estimateAffinePartial2D (method LMEDS, as facexlib calls it) and cv2.warpAffine
(INTER_LINEAR, BORDER_CONSTANT with the grey (135, 133, 132) border).

Inputs: poisson_destination.png (the 256x256 astronaut already in this folder). Five points are made by mapping the
template through a known similarity's inverse, so they fit exactly (LMEDS and least squares agree); a second set adds
fixed Gaussian noise (sigma 2 px) and its expected matrix is numpy's least-squares solution of the 10x4 system, not
OpenCV's (LMEDS may drop points when they do not fit).

Run once from this folder with Debian's interpreter (python3-opencv, python3-numpy):
    /usr/bin/python3 enhancer_reference.py
It rewrites ffhq_points_exact.npy, ffhq_matrix_exact.npy (OpenCV), ffhq_matrix_true.npy, ffhq_points_noisy.npy, ffhq_matrix_noisy.npy and
ffhq_warp_opencv.png (the photo warped by the exact matrix halved, into 256x256, so the fixture stays small).
"""
import cv2
import numpy as np

TEMPLATE = np.array([[192.98138, 239.94708], [318.90277, 240.1936], [256.63416, 314.01935],
                     [201.26117, 371.41043], [313.08905, 371.15118]])

# frame -> face similarity: scale 2.2, rotation 10 degrees, translation chosen so the face sits near (128, 110).
scale, angle = 2.2, np.deg2rad(10.0)
a, b = scale * np.cos(angle), scale * np.sin(angle)
linear = np.array([[a, -b], [b, a]])
centre_face, centre_frame = TEMPLATE.mean(axis=0), np.array([128.0, 110.0])
true = np.hstack([linear, (centre_face - linear @ centre_frame)[:, None]])
inverse = cv2.invertAffineTransform(true)
points = (inverse[:, :2] @ TEMPLATE.T).T + inverse[:, 2]

exact, inliers = cv2.estimateAffinePartial2D(points, TEMPLATE, method=cv2.LMEDS)
print("exact: all inliers", inliers.ravel().tolist(), "max |M - true|", np.abs(exact - true).max())

noisy = points + np.random.default_rng(20261).normal(0.0, 2.0, points.shape)
rows, rhs = [], []
for (x, y), (u, v) in zip(noisy, TEMPLATE):
    rows += [[x, -y, 1, 0], [y, x, 0, 1]]
    rhs += [u, v]
(na, nb, tx, ty), *_ = np.linalg.lstsq(np.array(rows), np.array(rhs), rcond=None)
noisy_matrix = np.array([[na, -nb, tx], [nb, na, ty]])
opencv_noisy, noisy_inliers = cv2.estimateAffinePartial2D(noisy, TEMPLATE, method=cv2.LMEDS)
print("noisy: LMEDS inliers", noisy_inliers.ravel().tolist(), "max |LMEDS - lstsq|", np.abs(opencv_noisy - noisy_matrix).max())

photo = cv2.imread("poisson_destination.png", cv2.IMREAD_COLOR)  # BGR
half = exact * 0.5  # the 512 template scaled to 256
warped = cv2.warpAffine(photo, half, (256, 256), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                        borderValue=(132, 133, 135))  # BGR of (135, 133, 132)

for name, array in [("ffhq_points_exact", points), ("ffhq_matrix_exact", exact), ("ffhq_matrix_true", true),
                    ("ffhq_points_noisy", noisy), ("ffhq_matrix_noisy", noisy_matrix)]:
    np.save(name + ".npy", np.ascontiguousarray(array, dtype=np.float64))  # C order: the C# reader takes no Fortran arrays
cv2.imwrite("ffhq_warp_opencv.png", warped)
print("border pixels", int((warped == [132, 133, 135]).all(axis=2).sum()))
