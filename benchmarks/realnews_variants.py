"""Named-people recall on rewritten copies of the real-news GVDB articles: names as other outlets write them.

Tune rarely shows some ways reporters vary names and stories, so a rule fitted to it may not carry to other
outlets. This script rewrites each GVDB article of a real-news file (``tune`` by default; never ``check``) and its
gold names the same way, runs the people layer and prints how many gold named people are found with the right
outcome (``realnews_accuracy.named_people_recall``), per variant:

- ``plain``: unchanged;
- ``initials``: every gold first name as two initials ("Ann Lee" -> "A.K. Lee");
- ``middle``: a middle initial added ("Ann K. Lee");
- ``nickname``: a nickname in quotes inside the full name ('Ann "Pooh" Lee');
- ``capitals``: full names in capitals ("ANN LEE");
- ``quiet8`` / ``quiet15``: 8 or 15 neutral sentences (quotes, scenery; invented here) after the second sentence.

The rewritten texts stay in a temporary folder and are deleted. Usage:
python benchmarks/realnews_variants.py [--file tune|PATH] [--variant NAME ...]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realnews_accuracy as ra  # noqa: E402

VARIANTS = ("plain", "initials", "middle", "nickname", "capitals", "quiet8", "quiet15")
_QUIET = ['"We never thought something like this could happen on our street," one neighbor said.',
          "The neighborhood is mostly single-family homes and a small park.",
          '"He was always the first to help," a longtime friend said Tuesday.',
          "Residents gathered near the corner as investigators worked through the evening.",
          "The area had been quiet for several years, according to people who live there.",
          '"I heard a loud noise and looked out the window," another resident said.',
          "Detectives were still going door to door late Monday.",
          "City council members planned to discuss the matter at their next meeting."]
_NICKNAMES = ("Bubba", "Man-Man", "Pooh", "Lil Mike", "Scooter")


def _hash(text: str) -> int:
    return int(hashlib.md5(text.encode()).hexdigest(), 16)


def _sub(text: str, old: str, new: str) -> str:
    return re.sub(r"(?<![\w'])" + re.escape(old) + r"(?!\w)", lambda _: new, text)


def rewrite(record: dict, variant: str) -> dict:
    """A copy of a GVDB record with its text (and gold names where they change) rewritten as ``variant``."""
    record = json.loads(json.dumps(record))
    text = record["text"]
    if variant.startswith("quiet"):
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text)
        filler = [_QUIET[(k + _hash(record["id"])) % len(_QUIET)] for k in range(int(variant[5:]))]
        record["text"] = " ".join(sentences[:2] + filler + sentences[2:])
        return record
    gold = record.get("gold") or {}
    for person in [*(gold.get("victims") or []), *(gold.get("shooters") or [])]:
        words = [w for w in str(person.get("name") or "").strip(" ,.\"'").split()
                 if w.strip(".,").lower() not in ("jr", "sr", "ii", "iii")]
        if len(words) < 2 or not words[0][:1].isupper():
            continue
        first, last, full = words[0], words[-1], " ".join(words)
        written = full if full in text else f"{first} {last}"
        rest = written[len(first) + 1:]
        new = {"initials": f"{first[0]}.{chr(65 + _hash(first) % 26)}. {rest}",
               "middle": f"{first} {chr(65 + _hash(first) % 26)}. {rest}",
               "nickname": f'{first} "{_NICKNAMES[_hash(first) % len(_NICKNAMES)]}" {rest}',
               "capitals": written.upper()}.get(variant, written)
        text = _sub(text, written, new)
    record["text"] = text
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", default="tune", help="tune or a path to a JSON Lines file (never check)")
    parser.add_argument("--variant", nargs="*", choices=VARIANTS, default=list(VARIANTS))
    args = parser.parse_args(argv)
    if args.file == "check":
        print("refused: check.jsonl is measured once per session by the coordinator, never rewritten")
        return 1
    path = ra.REALNEWS / f"{args.file}.jsonl" if args.file == "tune" else Path(args.file)
    if not path.exists():
        print(f"skipped: {path} is not here (the real-news set lives outside the repository; see the README)")
        return 0
    records = [r for r in ra._gold(path) if r.get("dataset") == "gvdb"]
    with tempfile.TemporaryDirectory() as folder:
        for variant in args.variant:
            copy = Path(folder) / f"{variant}.jsonl"
            rewritten = [rewrite(r, variant) for r in records]
            copy.write_text("".join(json.dumps(r) + "\n" for r in rewritten), encoding="utf-8")
            articles, _figures, victims = ra._analyse(copy, full=False)
            scored = ra.score(rewritten, articles)
            found, total = ra.named_people_recall(rewritten, scored, victims)
            print(f"{variant:<10} named {found}/{total} = {found / max(total, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
