"""count_words_column: the vectorised word count agrees with count_words."""

import pytest

from analysis.ingest.text import count_words, count_words_column


@pytest.mark.parametrize("text", [
    "Bell had been on the department for 5 ½ years.",
    "his fiancée’s funeral and his 8-year-old son -- in the hospital",
    "Ärzte ohne Grenzen said 1,200 people (approx.) were hurt; the co-op's van",
    "Москва: 133 погибших", "  ", "", "snake_case and don't-stop-me__now ’quoted’ 3.5",
])
def test_count_words_column_counts_as_count_words_does(text):
    assert count_words_column([text, None, text]).tolist() == [count_words(text), 0, count_words(text)]
