"""The people of a part of the corpus taken from the whole corpus's people table are that part's people table."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.figures.victims import people_of_articles, people_table
from tests.timeline.helpers import article


def _corpus():
    articles = pd.DataFrame([article(f"a{i}", None if i % 4 == 0 else f"2024-03-{20 + i % 5:02d}", source=f"s{i % 3}")
                             for i in range(9)])
    # two people per article, the second named earlier in the text (start), one not found in its sentence
    victims = pd.DataFrame([
        {"article_id": f"a{i}", "person": person, "name": name, "age": age, "outcome": "killed", "role": "victim",
         "count": 1, "sentence_idx": 1, "sentence": f"Police said {person} died. ({i})", "start": start,
         "end": start + len(person)}
        for i in range(9) if i != 5
        for person, name, age, start in (("a 19-year-old man", "", 19, 100 - i), ("Ann Lee", "Ann Lee", None, 40))]
        + [{"article_id": "a2", "person": "a driver", "name": "", "age": None, "outcome": "injured",
            "role": "bystander", "count": 1, "sentence_idx": 2, "sentence": "Nobody else was hurt.", "start": 40,
            "end": 48}])
    return articles, victims


@pytest.mark.parametrize("part", [lambda a: a["published"].notna(), lambda a: a["source"] == "s1",
                                  lambda a: a["article_id"].isin(["a2", "a0"]), lambda a: a["article_id"] == "a5",
                                  lambda a: a["source"] == "none", lambda a: a["source"] != "none"])
def test_the_people_of_a_part_are_the_people_table_of_the_part(part):
    articles, victims = _corpus()
    kept = articles[part(articles)].reset_index(drop=True)
    expected = people_table(victims[victims["article_id"].isin(kept["article_id"])].reset_index(drop=True), kept)
    got = people_of_articles(people_table(victims, articles), kept["article_id"])
    if expected.empty:  # people_table's empty table has column types of its own; the page shows neither
        assert got.empty and list(got.columns) == list(expected.columns)
        return
    pd.testing.assert_frame_equal(got, expected)
