"""Writes add.onnx: sum = a + b for float [1,3] inputs (opset 13), a smoke test for session creation and Run.

Usage: /usr/bin/python3 make_add_model.py OUTPUT_DIR   (needs Debian's python3-onnx)
"""
import os
import sys

from onnx import TensorProto, checker, helper, save

out_dir = sys.argv[1]
a = helper.make_tensor_value_info("a", TensorProto.FLOAT, [1, 3])
b = helper.make_tensor_value_info("b", TensorProto.FLOAT, [1, 3])
total = helper.make_tensor_value_info("sum", TensorProto.FLOAT, [1, 3])
graph = helper.make_graph([helper.make_node("Add", ["a", "b"], ["sum"])], "add", [a, b], [total])
# IR 8 is the newest python3-onnx 1.12 writes that ONNX Runtime 1.29 reads (see docs/onnxruntime.md).
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], ir_version=8)
checker.check_model(model)
save(model, os.path.join(out_dir, "add.onnx"))
