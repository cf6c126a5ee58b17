"""TextBlob's and VADER's sentence scores, computed the same way with less work.

``analysis.tone.sentiment`` scores every sentence of a corpus with TextBlob's
pattern lexicon (polarity, subjectivity) and VADER (compound). Both libraries
spend most of their time on bookkeeping rather than on the rules: TextBlob
runs its word loop through a lazily loaded dictionary and looks every short
non-word token ("'s", "133") up in each emoticon set; VADER rebuilds the
sentence character by character to translate emoji, and lower-cases the whole
sentence again for every word it checks for a negation. The scorers here run
the same rules, in the same order and with the same floating-point
operations, on the libraries' own lexicons, with that bookkeeping done once
per sentence. They return the libraries' numbers exactly:
``tests/tone/test_sentiment_scorers.py`` compares them with the libraries on
hand-written and randomly generated sentences (negations, boosters, "but",
capitals, emoticons, emoji, contractions, quotes, abbreviations).

TextBlob's lexicon is read from its own files without ``import textblob``,
which would import NLTK first, about a second of a fresh process (see
``_pattern_lexicon``).

The scorers restate the rules of textblob ``VERIFIED["textblob"]`` and
vaderSentiment ``VERIFIED["vaderSentiment"]`` (both MIT-licensed), step for
step, so they are tied to those versions: with any other installed version
``pattern_scorer()`` and ``vader_scorer()`` return the libraries' own
functions instead, and an upgrade can change the numbers only the way the
library itself changes them. Why keep them at all: on the 2,000 generated
articles of ``benchmarks/full_speed.py`` (44,000 sentences) they score in
about 2.4 s of CPU what the libraries score in 5.6 s, a tenth of all the
CPU the tabulation spends beside spaCy, and the speed target needs it.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path

#: Library versions whose rules the fast scorers reproduce.
VERIFIED = {"textblob": "0.20.1", "vaderSentiment": "3.3.2"}


def _installed(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


# -- TextBlob (pattern) ------------------------------------------------------------------------------------


class FastPattern:
    """``textblob.en.sentiment(text)[:2]`` for a plain string: ``(polarity, subjectivity)``.

    The tokenizer is ``textblob._text.find_tokens`` and the word loop is
    ``Sentiment.assessments`` (textblob 0.20.1), reading the same lexicon
    (see ``_pattern_lexicon``).
    """

    def __init__(self) -> None:
        _text, lexicon = _pattern_lexicon()
        self._text = _text
        len(lexicon)  # a lazy dictionary: load it
        # word -> (polarity, subjectivity, intensity, is a modifier); only words with a no-POS (None) entry
        # are "known", as in ``w in self and pos in self[w]`` with pos None.
        self._known: dict[str, tuple[float, float, float, bool]] = {}
        for word, by_pos in dict.items(lexicon):
            if None in by_pos:
                p, s, i = by_pos[None]
                modifier = any(m in by_pos for m in lexicon.modifiers)
                self._known[word] = (p, s, i, modifier)
        self._negations = lexicon.negations
        self._modifiers = lexicon.modifiers
        self._modifier = lexicon.modifier
        self._emoticons: dict[str, float] = {}
        for (_, polarity), faces in _text.EMOTICONS.items():  # the first set holding a face wins
            for face in faces:
                self._emoticons.setdefault(face.lower(), polarity)
        self._punctuation_string = _text.PUNCTUATION
        self._punctuation = tuple(_text.PUNCTUATION.replace(".", ""))
        self._trailing = self._punctuation + (".",)
        self._replace = dict(_text.replacements)
        self._abbreviations = _text.ABBREVIATIONS
        self._linebreak = re.compile(r"\n{2,}")
        self._spaces = re.compile(r"\s+")

    def tokens(self, string: str) -> list[str]:
        """``" ".join(find_tokens(string)).split()``, as TextBlob's analyser reads a sentence."""
        t_ = self._text
        punctuation, replace = self._punctuation, self._replace
        for a, b in replace.items():  # contractions: literal patterns, so str.replace is re.sub
            string = string.replace(a, b)
        string = (string.replace("“", " “ ").replace("”", " ” ").replace("‘", " ‘ ").replace("’", " ’ ")
                  .replace("'", " ' ").replace('"', ' " '))
        string = string.replace("\r\n", "\n")
        string = self._linebreak.sub(" %s " % t_.EOS, string)
        string = self._spaces.sub(" ", string)
        tokens: list[str] = []
        trailing, abbreviations = self._trailing, self._abbreviations
        for t in t_.TOKEN.findall(string + " "):
            if t.isalnum():  # no punctuation to split off (the loops below would not run)
                tokens.append(t)
                continue
            if len(t) > 0:
                tail = []
                while t.startswith(punctuation) and t not in replace:
                    tokens.append(t[0])
                    t = t[1:]
                while t.endswith(trailing) and t not in replace:
                    if t.endswith(punctuation):
                        tail.append(t[-1])
                        t = t[:-1]
                    if t.endswith("..."):
                        tail.append("...")
                        t = t[:-3].rstrip(".")
                    if t.endswith("."):
                        if (t in abbreviations or t_.RE_ABBR1.match(t) is not None
                                or t_.RE_ABBR2.match(t) is not None or t_.RE_ABBR3.match(t) is not None):
                            break
                        tail.append(t[-1])
                        t = t[:-1]
                if t != "":
                    tokens.append(t)
                tokens.extend(reversed(tail))
        eos = t_.EOS
        sentences: list[list[str]] = [[]]
        i, j = 0, 0
        while j < len(tokens):
            if tokens[j] in ("...", ".", "!", "?", eos):
                while j < len(tokens) and tokens[j] in ("'", '"', "”", "’", "...", ".", "!", "?", ")", eos):
                    if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                        break
                    j += 1
                sentences[-1].extend(t for t in tokens[i:j] if t != eos)
                sentences.append([])
                i = j
            j += 1
        sentences[-1].extend(tokens[i:j])
        out = []
        for sentence in sentences:
            if len(sentence) > 0:
                joined = t_.RE_SARCASM.sub("(!)", " ".join(sentence))
                out.append(t_.RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), joined))
        return " ".join(out).split()

    def __call__(self, text: str) -> tuple[float, float]:
        known, negations, emoticons = self._known, self._negations, self._emoticons
        modifier, punctuation = self._modifier, self._punctuation_string
        none_is_modifier = None in self._modifiers  # ``pos in self.modifiers`` with pos None
        # One assessment per known word: [polarity, subjectivity, intensity, negated (-1) or not (1)].
        a: list[list] = []
        m = None  # preceding modifier word
        n = None  # preceding negation
        for w in (w.lower() for w in self.tokens(text)):
            entry = known.get(w)
            if entry is not None:
                p, s, i, is_modifier = entry
                if m is None:
                    a.append([p, s, i, 1])
                else:
                    last = a[-1]
                    last[0] = max(-1.0, min(p * last[2], +1.0))
                    last[1] = max(-1.0, min(s * last[2], +1.0))
                    last[2] = i
                if n is not None:
                    a[-1][2] = 1.0 / a[-1][2]
                    a[-1][3] = -1
                m = None
                n = None
                if is_modifier:  # ``pos and pos in self.modifiers or ...``: pos is None
                    m = w
                if w in negations:
                    n = w
            else:
                if w in negations:
                    n = w
                elif n and len(w.strip("'")) > 1:
                    n = None
                if n is not None and m is not None and (none_is_modifier or modifier(m)):
                    a[-1][3] = -1
                    n = None
                elif m and len(w) > 2:
                    m = None
                if w == "!" and len(a) > 0:
                    a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, +1.0))
                if w == "(!)":
                    a.append([0.0, 1.0, 1.0, 1])
                if w.isalpha() is False and len(w) <= 5 and w not in punctuation:
                    face = emoticons.get(w)
                    if face is not None:
                        a.append([face, 1.0, 1.0, 1])
        # "not good" = slightly bad; then the plain means (TextBlob's avg with weight 1).
        polarity, subjectivity = 0, 0
        for p, s, _, negated in a:
            polarity += p * -0.5 if negated < 0 else p
            subjectivity += s
        count = float(len(a) or 1)
        return polarity / count, subjectivity / count


def _pattern_lexicon():
    """textblob's ``_text`` module and its English sentiment lexicon, without importing ``textblob``.

    ``import textblob`` first imports NLTK (about a second of a fresh
    process), but the tokenizer and the lexicon reader live in
    ``textblob/_text.py``, which needs only the standard library: it is loaded
    from its file under a private name, and the lexicon is built as
    ``textblob.en.sentiment`` builds it (the same file and settings, and its
    extra "-ly" adverbs). Tests compare the result with ``textblob.en.sentiment``.
    """
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("textblob is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    module_spec = importlib.util.spec_from_file_location("analysis._textblob_text", folder / "_text.py")
    _text = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(_text)

    class EnglishSentiment(_text.Sentiment):  # textblob.en.Sentiment (0.20.1)
        def load(self, path=None):
            _text.Sentiment.load(self, path)
            # Each adjective also scores as its "-ly" adverb ("terrible" -> "terribly"), as textblob.en does.
            if not path:
                for w, pos in list(dict.items(self)):
                    if "JJ" in pos:
                        if w.endswith("y"):
                            w = w[:-1] + "i"
                        if w.endswith("le"):
                            w = w[:-2]
                        p, s, i = pos["JJ"]
                        self.annotate(w + "ly", "RB", p, s, i)

    lexicon = EnglishSentiment(path=str(folder / "en" / "en-sentiment.xml"), synset="wordnet_id",
                               negations=("no", "not", "n't", "never"), modifiers=("RB",),
                               modifier=lambda w: w.endswith("ly"), language="en")
    return _text, lexicon


def _library_pattern() -> Callable[[str], tuple[float, float]]:
    from textblob.en import sentiment as lexicon

    def score(text: str) -> tuple[float, float]:
        polarity, subjectivity = lexicon(text)[:2]
        return polarity, subjectivity

    return score


@cache
def pattern_scorer() -> Callable[[str], tuple[float, float]]:
    """``(polarity, subjectivity)`` of a sentence: the fast scorer for the verified textblob, else the library."""
    if _installed("textblob") == VERIFIED["textblob"]:
        return FastPattern()
    return _library_pattern()


# -- VADER ---------------------------------------------------------------------------------------------------


def _vader_class():
    from vaderSentiment import vaderSentiment as vs

    class FastVader(vs.SentimentIntensityAnalyzer):
        """VADER's ``polarity_scores(text)["compound"]`` (vaderSentiment 3.3.2).

        ``polarity_scores``, ``SentiText``, ``sentiment_valence``,
        ``_negation_check`` and ``_special_idioms_check`` are the library's,
        reading a lower-cased copy of the words made once per sentence instead
        of once per check; the rest (boosters, "but", "least", the final
        scores) is the library's own code.
        """

        def __init__(self) -> None:
            super().__init__()
            # ``for chr in text: if chr in self.emojis``: only one-character keys can ever match.
            self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)
            self._negate = frozenset(vs.NEGATE)
            self._punctuation = vs.string.punctuation  # what SentiText strips from each word

        def compound(self, text: str) -> float:
            return self.polarity_scores(text)["compound"]

        def polarity_scores(self, text: str) -> dict[str, float]:
            if self._emoji_chars.isdisjoint(text):
                text = text.strip()  # the library's emoji pass copies such a text unchanged
            else:
                text_no_emoji = ""
                prev_space = True
                for chr in text:
                    if chr in self.emojis:
                        description = self.emojis[chr]
                        if not prev_space:
                            text_no_emoji += " "
                        text_no_emoji += description
                        prev_space = False
                    else:
                        text_no_emoji += chr
                        prev_space = chr == " "
                text = text_no_emoji.strip()
            # SentiText(text): the words with punctuation stripped (emoticons kept), and whether some are ALL CAPS
            punctuation = self._punctuation
            words = [t if len(stripped := t.strip(punctuation)) <= 2 else stripped for t in text.split()]
            is_cap_diff = vs.allcap_differential(words)
            sentiments: list = []
            lower = [str(w).lower() for w in words]
            booster, lexicon = vs.BOOSTER_DICT, self.lexicon
            for i, item in enumerate(words):
                valence = 0
                if lower[i] in booster:
                    sentiments.append(valence)
                    continue
                if i < len(words) - 1 and lower[i] == "kind" and lower[i + 1] == "of":
                    sentiments.append(valence)
                    continue
                if lower[i] not in lexicon:  # ``sentiment_valence`` appends 0 for a word it does not know
                    sentiments.append(valence)
                    continue
                sentiments = self._valence(valence, words, is_cap_diff, item, i, sentiments, lower)
            if "but" in lower:  # otherwise ``_but_check`` changes nothing
                sentiments = self._but_check(words, sentiments)
            return self.score_valence(sentiments, text)

        def _valence(self, valence, words, is_cap_diff, item, i, sentiments, lower):
            lexicon = self.lexicon
            item_lowercase = lower[i]
            valence = lexicon[item_lowercase]
            if item_lowercase == "no" and i != len(words) - 1 and lower[i + 1] in lexicon:
                valence = 0.0
            if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") \
                    or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"]):
                valence = lexicon[item_lowercase] * vs.N_SCALAR
            if item.isupper() and is_cap_diff:
                if valence > 0:
                    valence += vs.C_INCR
                else:
                    valence -= vs.C_INCR
            for start_i in range(0, 3):
                if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                    s = vs.scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s
                    valence = self._negation(valence, lower, start_i, i)
                    if start_i == 2:
                        valence = self._idioms(valence, lower, i)
            valence = self._least_check(valence, words, i)
            sentiments.append(valence)
            return sentiments

        @staticmethod
        def _idioms(valence, lower, i):
            # ``_special_idioms_check`` with the lower-cased words it would have built.
            onezero = f"{lower[i - 1]} {lower[i]}"
            twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
            twoone = f"{lower[i - 2]} {lower[i - 1]}"
            threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
            threetwo = f"{lower[i - 3]} {lower[i - 2]}"
            for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
                if seq in vs.SPECIAL_CASES:
                    valence = vs.SPECIAL_CASES[seq]
                    break
            if len(lower) - 1 > i:
                zeroone = f"{lower[i]} {lower[i + 1]}"
                if zeroone in vs.SPECIAL_CASES:
                    valence = vs.SPECIAL_CASES[zeroone]
            if len(lower) - 1 > i + 1:
                zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
                if zeroonetwo in vs.SPECIAL_CASES:
                    valence = vs.SPECIAL_CASES[zeroonetwo]
            for n_gram in (threetwoone, threetwo, twoone):
                if n_gram in vs.BOOSTER_DICT:
                    valence = valence + vs.BOOSTER_DICT[n_gram]
            return valence

        def _negated(self, word: str) -> bool:
            # ``negated([word])``: it lower-cases its input (again) and checks NEGATE, then "n't".
            word = str(word).lower()
            return word in self._negate or "n't" in word

        def _negation(self, valence, lower, start_i, i):
            # ``_negation_check`` with the lower-cased words it would have built.
            if start_i == 0:
                if self._negated(lower[i - (start_i + 1)]):
                    valence = valence * vs.N_SCALAR
            if start_i == 1:
                if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                    valence = valence * 1.25
                elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                    valence = valence
                elif self._negated(lower[i - (start_i + 1)]):
                    valence = valence * vs.N_SCALAR
            if start_i == 2:
                if lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this") or \
                        (lower[i - 1] == "so" or lower[i - 1] == "this"):
                    valence = valence * 1.25
                elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                    valence = valence
                elif self._negated(lower[i - (start_i + 1)]):
                    valence = valence * vs.N_SCALAR
            return valence

    return FastVader


@cache
def vader_scorer() -> Callable[[str], float]:
    """VADER's compound score of a sentence: the fast scorer for the verified vaderSentiment, else the library."""
    if _installed("vaderSentiment") == VERIFIED["vaderSentiment"]:
        return _vader_class()().compound
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    return lambda text: analyser.polarity_scores(text)["compound"]
