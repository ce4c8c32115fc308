"""Scores a CSV with a model exported by `fedhealth models export --format pytorch`, in real PyTorch.

Usage: pytorch_predict.py MANIFEST MODEL.pt DATA.csv OUT.csv [SITE]

Builds the architecture the manifest describes, loads the state_dict with torch.load and
load_state_dict(strict=True), applies the manifest's preprocessing (one-hot levels, imputation,
missing indicators, standardisation) and writes one probability per row. Independent of fedhealth:
it reads only the two exported files and the CSV.
"""
import csv
import json
import math
import sys

import torch


MISSING = {"", "?", "na", "nan"}


def build(architecture):
    inputs = architecture["input_features"]
    if architecture["kind"] == "logreg":
        module = torch.nn.Module()
        module.linear = torch.nn.Linear(inputs, 1)
        return module, lambda x: module.linear(x)
    layers = torch.nn.Sequential()
    width = inputs
    for i, hidden in enumerate(architecture["hidden"]):
        layers.add_module(f"hidden{i}", torch.nn.Linear(width, hidden))
        layers.add_module(f"relu{i}", torch.nn.ReLU())
        width = hidden
    layers.add_module("output", torch.nn.Linear(width, 1))
    module = torch.nn.Module()
    module.layers = layers
    return module, lambda x: module.layers(x)


def number(cell):
    return float("nan") if cell.strip().lower() in MISSING else float(cell)


def encode(row, columns):
    values = []
    for column in columns:
        cell = row[column["name"]]
        levels = column["levels"]
        if levels is None:
            values.append(number(cell))
            continue
        one_hot = [0.0] * len(levels)
        if cell.strip().lower() not in MISSING:
            key = cell if cell in levels else repr(float(cell)).removesuffix(".0")
            one_hot[levels.index(key)] = 1.0
        values.extend(one_hot)
    # float32, as the loader stores parsed values
    return [float(torch.tensor(v, dtype=torch.float32)) for v in values]


def preprocess(raw, features, statistics):
    inputs = features["inputs"]
    imputed = [statistics["imputation_values"][c] if math.isnan(v) else v for c, v in enumerate(raw)]
    imputed = [float(torch.tensor(v, dtype=torch.float32)) for v in imputed]
    indicators = [1.0 if math.isnan(raw[inputs.index(name)]) else 0.0 for name in features["indicator_columns"]]
    expanded = imputed + indicators
    return [(v - m) / s for v, m, s in zip(expanded, statistics["means"], statistics["standard_deviations"])]


def main():
    manifest_path, model_path, data_path, out_path = sys.argv[1:5]
    site = sys.argv[5] if len(sys.argv) > 5 else None
    manifest = json.load(open(manifest_path))
    module, forward = build(manifest["architecture"])
    module.load_state_dict(torch.load(model_path), strict=True)
    module.eval()
    preprocessing = manifest["preprocessing"]
    statistics = preprocessing["statistics"] if site is None else preprocessing["site_statistics"][site]
    with open(data_path, newline="") as f:
        rows = [preprocess(encode(r, manifest["features"]["columns"]), manifest["features"], statistics) for r in csv.DictReader(f)]
    with torch.no_grad():
        logits = forward(torch.tensor(rows, dtype=torch.float32)).reshape(-1).tolist()
    with open(out_path, "w") as f:
        f.write("row,probability\n")
        for i, z in enumerate(logits):
            f.write(f"{i + 1},{1.0 / (1.0 + math.exp(-z))!r}\n")
    print(json.dumps({"torch": torch.__version__, "rows": len(rows)}))


if __name__ == "__main__":
    main()
