"""count_words_column: the vectorised word count agrees with count_words."""

import pytest

from analysis.ingest.text import count_words, count_words_column


@pytest.mark.parametrize("text", [
    "Moreno had served on the force for 7 ½ years.",
    "her fiancé’s wake and her 6-year-old niece -- at the clinic",
    "Ärzte ohne Grenzen said 1,200 people (approx.) were hurt; the co-op's van",
    "Москва: 133 погибших", "  ", "", "snake_case and don't-stop-me__now ’quoted’ 3.5",
])
def test_count_words_column_counts_as_count_words_does(text):
    assert count_words_column([text, None, text]).tolist() == [count_words(text), 0, count_words(text)]
