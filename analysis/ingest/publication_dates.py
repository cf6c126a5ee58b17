"""Publication dates: parse the date forms news archives use, and find them.

Only dates an article states about itself are read: a ``date YYYY-MM-DD``
prefix, a ``Date:``/``Published:``/``Posted:`` line, a header stamp on the
article's first line ("Posted: 12.05.2023 09:15:02", "October 3, 2019, 11:40am",
"07-14-2022, 6:02 PM"), a wire dateline (``MOSCOW, Mar. 23, 2024 (AFP) -``,
``Edmonton, Ky. (November 28, 2016) -``) or a date in the URL. A date mentioned
elsewhere in the text is about something else and is never taken as the
publication date; an article with none of these stays undated rather than guessed.

Forms read (``parse_date``): ISO ``2024-03-23`` and ``2024/03/23``; day and month
name in either order with an optional ordinal and weekday ("2nd Oct 2019",
"Sunday, February 16, 2014"); dotted ``12.05.2023``, read day first as everywhere
dots are written; and slashed or dashed numbers (``07-14-2022``) when one side is
over 12, or else in the order of the outlet's country (``order``: "mdy" in the
United States, "dmy" in Britain, Russia, India...; ``analysis.ingest.outlets``).
A numeric date whose order is in doubt and whose outlet's country is unknown or
mixed (Canada) stays undated: 03/04/2024 could be either.

Time of day (``parse_timestamp``): a time right beside the date in a date column,
page metadata, a stamp line or a "Posted:" header ("09:15:02", "11:40am",
"6 a.m.", "at 10.30", "T10:15:00Z", "14:32, 23 March 2024") is kept as written, in
the source's own time zone (a zone after it is not applied). A dateline or a URL
gives the day only.

URL dates (``date_from_url``): ``/2015/11/14/`` (also with ``-`` or ``_``), compact
``/20230512/``, ``-20230512`` or ``/20130414city-...``, ``/2023/may/12/``, and an
8-digit ``12052023`` run or a ``-03-28-2016`` tail in the slug, read like any
numeric date. htmldate (installed with trafilatura) is used for page metadata,
through trafilatura, with its text search off. Its URL reader is not used: its
pattern (``COMPLETE_URL``) reads only the separated year-month-day form and takes
``/2014/06/5_people_shot`` as 5 June; here the day must end at the same separator,
a slash or the URL's end. Its year range (1990-2039) is kept.

Stamps run into the first 300 characters, as page headers often are, are read
too (``header``) and left in the text: "Posted:", "Published", "Created", "Date:",
and "Updated:" only when no posting stamp is there; "(Published Friday, Sept. 2,
2016)"; a byline followed by a date ("By: Associated Press August 17, 2015").

Known misses: a date in a breadcrumb or after a site name ("The Republic |
example.com Tue Mar 5, 2019 9:41 PM"); year-and-month URLs (``/2014/06/slug``)
name no day; a photo caption's date is never read, even when it is the day of
publication. On the real-news tune set (``python benchmarks/publication_dates.py``)
see the README for the figures.
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

_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

_DATE_FORMS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})"),
    re.compile(rf"(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})(?![\d.])"),
]
# "07-14-2022", "14/07/2022": read only when one side is over 12 (see ``_unambiguous``)
_NUMERIC = re.compile(r"(?<![\d/-])(?P<a>\d{1,2})[/-](?P<b>\d{1,2})[/-](?P<year>\d{4})(?![\d/-])")
_TIME = (r"(?:(?:,?\s*|T|\s*\|\s*)(?:at\s+)?\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?m\.?)?|,?\s*\d{1,2}\s*[ap]\.?m\.?)?"
         r"(?:\s+(?-i:[A-Z]{2,4}))?")  # a time of day and a zone ("1:50 PM EST"), read past

# " date 2024-03-24 On a day ..." (the seed format), or "Date: 23 March 2024" on its own line.
_PREFIX = re.compile(
    r"\A\s*(?:date|published|posted|updated)\s*:?\s+(?P<date>\d{4}-\d{1,2}-\d{1,2}\b(?:[T ]\d{1,2}:\d{2}(?::\d{2})?\b)?)\s*",
    re.IGNORECASE,
)
_PREFIX_LINE = re.compile(
    r"\A\s*(?:date|published(?: on)?|posted(?: on)?)\s*:\s*(?P<date>[^\n]{4,60}?)\s*(?:\n|\Z)",
    re.IGNORECASE,
)
# A first line that is only a stamp: "Posted: 12.05.2023 09:15:02", "Tuesday, March 11, 2014 4:05 PM EST",
# "Updated October 3, 2019, 11:40am" (a label, a weekday, the date, a time and a zone, nothing else).
_STAMP_LINE = re.compile(
    r"\A\s*(?:(?:last\s+)?(?:date|published|posted|updated|modified)(?:\s+on)?\s*:?\s*)?" + _WEEKDAY
    + r"(?P<date>[^\n]{6,32}?)" + _TIME + r"\s*(?:\n|\Z)",
    re.IGNORECASE,
)
# "MOSCOW, Mar. 23, 2024 (AFP) - Gunmen ..." / "KYIV, Ukraine, 23 March 2024 (Reuters) —"
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z .'\-]{1,30})?),\s+"
    r"(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4})"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*[-\u2013\u2014:]+\s*"
)
# "Millbrook, Ky. (October 3, 2017) - State Police Post 9 took a call": a release's place and date in brackets
_DATELINE_BRACKETED = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Za-z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,15})?)\s*\((?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2},?"
    r"\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4})\)\s*[-\u2013\u2014:]+\s*"
)
# "Posted: Sunday, February 16, 2014" or "Published on 12.05.2023" within the first characters of the text
_HEADER_CHARS = 300
_POSTED = re.compile(r"\b(?P<label>posted|published|created|updated?|date(?=\s*:))(?:\s+on)?\s*:?\s*" + _WEEKDAY
                     + r"(?=(?P<date>[^\n]{6,24}))", re.IGNORECASE)  # a lookahead: stamps may follow closely
# A byline followed by the date: "By: Associated Press August 17, 2015", "By Jane Roe Oct. 9, 2015"
_BYLINE = re.compile(r"\bBy:?\s+(?:[A-Z][\w'\u2019.-]*\s+){1,4}?(?P<date>" + _MONTH.replace("(?P<month>", "(?i:")
                     + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})")
# "/2015/11/14/", "-2024-03-23-", "_2019_10_02_": the day ends at the same separator, a slash or the URL's end
# (htmldate's own pattern reads "/2014/06/5_people_shot" as 5 June)
_URL_DATE = re.compile(r"(?<!\d)(?P<year>(?:199|20[0-3])\d)(?P<sep>[/_-])(?P<mnum>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
                       r"(?:(?P=sep)|[/.?#&]|$)")
# "-03-28-2016" at the end of a slug: month or day first, settled like any numeric date
_URL_NUMERIC = re.compile(r"(?<=[/_-])(?P<a>\d{1,2})(?P<sep>[_-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:199|20[0-3])\d)"
                          r"(?=[/_.?#-]|$)")
_URL_MONTH_NAME = re.compile(r"/(?P<year>(?:199|20[0-3])\d)/" + _MONTH + r"/(?P<day>\d{1,2})(?:/|\b)", re.IGNORECASE)
_URL_COMPACT = re.compile(r"(?<=[/_-])(?P<year>(?:199|20[0-3])\d)(?P<mnum>[01]\d)(?P<day>[0-3]\d)(?=[/_.-]|[a-z]|$)",
                          re.IGNORECASE)
_URL_DAY_FIRST = re.compile(r"(?<=[/_-])(?P<a>[0-3]\d)(?P<b>[0-3]\d)(?P<year>(?:199|20[0-3])\d)(?=[/_.-]|$)")


def _date(year: object, month: object, day: object) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


# A time of day right after a date: "12.05.2023 09:15:02", "October 3, 2019, 11:40am", "23 March 2024 at 10.30",
# "2024-03-23T10:15:00Z", "07-14-2022, 6:02 PM", "Feb. 16, 2014 1:50 p.m. EST"; or right before one: "14:32, 23 March 2024".
_TIME_AFTER = re.compile(
    r"\s*(?:,|\||-|\u2013|T)?\s*(?:at\s+)?(?:(?P<h>\d{1,2})(?::|\.(?=\d{2}\b))(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\.\d+)?"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?|(?P<h2>\d{1,2})\s*(?P<ap2>[ap])\.?\s?m\b\.?)",
    re.IGNORECASE)
_TIME_BEFORE = re.compile(r"(?<![\d:.])(?P<h>\d{1,2}):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?"
                          r"(?:\s+[A-Z]{2,4})?\s*[,|\u00b7\u2013-]?\s*$", re.IGNORECASE)
_ORDERS = ("dmy", "mdy")


def _numeric(a: str, b: str, year: str, order: str = "") -> dt.date | None:
    """A numeric day/month pair: when only one order is a date (``14``, ``07`` -> 14 July), or in the ``order``
    ("dmy" or "mdy") the outlet's country writes; else None."""
    first, second = int(a), int(b)
    if first > 12 >= second:
        return _date(year, second, first)
    if second > 12 >= first:
        return _date(year, first, second)
    if order == "dmy":
        return _date(year, second, first)
    if order == "mdy":
        return _date(year, first, second)
    return None


def _only_a_date(text: str) -> bool:
    """Is ``text`` one date and nothing else (the stamp line's date, not "Attack on 23 March 2024")?"""
    text = text.strip().rstrip(",")
    return any(form.fullmatch(text) for form in (*_DATE_FORMS, _NUMERIC))


def _find_date(text: str, order: str = "") -> tuple[dt.date, int, int] | None:
    """The first date in ``text`` that the forms read, with its span."""
    for form in _DATE_FORMS:
        match = form.search(text)
        if match is None:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower().rstrip(".")]
        date = _date(parts["year"], month, parts["day"])
        if date is not None:
            return date, match.start(), match.end()
    match = _NUMERIC.search(text)
    if match is not None:
        date = _numeric(match["a"], match["b"], match["year"], order)
        if date is not None:
            return date, match.start(), match.end()
    return None


def parse_date(text: str, *, order: str = "") -> dt.date | None:
    """The first calendar date in ``text`` whose reading is certain, or None.

    ``order`` ("dmy" or "mdy", the outlet's country's usage; see
    ``analysis.ingest.outlets.date_order``) settles a numeric date such as
    03/04/2024; without it such a date is not read.

    >>> parse_date("Mar. 23, 2024")
    datetime.date(2024, 3, 23)
    """
    found = _find_date(text, order)
    return found[0] if found else None


def _clock(parts: dict, suffix: str = "") -> dt.time | None:
    hour = int(parts.get("h" + suffix) or 0)
    minute = int(parts.get("m" + suffix) or 0) if not suffix else 0
    second = int(parts.get("s" + suffix) or 0) if not suffix else 0
    meridiem = (parts.get("ap" + suffix) or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    if hour > 23:
        return None
    return dt.time(hour, minute, second)


def parse_timestamp(text: str, *, order: str = "") -> dt.date | dt.datetime | None:
    """The first certain date in ``text``, as a datetime when a time of day stands right beside it.

    The time is kept as the source states it, in its own time zone; a zone written after it
    ("EST", "+03:00", "Z") is not applied.

    >>> parse_timestamp("October 3, 2019, 11:40am")
    datetime.datetime(2019, 10, 3, 11, 40)
    >>> parse_timestamp("23 March 2024")
    datetime.date(2024, 3, 23)
    """
    found = _find_date(text, order)
    if found is None:
        return None
    date, start, end = found
    after = _TIME_AFTER.match(text, end)
    clock = None
    if after is not None:
        clock = _clock(after.groupdict()) if after["h"] is not None else _clock(after.groupdict(), "2")
    if clock is None:
        before = _TIME_BEFORE.search(text[max(0, start - 24):start])
        clock = _clock(before.groupdict()) if before is not None else None
    return dt.datetime.combine(date, clock) if clock is not None else date


def date_from_url(url: str, *, order: str = "") -> dt.date | None:
    """The date in a URL, or None.

    ``/2015/11/14/``, ``2024-03-23``, ``/20230512/``, ``/2023/may/12/``, and ``12052023`` or
    ``-03-28-2016`` in a slug when only one day-month order is a date or ``order`` settles it.
    """
    url = url or ""
    if not url:
        return None
    for match in _URL_DATE.finditer(url):
        date = _date(match["year"], match["mnum"], match["day"])
        if date is not None:
            return date
    for match in _URL_COMPACT.finditer(url):
        date = _date(match["year"], match["mnum"], match["day"])
        if date is not None:
            return date
    match = _URL_MONTH_NAME.search(url)
    if match is not None:
        date = _date(match["year"], _MONTHS[match["month"].lower().rstrip(".")], match["day"])
        if date is not None:
            return date
    for pattern in (_URL_DAY_FIRST, _URL_NUMERIC):
        for match in pattern.finditer(url):
            date = _numeric(match["a"], match["b"], match["year"], order)
            if date is not None:
                return date
    return None


def strip_date_header(text: str, *, order: str = "") -> tuple[str, dt.date | None, str, str]:
    """Remove a leading date prefix, date line or dateline from ``text``.

    Returns:
        ``(rest_of_text, date, method, note)`` where method is ``prefix``,
        ``dateline`` or ``header`` (a "Posted:" stamp run into the first line,
        read but not removed; empty when nothing was found) and note says what
        was removed. ``date`` is a datetime when the stamp gives a time of
        day. A header whose date does not parse is left in the text.
    """
    for pattern, method in ((_PREFIX, "prefix"), (_PREFIX_LINE, "prefix"), (_STAMP_LINE, "prefix"),
                            (_DATELINE, "dateline"), (_DATELINE_BRACKETED, "dateline")):
        match = pattern.match(text)
        if match is None:
            continue
        if pattern is _STAMP_LINE and not _only_a_date(match["date"]):
            continue  # a short first line that names a date among other words is a title, not a stamp
        # a time of day counts in a stamp or date line, not after a "date 2024-03-24" prefix or a dateline
        date = (parse_timestamp(match.group(0), order=order) if pattern in (_PREFIX_LINE, _STAMP_LINE)
                else parse_timestamp(match["date"], order=order) if pattern is _PREFIX
                else parse_date(match["date"], order=order))
        if date is None:
            continue
        header = match.group(0).strip()
        return text[match.end():], date, method, f"date header removed: {header!r}"
    # "Two hurt at a street fair Posted: Tuesday, March 11, 2014 4:05 PM EST Updated: ...": a page
    # header run into the title's line; read the posting date but leave the words where they are.
    # "Updated: ... Created: ...": the first stamp of the posting (posted, published, created), else an update
    stamps = [m for m in _POSTED.finditer(text[:_HEADER_CHARS]) if parse_date(m["date"], order=order) is not None]
    stamps.sort(key=lambda m: m["label"].lower().startswith("update"))
    if not stamps:  # "By: Associated Press June 9, 2017 FAIRVIEW, Ore. (AP) --"
        stamps = [m for m in _BYLINE.finditer(text[:_HEADER_CHARS]) if parse_date(m["date"]) is not None][:1]
    if stamps:
        start = stamps[0].start("date")
        return text, parse_timestamp(text[start:start + 60], order=order), "header", ""
    return text, None, "", ""
