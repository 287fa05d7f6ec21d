#!/usr/bin/env python3
"""Score `claims compare --pairs` on two halves of each development pair set.

    tune/halves.py [--bin target/release/claims] [--sets sick_train,rte3_dev,...]
                   [--failures DIR]

Each set is cut in two by story, so that no story has pairs in both halves: Emergent by
`claim_id`, RTE-3 by `task`, SICK and MSRP by pair id. A group's half is the parity of the
groups sorted by sha256 of their name, taken alternately, so the cut is fixed, has as
many groups on each side as it can, and owes nothing to the labels.

Half "read" is the one whose failures may be read while tuning (`--failures DIR` writes
them there, one JSONL per set); of half "unread" only the aggregate figures are printed.
A rule goes in when it raises the unread half; a gap over 0.03 between the halves means a
rule fits cases rather than English.

Standard library only; reads the pair sets from ../shared/data/pairs.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")
LABELS = ["agree", "contradict", "neutral"]

# set name -> (group of a pair, extra flags, the figure that counts)
SETS = {
    "sick_train": (lambda p: p["id"], [], "macro_f1"),
    "msrp_val": (lambda p: p["id"], ["--symmetric"], "agree_f1"),
    "msrp_train": (lambda p: p["id"], ["--symmetric"], "agree_f1"),
    "rte3_dev": (lambda p: p.get("task", p["id"]), [], "macro_f1"),
    "emergent_dev": (lambda p: p.get("claim_id", p["id"]), [], "macro_f1"),
}
DEFAULT_SETS = ["sick_train", "msrp_val", "rte3_dev", "emergent_dev"]


def halves_of(groups):
    order = sorted(set(groups), key=lambda g: hashlib.sha256(g.encode()).hexdigest())
    return {g: ("read", "unread")[i % 2] for i, g in enumerate(order)}


def metrics(pairs):
    conf = {g: {p: 0 for p in LABELS} for g in LABELS}
    for gold, pred in pairs:
        conf[gold][pred if pred in LABELS else "neutral"] += 1
    m = {"pairs": len(pairs)}
    f1s = []
    for c in LABELS:
        tp = conf[c][c]
        n_pred = sum(conf[g][c] for g in LABELS)
        n_gold = sum(conf[c].values())
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        m[c + "_p"], m[c + "_r"], m[c + "_f1"] = p, r, f
        if n_gold:
            f1s.append(f)
    m["macro_f1"] = sum(f1s) / len(f1s) if f1s else 0.0
    m["accuracy"] = sum(conf[c][c] for c in LABELS) / len(pairs) if pairs else 0.0
    return m


def line(name, half, m, key):
    return (f"{name:13} {half:6} n={m['pairs']:5} {key}={m[key]:.3f} macro_f1={m['macro_f1']:.3f} "
            f"acc={m['accuracy']:.3f} contradict P={m['contradict_p']:.3f} R={m['contradict_r']:.3f} "
            f"agree P={m['agree_p']:.3f} R={m['agree_r']:.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "claims"))
    ap.add_argument("--sets", default=",".join(DEFAULT_SETS))
    ap.add_argument("--failures", metavar="DIR", help="write the read half's failures here")
    a = ap.parse_args()
    for name in a.sets.split(","):
        group, flags, key = SETS[name]
        gold_path = os.path.join(SHARED, "data", "pairs", name + ".jsonl")
        with open(gold_path, encoding="utf-8") as f:
            gold = [json.loads(l) for l in f if l.strip()]
        out = subprocess.run([a.bin, "compare", "--pairs", gold_path, "--format", "jsonl", *flags],
                             check=True, capture_output=True, text=True).stdout
        pred = {}
        for l in out.splitlines():
            if l.strip():
                p = json.loads(l)
                pred[p["id"]] = p
        halves = {"read": [], "unread": []}
        failures = []
        half = halves_of([str(group(g)) for g in gold])
        for g in gold:
            h = half[str(group(g))]
            p = pred.get(g["id"], {})
            rel = p.get("relation", "missing")
            halves[h].append((g["label"], rel))
            if h == "read" and rel != g["label"]:
                failures.append({"id": g["id"], "gold": g["label"], "pred": rel,
                                 "reasons": p.get("reasons", []), "score": p.get("score"),
                                 "a": g["a"], "b": g["b"]})
        ms = {h: metrics(v) for h, v in halves.items()}
        for h in ("read", "unread"):
            print(line(name, h, ms[h], key))
        gap = ms["read"][key] - ms["unread"][key]
        print(f"{name:13} gap    {key} {gap:+.3f}" + ("   OVER 0.03" if abs(gap) > 0.03 else ""))
        if a.failures:
            os.makedirs(a.failures, exist_ok=True)
            with open(os.path.join(a.failures, name + ".jsonl"), "w", encoding="utf-8") as f:
                for x in failures:
                    f.write(json.dumps(x, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
