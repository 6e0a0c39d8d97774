#!/usr/bin/python3
"""Reference for the full-mode paste-back (team doc sadtalker-facts.md §8): OpenCV seamlessClone, NORMAL_CLONE,
all-255 mask over the whole rectangle, centre ((x1+x2)//2, (y1+y2)//2) - the call SadTalker's paste_pic makes.

Inputs are derived from the shared fixture astronaut.png (skimage's public-domain NASA photo): the destination is
the photo downscaled to 256x256; the patch is a 120x140 region of the photo taken 6 px off and re-coloured
(gain 1.15, red +18, blue -12) as a stand-in for a rendered face whose colours do not match the background.

Run once from this folder with Debian's interpreter (python3-opencv, python3-numpy):
    /usr/bin/python3 poisson_reference.py ../../../../../../shared/fixtures/astronaut.png
It rewrites poisson_destination.png, poisson_patch.png and poisson_opencv.png (RGB PNGs) next to this script.
"""
import sys

import cv2
import numpy as np

LEFT, TOP, W, H = 70, 40, 120, 140

photo = cv2.imread(sys.argv[1], cv2.IMREAD_COLOR)                      # BGR
destination = cv2.resize(photo, (256, 256), interpolation=cv2.INTER_AREA)
region = destination[TOP + 6:TOP + 6 + H, LEFT - 6:LEFT - 6 + W].astype(np.float32)
patch = region * 1.15 + np.array([-12, 0, 18], np.float32)             # B, G, R offsets
patch = np.clip(np.rint(patch), 0, 255).astype(np.uint8)

mask = np.full((H, W), 255, np.uint8)
centre = ((LEFT + LEFT + W) // 2, (TOP + TOP + H) // 2)
cloned = cv2.seamlessClone(patch, destination, mask, centre, cv2.NORMAL_CLONE)

cv2.imwrite("poisson_destination.png", destination)
cv2.imwrite("poisson_patch.png", patch)
cv2.imwrite("poisson_opencv.png", cloned)
changed = np.argwhere((cloned != destination).any(axis=2))
print("changed pixels: rows", changed[:, 0].min(), changed[:, 0].max(), "cols", changed[:, 1].min(), changed[:, 1].max())
