"""Accuracy of the figure ledger on the hand-labelled sets in tests/data/.

Prints, per split (dev: the sentences the rules were developed on; holdout1: written
after the dev rules, measured, then used to fix rules; holdout2: written after that and
only measured), and for all of them together:

- figure level, per category and overall: precision, recall, F1, where a predicted
  figure matches an expected one on category and value (within a sentence);
- value+qualifier exact-match rate: expected figures found with the same category,
  value and qualifier; and among matched figures, how often status, scope, bounds and
  attribution agree;
- headline killed / injured exact match (value and qualifier) over the invented
  multi-sentence articles and the bundled seeds;
- false positives on the seeds (any figure not in tests/data/figures_seeds.json), and
  on the distractor-only sentences of the labelled set.

Usage: python benchmarks/figures_accuracy.py [--split dev|holdout1|holdout2|all] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from analysis.figures import extract_figures, headline_figures  # noqa: E402

DATA = ROOT / "tests" / "data"


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sentences_frame(article_id: str, sentences: list[str]) -> tuple[pd.DataFrame, str]:
    """A sentences table (and the article text) for a list of sentences joined by spaces."""
    rows, text, offset = [], "", 0
    for idx, sentence in enumerate(sentences):
        if idx:
            text += " "
            offset += 1
        rows.append({"article_id": article_id, "idx": idx, "paragraph": 0, "section": "", "text": sentence,
                     "start": offset, "end": offset + len(sentence)})
        text += sentence
        offset += len(sentence)
    return pd.DataFrame(rows), text


def _predict_sentences(records: list[dict]) -> pd.DataFrame:
    frames = [sentences_frame(r["id"], [r["text"]])[0] for r in records]
    return extract_figures(pd.concat(frames, ignore_index=True))


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_sentences(records: list[dict], *, show_errors: bool = False) -> dict:
    predicted = _predict_sentences(records)
    by_id = {k: g for k, g in predicted.groupby("article_id")}
    counts: dict[str, Counter] = {}
    value_qualifier = [0, 0]
    agree = Counter()
    matched_total = 0
    distractor_fp = 0
    errors = []
    for record in records:
        got = by_id.get(record["id"])
        got_rows = [] if got is None else got.to_dict("records")
        expected = record["figures"]
        pool = list(got_rows)
        for exp in expected:
            cat = exp["category"]
            counts.setdefault(cat, Counter())
            hit = next((g for g in pool if g["category"] == cat and int(g["value"]) == exp["value"]), None)
            value_qualifier[1] += 1
            if hit is None:
                counts[cat]["fn"] += 1
                errors.append((record["id"], "missed", f"{cat} {exp['value']}", record["text"]))
                continue
            pool.remove(hit)
            counts[cat]["tp"] += 1
            matched_total += 1
            qualifier = exp.get("qualifier", "exact")
            if hit["qualifier"] == qualifier:
                value_qualifier[0] += 1
            else:
                errors.append((record["id"], "qualifier", f"{cat} {exp['value']}: {hit['qualifier']} != {qualifier}",
                               record["text"]))
            for key, default in (("status", "current"), ("scope", "total"), ("may_rise", False),
                                 ("vague", False)):
                want = exp.get(key, default)
                have = hit[key]
                have = bool(have) if key in ("may_rise", "vague") else have
                if have == want:
                    agree[key] += 1
                else:
                    errors.append((record["id"], key, f"{cat} {exp['value']}: {have} != {want}", record["text"]))
            want_source = exp.get("attributed_to", record.get("attributed_to", ""))
            if _same_source(hit["attributed_to"], want_source):
                agree["attributed_to"] += 1
            else:
                errors.append((record["id"], "attributed_to",
                               f"{cat} {exp['value']}: {hit['attributed_to']!r} != {want_source!r}", record["text"]))
        for extra in pool:
            counts.setdefault(extra["category"], Counter())["fp"] += 1
            if not expected:
                distractor_fp += 1
            errors.append((record["id"], "spurious", f"{extra['category']} {extra['value']} "
                           f"({extra['number_text']!r})", record["text"]))
    if show_errors:
        for error in errors:
            print("  ", *error[:3], "|", error[3])
    return {"counts": counts, "value_qualifier": value_qualifier, "agree": agree, "matched": matched_total,
            "distractor_fp": distractor_fp, "n_sentences": len(records),
            "n_distractor_sentences": sum(1 for r in records if not r["figures"])}


def _same_source(have: str, want: str) -> bool:
    def norm(s: str) -> str:
        s = " ".join(s.lower().replace("’", "'").split())
        return s[4:] if s.startswith("the ") else s
    have, want = norm(have or ""), norm(want or "")
    if not want:
        return not have
    return bool(have) and (want in have or have in want)


def score_headlines(articles: list[dict]) -> tuple[dict[str, list[int]], list[tuple]]:
    """Per category: [exact matches, total]; plus the mismatches."""
    frames, ids = [], []
    for article in articles:
        frames.append(sentences_frame(article["id"], article["sentences"])[0])
        ids.append(article["id"])
    figures = extract_figures(pd.concat(frames, ignore_index=True))
    heads = headline_figures(figures).set_index("article_id")
    return _compare_headlines(articles, heads)


def _compare_headlines(articles: list[dict], heads: pd.DataFrame) -> tuple[dict[str, list[int]], list[tuple]]:
    result: dict[str, list[int]] = {}
    misses = []
    for article in articles:
        for category in ("killed", "injured"):
            expected = article["headline"].get(category)
            got_value, got_qualifier, got_rise = None, "", False
            if article["id"] in heads.index and not pd.isna(heads.at[article["id"], category]):
                got_value = int(heads.at[article["id"], category])
                got_qualifier = heads.at[article["id"], f"{category}_qualifier"]
                got_rise = bool(heads.at[article["id"], f"{category}_may_rise"])
            tally = result.setdefault(category, [0, 0])
            tally[1] += 1
            if expected is None:
                ok = got_value is None
            else:
                ok = (got_value == expected["value"] and got_qualifier == expected.get("qualifier", "exact")
                      and got_rise == expected.get("may_rise", False))
            tally[0] += ok
            if not ok:
                misses.append((article["id"], category, expected, (got_value, got_qualifier, got_rise)))
    return result, misses


def seed_check() -> tuple[int, int, list[tuple], dict[str, list[int]], list[tuple]]:
    """Figures on the bundled seeds against tests/data/figures_seeds.json."""
    from analysis.ingest import load_path, sentences_table

    expected = json.loads((DATA / "figures_seeds.json").read_text(encoding="utf-8"))
    corpus = load_path(ROOT / "seeds")
    articles = corpus.articles
    figures = extract_figures(sentences_table(articles), articles_text=dict(zip(articles["article_id"],
                                                                                 articles["text"])))
    by_file = {Path(str(f)).name.split(":")[0]: a for a, f in zip(articles["article_id"], articles["file"])}
    false_pos, missed = 0, 0
    problems = []
    heads = headline_figures(figures).set_index("article_id")
    head_articles = []
    for name, spec in expected.items():
        article_id = next((a for f, a in by_file.items() if f.startswith(name)), None)
        got = figures[figures["article_id"] == article_id].to_dict("records")
        want = list(spec["figures"])
        for row in got:
            key = next((w for w in want if w["category"] == row["category"] and w["value"] == row["value"]), None)
            if key is None:
                false_pos += 1
                problems.append((name, "spurious", row["category"], row["value"], row["sentence"]))
            else:
                want.remove(key)
                for field in ("qualifier", "status", "scope"):
                    if key.get(field, {"qualifier": "exact", "status": "current", "scope": "total"}[field]) != row[field]:
                        problems.append((name, field, row["category"], row["value"], row[field]))
        for w in want:
            missed += 1
            problems.append((name, "missed", w["category"], w["value"], ""))
        head_articles.append({"id": article_id, "headline": spec["headline"]})
    head_scores, head_misses = _compare_headlines(head_articles, heads)
    return false_pos, missed, problems, head_scores, head_misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", choices=["dev", "holdout1", "holdout2", "holdout3", "all"])
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    args = parser.parse_args()
    sentences = _read_jsonl(DATA / "figures_labelled.jsonl")
    articles = _read_jsonl(DATA / "figures_articles.jsonl")
    splits = ["dev", "holdout1", "holdout2", "holdout3"] if args.split == "all" else [args.split]
    for split in splits + (["all"] if args.split == "all" else []):
        records = [r for r in sentences if split == "all" or r["split"] == split]
        arts = [a for a in articles if split == "all" or a["split"] == split]
        if not records:
            continue
        print(f"\n== {split}: {len(records)} sentences "
              f"({sum(1 for r in records if not r['figures'])} with no figure), {len(arts)} articles")
        scores = score_sentences(records, show_errors=args.errors and split != "all")
        total = Counter()
        print(f"{'category':<13}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'F1':>7}")
        for category in sorted(scores["counts"]):
            c = scores["counts"][category]
            total.update(c)
            p, r, f = _prf(c["tp"], c["fp"], c["fn"])
            print(f"{category:<13}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}{p:>11.3f}{r:>8.3f}{f:>7.3f}")
        p, r, f = _prf(total["tp"], total["fp"], total["fn"])
        print(f"{'overall':<13}{total['tp']:>5}{total['fp']:>5}{total['fn']:>5}{p:>11.3f}{r:>8.3f}{f:>7.3f}")
        hit, n = scores["value_qualifier"]
        print(f"value+qualifier exact match: {hit}/{n} = {hit / n:.3f} of expected figures")
        m = scores["matched"] or 1
        print("agreement on matched figures: " + ", ".join(
            f"{k} {scores['agree'][k] / m:.3f}" for k in ("status", "scope", "may_rise", "vague", "attributed_to")))
        print(f"false positives in distractor-only sentences: {scores['distractor_fp']} "
              f"(over {scores['n_distractor_sentences']} sentences)")
        if arts:
            heads, misses = score_headlines(arts)
            for category, (ok, n) in heads.items():
                print(f"headline {category} exact match (value, qualifier, may_rise): {ok}/{n} = {ok / n:.3f}")
            if args.errors:
                for miss in misses:
                    print("   headline miss:", miss)
    false_pos, missed, problems, head_scores, head_misses = seed_check()
    print(f"\n== seeds: {false_pos} spurious figures (distractor false positives), {missed} missed")
    for category, (ok, n) in head_scores.items():
        print(f"seed headline {category} exact match: {ok}/{n}")
    for problem in problems + head_misses:
        print("  ", problem)


if __name__ == "__main__":
    main()
