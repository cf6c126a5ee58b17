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


@pytest.mark.parametrize("text, sentences", [
    ("Police said T.J. Marsh, 24, was hurt. He is home.", ["Police said T.J. Marsh, 24, was hurt.", "He is home."]),
    ("The victim, A.R. Dunn, died.", ["The victim, A.R. Dunn, died."]),
    ("It was at the J.C. Penney store.", ["It was at the J.C. Penney store."]),
    ("They lived in Dayton, N.C. Police came.", ["They lived in Dayton, N.C.", "Police came."]),
    ("She moved to L.A. The rest is known.", ["She moved to L.A.", "The rest is known."]),
])
def test_initials_end_no_sentence_but_a_place_does(text, sentences):
    from analysis.ingest.text import split_sentences

    assert [text[a:b] for a, b in split_sentences(text)] == sentences
