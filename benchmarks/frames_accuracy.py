"""Per-frame precision, recall and F1 of the frame tagger on the labelled sentences.

Usage: python benchmarks/frames_accuracy.py [--errors]

Reads tests/data/frames_labelled.txt (sentences written for this project, with
the frames a reader would assign), tags them with analysis.framing.frames.tag_frames
(cues only: the labelled set has no entity mentions, so role-based frames do
not fire) and prints the scores for the dev events (used to tune the cues),
the held-out test events and all of them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.framing.frames import frame_labels, tag_frames  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "frames_labelled.txt"


def read_labelled(path: Path = LABELLED) -> pd.DataFrame:
    """The labelled set as a table: event, split, idx, text, frames (a frozenset)."""
    rows, event, split = [], "", ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("# event:"):
            name, _, tag = line[len("# event:") :].rpartition("[")
            event, split = name.strip(), tag.strip("] ")
            continue
        if not line or line.startswith("#"):
            continue
        labels, _, text = line.partition(" | ")
        frames = frozenset() if labels.strip() == "-" else frozenset(x.strip() for x in labels.split(","))
        rows.append({"event": event, "split": split, "idx": len(rows), "text": text.strip(), "frames": frames})
    return pd.DataFrame(rows)


def predict(labelled: pd.DataFrame) -> pd.Series:
    """Predicted frame sets, aligned with ``labelled``."""
    sentences = labelled.assign(article_id="labelled", start=0, end=labelled["text"].str.len())
    tagged = tag_frames(sentences[["article_id", "idx", "text", "start", "end"]])
    got = tagged.groupby("sentence_idx")["frame"].agg(frozenset)
    return labelled["idx"].map(got).apply(lambda v: v if isinstance(v, frozenset) else frozenset())


def scores(gold: pd.Series, pred: pd.Series) -> pd.DataFrame:
    """Precision, recall, F1 and support per frame, plus micro and macro averages."""
    rows = []
    for frame in frame_labels():
        tp = sum(frame in g and frame in p for g, p in zip(gold, pred))
        fp = sum(frame not in g and frame in p for g, p in zip(gold, pred))
        fn = sum(frame in g and frame not in p for g, p in zip(gold, pred))
        rows.append({"frame": frame, "tp": tp, "fp": fp, "fn": fn})
    table = pd.DataFrame(rows)
    micro = table[["tp", "fp", "fn"]].sum()
    table = pd.concat([table, pd.DataFrame([{"frame": "micro", **micro.to_dict()}])], ignore_index=True)
    table["precision"] = table["tp"] / (table["tp"] + table["fp"]).where(lambda s: s > 0)
    table["recall"] = table["tp"] / (table["tp"] + table["fn"]).where(lambda s: s > 0)
    table["f1"] = 2 * table["precision"] * table["recall"] / (table["precision"] + table["recall"])
    table["support"] = table["tp"] + table["fn"]
    macro = table[table["frame"] != "micro"][["precision", "recall", "f1"]].mean()
    table = pd.concat([table, pd.DataFrame([{"frame": "macro", **macro.to_dict()}])], ignore_index=True)
    return table[["frame", "precision", "recall", "f1", "support", "tp", "fp", "fn"]]


def main(argv: list[str]) -> None:
    labelled = read_labelled()
    labelled["pred"] = predict(labelled)
    exact = (labelled["pred"] == labelled["frames"]).mean()
    print(f"{len(labelled)} labelled sentences, {labelled['event'].nunique()} events; exact-set match {exact:.2f}")
    for name, part in [("dev", labelled[labelled["split"] == "dev"]), ("test (held out)", labelled[labelled["split"] == "test"]), ("all", labelled)]:
        print(f"\n== {name}: {len(part)} sentences")
        print(scores(part["frames"], part["pred"]).to_string(index=False, float_format=lambda x: f"{x:.2f}"))
    if "--errors" in argv:
        split = "dev" if "--test-errors" not in argv else "test"
        print(f"\n== {split} errors")
        for r in labelled[(labelled["split"] == split) & (labelled["frames"] != labelled["pred"])].itertuples():
            print(f"- gold {sorted(r.frames)} pred {sorted(r.pred)}: {r.text}")


if __name__ == "__main__":
    main(sys.argv[1:])
