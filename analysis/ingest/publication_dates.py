"""Publication dates: parse the few date forms news text uses, and find them.

Only dates an article states about itself are read: a ``date YYYY-MM-DD``
prefix, a ``Date:``/``Published:`` line, a wire dateline
(``MOSCOW, Mar. 23, 2024 (AFP) -``) or a date in the URL path
(``/2015/11/14/``). A date mentioned elsewhere in the text is about something
else and is never taken as the publication date; an article with none of these
stays undated rather than guessed.

Known misses: numeric day/month forms such as ``03/04/2024`` are ambiguous
between US and European order and are not parsed.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_DATE_FORMS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.+\-Z]*)?"),
    re.compile(r"(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})"),
    re.compile(rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
]

# " date 2024-03-24 On a day ..." (the seed format), or "Date: 23 March 2024" on its own line.
_PREFIX = re.compile(
    r"\A\s*(?:date|published|posted|updated)\s*:?\s+(?P<date>\d{4}-\d{1,2}-\d{1,2}\b)\s*",
    re.IGNORECASE,
)
_PREFIX_LINE = re.compile(
    r"\A\s*(?:date|published(?: on)?|posted(?: on)?)\s*:\s*(?P<date>[^\n]{4,60}?)\s*(?:\n|\Z)",
    re.IGNORECASE,
)
# "MOSCOW, Mar. 23, 2024 (AFP) - Gunmen ..." / "KYIV, Ukraine, 23 March 2024 (Reuters) —"
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z .'\-]{1,30})?),\s+"
    r"(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4})"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*[-\u2013\u2014:]+\s*"
)
_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})[/-](?P<mnum>\d{1,2})[/-](?P<day>\d{1,2})(?:/|-|\b)")


def parse_date(text: str) -> dt.date | None:
    """The first unambiguous calendar date in ``text``, or None.

    >>> parse_date("Mar. 23, 2024")
    datetime.date(2024, 3, 23)
    """
    for form in _DATE_FORMS:
        match = form.search(text)
        if match is None:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower().rstrip(".")]
        try:
            return dt.date(int(parts["year"]), month, int(parts["day"]))
        except ValueError:
            continue
    return None


def date_from_url(url: str) -> dt.date | None:
    """The date in a URL path such as ``/2015/11/14/``, or None."""
    match = _URL_DATE.search(url or "")
    if match is None:
        return None
    try:
        return dt.date(int(match["year"]), int(match["mnum"]), int(match["day"]))
    except ValueError:
        return None


def strip_date_header(text: str) -> tuple[str, dt.date | None, str, str]:
    """Remove a leading date prefix, date line or dateline from ``text``.

    Returns:
        ``(rest_of_text, date, method, note)`` where method is ``prefix`` or
        ``dateline`` (empty when nothing was found) and note says what was
        removed. A header whose date does not parse is left in the text.
    """
    for pattern, method in ((_PREFIX, "prefix"), (_PREFIX_LINE, "prefix"), (_DATELINE, "dateline")):
        match = pattern.match(text)
        if match is None:
            continue
        date = parse_date(match["date"])
        if date is None:
            continue
        header = match.group(0).strip()
        return text[match.end():], date, method, f"date header removed: {header!r}"
    return text, None, "", ""
