"""Writes a tiny synthetic SadTalker model pack that honours the contract in models/manifest.json exactly
(input/output names, ranks, fixed and symbolic dims, dtypes), plus deliberately broken variants for the verifier tests.

Each graph is deterministic and cheap: m = mean of the first input + 0.5 x the means of the others, broadcast to the
output shape (batch taken from the input at run time), plus a ramp along the last axis, through fmod(|10 x|, 1):
outputs stay in [0, 1], depend on every input and have the contract's shapes.

Usage: /usr/bin/python3 make_sadtalker_pack.py MANIFEST OUTPUT_DIR   (needs Debian's python3-onnx, opset 17, IR 8)
The landmark model is special (build_landmarks): its heatmaps peak at a template face, so its points are a face.
Writes OUTPUT_DIR/pack/*.onnx and OUTPUT_DIR/variants/{expnet_wrong_dim,expnet_wrong_dtype,expnet_renamed,landmarks_collapsed}.onnx.
"""
import copy
import json
import os
import sys

import numpy as np
from onnx import TensorProto, checker, helper, numpy_helper, save

DTYPES = {"float32": TensorProto.FLOAT, "float64": TensorProto.DOUBLE, "int64": TensorProto.INT64,
          "int32": TensorProto.INT32, "uint8": TensorProto.UINT8}


def value_info(tensor):
    return helper.make_tensor_value_info(tensor["name"], DTYPES[tensor["dtype"]], tensor["shape"])


def build(model):
    """Graph: out_k = fmod(|10 m + ramp_k|, 1), m = mean(in_0) + 0.5 sum_j mean(in_j) broadcast to [B, d1, ...],
    ramp_k in [0, 1) along the last axis."""
    first = model["inputs"][0]
    nodes, inits = [], []
    x = first["name"]
    if first["dtype"] != "float32":
        nodes.append(helper.make_node("Cast", [x], ["x_float"], to=TensorProto.FLOAT))
        x = "x_float"
    rank = len(first["shape"])
    if rank > 1:
        nodes.append(helper.make_node("ReduceMean", [x], ["x_mean"], axes=list(range(1, rank)), keepdims=0))
    else:
        nodes.append(helper.make_node("Identity", [x], ["x_mean"]))
    nodes.append(helper.make_node("Shape", [first["name"]], ["in_shape"], start=0, end=1))
    # The other inputs join through a small weight (0.5 x their mean), so every input changes the outputs.
    for k, extra in enumerate(model["inputs"][1:]):
        name = extra["name"]
        if extra["dtype"] != "float32":
            nodes.append(helper.make_node("Cast", [name], [f"e{k}_f"], to=TensorProto.FLOAT))
            name = f"e{k}_f"
        extra_rank = len(extra["shape"])
        if extra_rank > 1:  # per batch item, like the first input
            nodes.append(helper.make_node("ReduceMean", [name], [f"e{k}_m"], axes=list(range(1, extra_rank)), keepdims=0))
        else:
            nodes.append(helper.make_node("Identity", [name], [f"e{k}_m"]))
        inits.append(numpy_helper.from_array(np.array(0.5, np.float32), f"zero{k}"))
        nodes.append(helper.make_node("Mul", [f"e{k}_m", f"zero{k}"], [f"e{k}_z"]))
        nodes.append(helper.make_node("Add", ["x_mean" if k == 0 else f"acc{k - 1}", f"e{k}_z"], [f"acc{k}"]))
    mean = f"acc{len(model['inputs']) - 2}" if len(model["inputs"]) > 1 else "x_mean"
    for j, out in enumerate(model["outputs"]):
        rest = [int(d) for d in out["shape"][1:]]
        inits.append(numpy_helper.from_array(np.array([-1] + [1] * len(rest), np.int64), f"unit_shape{j}"))
        inits.append(numpy_helper.from_array(np.array(rest, np.int64), f"rest{j}"))
        # A ramp along the last axis only (broadcast), so the files stay a few hundred bytes.
        ramp = np.arange(rest[-1], dtype=np.float32) / rest[-1] if rest else np.array(0.0, np.float32)
        inits.append(numpy_helper.from_array(ramp, f"ramp{j}"))
        nodes.append(helper.make_node("Reshape", [mean, f"unit_shape{j}"], [f"m{j}"]))
        nodes.append(helper.make_node("Concat", ["in_shape", f"rest{j}"], [f"out_shape{j}"], axis=0))
        nodes.append(helper.make_node("Expand", [f"m{j}", f"out_shape{j}"], [f"b{j}"]))
        # fmod(|10 b + ramp|, 1): a sawtooth in [0, 1) (a valid image for the renderer) with slope 10 everywhere, so
        # small changes of any input reach the output (a sine saturates at its peaks and hid the motion).
        inits.append(numpy_helper.from_array(np.array(10.0, np.float32), f"gain{j}"))
        inits.append(numpy_helper.from_array(np.array(1.0, np.float32), f"one{j}"))
        nodes.append(helper.make_node("Mul", [f"b{j}", f"gain{j}"], [f"g{j}"]))
        nodes.append(helper.make_node("Add", [f"g{j}", f"ramp{j}"], [f"phase{j}"]))
        nodes.append(helper.make_node("Abs", [f"phase{j}"], [f"abs{j}"]))
        nodes.append(helper.make_node("Mod", [f"abs{j}", f"one{j}"], [out["name"]], fmod=1))
    graph = helper.make_graph(nodes, model["id"], [value_info(t) for t in model["inputs"]],
                              [value_info(t) for t in model["outputs"]], inits)
    onnx_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)
    checker.check_model(onnx_model)
    return onnx_model


def wflw_template():
    """A rough frontal WFLW 98-point face in 64x64 heatmap cells (image left = the subject's right): contour 0-32,
    brows 33-50, nose 51-59, eyes 60-75, mouth 76-95, pupils 96-97. Only its layout matters (eyes above the nose
    above the mouth), so the crop rule and the 5-point alignment get a sensible face."""
    pts = np.zeros((98, 2), np.float32)
    t = np.linspace(0, np.pi, 33)
    pts[0:33] = np.stack([32 - 26 * np.cos(t), 26 + 30 * np.sin(t)], axis=1)        # jaw, ear to ear through the chin
    pts[33:42] = np.stack([np.linspace(10, 27, 9), 19 - 2 * np.sin(np.linspace(0, np.pi, 9))], axis=1)
    pts[42:51] = np.stack([np.linspace(37, 54, 9), 19 - 2 * np.sin(np.linspace(0, np.pi, 9))], axis=1)
    pts[51:55] = np.stack([np.full(4, 32.0), np.linspace(26, 38, 4)], axis=1)         # bridge down to the tip (54)
    pts[55:60] = np.stack([np.linspace(27, 37, 5), np.full(5, 40.0)], axis=1)
    a = np.linspace(0, 2 * np.pi, 9)[:8]
    pts[60:68] = np.stack([20 - 6 * np.cos(a), 26 - 2.5 * np.sin(a)], axis=1)          # 60 and 64: eye corners
    pts[68:76] = np.stack([44 - 6 * np.cos(a), 26 - 2.5 * np.sin(a)], axis=1)
    m = np.linspace(0, 2 * np.pi, 13)[:12]
    pts[76:88] = np.stack([32 - 10 * np.cos(m), 48 - 4 * np.sin(m)], axis=1)           # 76 and 82: mouth corners
    n = np.linspace(0, 2 * np.pi, 9)[:8]
    pts[88:96] = np.stack([32 - 7 * np.cos(n), 48 - 1.5 * np.sin(n)], axis=1)
    pts[96], pts[97] = (20, 26), (44, 26)
    return pts


def build_landmarks(model):
    """Heatmaps peaking at the template points, shifted right by 4 x mean(image) cells, so the points follow the input
    a little: h[b, c, y, x] = -((x - px_c - 4 m_b)^2 + (y - py_c)^2). Channel 98 (unused) peaks in the centre."""
    pts = np.concatenate([wflw_template(), [[32, 32]]]).astype(np.float32)
    inits = [numpy_helper.from_array(np.arange(64, dtype=np.float32).reshape(1, 1, 1, 64), "xs"),
             numpy_helper.from_array(np.arange(64, dtype=np.float32).reshape(1, 1, 64, 1), "ys"),
             numpy_helper.from_array(pts[:, 0].reshape(1, 99, 1, 1), "px"),
             numpy_helper.from_array(pts[:, 1].reshape(1, 99, 1, 1), "py"),
             numpy_helper.from_array(np.array(4.0, np.float32), "gain"),
             numpy_helper.from_array(np.array(-1.0, np.float32), "minus")]
    image, out = model["inputs"][0]["name"], model["outputs"][0]["name"]
    nodes = [helper.make_node("ReduceMean", [image], ["m"], axes=[1, 2, 3], keepdims=1),
             helper.make_node("Mul", ["m", "gain"], ["shift"]),
             helper.make_node("Add", ["px", "shift"], ["cx"]),
             helper.make_node("Sub", ["xs", "cx"], ["dx"]),
             helper.make_node("Sub", ["ys", "py"], ["dy"]),
             helper.make_node("Mul", ["dx", "dx"], ["dx2"]),
             helper.make_node("Mul", ["dy", "dy"], ["dy2"]),
             helper.make_node("Add", ["dx2", "dy2"], ["d2"]),
             helper.make_node("Mul", ["d2", "minus"], [out])]
    graph = helper.make_graph(nodes, model["id"], [value_info(t) for t in model["inputs"]],
                              [value_info(t) for t in model["outputs"]], inits)
    onnx_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)
    checker.check_model(onnx_model)
    return onnx_model


def main(manifest_path, out_dir):
    manifest = json.load(open(manifest_path, encoding="utf-8"))
    pack = next(p for p in manifest["packs"] if p["id"] == "sadtalker")
    os.makedirs(os.path.join(out_dir, "pack"), exist_ok=True)
    os.makedirs(os.path.join(out_dir, "variants"), exist_ok=True)
    for model in pack["models"]:
        graph = build_landmarks(model) if model["role"] == "landmarks" else build(model)
        save(graph, os.path.join(out_dir, "pack", model["file"]))

    expnet = next(m for m in pack["models"] if m["role"] == "expnet")
    wrong_dim = copy.deepcopy(expnet)
    wrong_dim["inputs"][0]["shape"][2] = 64                  # mel bands 64 instead of 80
    wrong_dtype = copy.deepcopy(expnet)
    wrong_dtype["inputs"][1]["dtype"] = "float64"             # ref_exp as double
    renamed = copy.deepcopy(expnet)
    renamed["inputs"][2]["name"] = "ratio"                    # foocker's export name instead of the contract's
    # A landmark model that honours the contract but puts all 98 points on one spot (a model failing on a face).
    landmarks = next(m for m in pack["models"] if m["role"] == "landmarks")
    for name, model in [("expnet_wrong_dim", wrong_dim), ("expnet_wrong_dtype", wrong_dtype), ("expnet_renamed", renamed),
                        ("landmarks_collapsed", landmarks)]:
        save(build(model), os.path.join(out_dir, "variants", name + ".onnx"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
