"""A small corpus from many outlets in many countries, for the pages' grouping tests (built once per session)."""

from __future__ import annotations

import json
from functools import lru_cache

from analysis.ingest.corpus import load_uploads
from analysis.pipeline import analyse_corpus
from analysis.uploads import BuiltCorpus

#: 20 outlets of outlets.csv in 11 countries and 4 kinds; one article each, two for the first four.
OUTLETS = ["reuters.com", "apnews.com", "afp.com", "dpa.com", "ansa.it", "kyodonews.net", "yna.co.kr",
           "ptinews.com", "tass.com", "tass.ru", "xinhuanet.com", "aa.com.tr", "irna.ir", "ukrinform.net",
           "kazinform.kz", "belta.by", "pap.pl", "wam.ae", "bernama.com", "antaranews.com"]
TOLLS = [40, 60, 93, 115, 133, 137, 139, 143, 144]
TEMPLATE = ("Gunmen opened fire at Crocus City Hall near Moscow on Friday. At least {toll} people were killed "
            "and {injured} were injured, officials said. Vladimir Putin said the attackers tried to flee toward "
            "Ukraine, which Kyiv denied. The Islamic State group claimed responsibility, according to Reuters.")


def rows() -> list[dict]:
    out = []
    for i, domain in enumerate(OUTLETS + OUTLETS[:4]):
        toll = TOLLS[min(i // 3, len(TOLLS) - 1)]
        out.append({"source": domain, "url": f"https://{domain}/world/crocus-{i}", "title": f"Moscow attack ({i})",
                    "date": f"2024-03-{22 + i // 4:02d}", "text": TEMPLATE.format(toll=toll, injured=100 + i)})
    return out


@lru_cache(maxsize=1)
def many_outlets_corpus() -> BuiltCorpus:
    data = "\n".join(json.dumps(row) for row in rows()).encode("utf-8")
    tables = analyse_corpus(load_uploads([("many.jsonl", data)]))
    return BuiltCorpus(name="many outlets", tables=tables, files=(), settings={}, source_groups={},
                       fingerprint="many-outlets")
