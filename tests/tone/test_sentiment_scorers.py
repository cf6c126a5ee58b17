"""The fast TextBlob and VADER scorers give the libraries' numbers exactly."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.tone import scorers as sentiment_scorers
from analysis.tone.scorers import FastPattern, pattern_scorer, vader_scorer

SENTENCES = [
    "",
    "   ",
    "The rescue teams did a wonderful, brave job.",
    "The response isn't great, but the volunteers were truly amazing!",
    "It was not a good day; it was a very, very bad one.",
    "Officials said the flood was NOT as bad as feared.",
    "Residents are kind of relieved, sort of hopeful.",
    "At least 12 people died; the least affected district reopened.",
    "There was no help and no hope for hours.",
    "Never so proud of this town, without doubt.",
    "The mayor called it \"a horrific, senseless act\" and promised 'swift justice'.",
    "“We are devastated,” said Dr. Amina Okafor of the U.S. agency, e.g. at 5 p.m.",
    "Wait... what happened?? Nobody knows!!!",
    "Great job (!) said nobody :) or :-( or <3",
    "The bridge collapsed 😢 and drivers were stranded 🙏🏽.",
    "Heavy rain\n\nflooded the old market.",
    "They don't think it'll be easy, and we can't wait.",
    "An extremely rare, incredibly violent and utterly tragic event.",
    "GOOD news: the hospital is SAFE and the roads are open.",
    "Barely adequate shelters, hardly enough food, slightly better water.",
]


def library_pattern(text: str) -> tuple[float, float]:
    from textblob.en import sentiment

    polarity, subjectivity = sentiment(text)[:2]
    return polarity, subjectivity


@cache
def _library_vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def library_vader(text: str) -> float:
    return _library_vader().polarity_scores(text)["compound"]


@cache
def _fast_scorers():
    return FastPattern(), sentiment_scorers._vader_class()()


@pytest.fixture(scope="module")
def fast_vader():
    return _fast_scorers()[1]


@pytest.mark.parametrize("text", SENTENCES)
def test_pattern_scores_equal_textblob(text):
    assert _fast_scorers()[0](text) == library_pattern(text)


@pytest.mark.parametrize("text", SENTENCES)
def test_vader_scores_equal_vader(text, fast_vader):
    assert fast_vader.compound(text) == library_vader(text)


def test_some_sentences_score_non_zero():
    # The equality tests above would pass for scorers that always give 0: make sure the cases have teeth.
    assert sum(library_pattern(t)[0] != 0 for t in SENTENCES) >= 10
    assert sum(library_vader(t) != 0 for t in SENTENCES) >= 10


def test_the_installed_versions_use_the_fast_scorers():
    # If this fails after an upgrade, the scorers silently fell back to the libraries: re-check the copied
    # rules against the new release and update VERIFIED.
    assert isinstance(pattern_scorer(), FastPattern)
    assert getattr(vader_scorer(), "__self__", None).__class__.__name__ == "FastVader"


_VOCAB = ("not no never n't isn't don't very really extremely barely kind of sort least at without doubt so this "
          "but good bad great terrible horrible wonderful sad happy killed safe help hope hero GOOD BAD Great "
          "! ? !! ... :) :-( <3 (!) 😢 🙏 ❤️ ' \" “ ” ’ U.S. Dr. e.g. 12 2024 's nor or , ; -").split()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=16), st.sampled_from(["", ".", "!", "?", " ", "\n\n"]))
def test_random_sentences_score_as_the_libraries_do(words, end):
    text = " ".join(words) + end
    pattern, vader = _fast_scorers()
    assert pattern(text) == library_pattern(text)
    assert vader.compound(text) == library_vader(text)


def test_the_lexicon_is_textblobs():
    from textblob.en import sentiment

    _, lexicon = sentiment_scorers._pattern_lexicon()
    len(sentiment), len(lexicon)  # both lazy: load them
    assert dict.items(lexicon) == dict.items(sentiment)
    assert (lexicon.negations, lexicon.modifiers) == (sentiment.negations, sentiment.modifiers)


def test_scoring_does_not_import_nltk():
    # ``import textblob`` costs about a second (NLTK); the fast scorer reads textblob's files without it.
    code = ("import sys; from analysis.tone.sentiment import score_text; score_text('A sad, terrible day.'); "
            "print('nltk' in sys.modules, 'textblob' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.split() == ["False", "False"]
