"""CSV and TSV files read row by row, so that a damaged row is mended and said so, never silently dropped.

Exports from newsroom tools and spreadsheets are often damaged in the same few ways, and a general-purpose reader
handles each by losing text: pandas skips a row with more fields than the header, takes the first columns as the
index when rows have one field too many (every text moves one column over), and reads a quote that never closes
as one field holding the rest of the file. Here:

- a row with more fields than the header has delimiters inside one field, nearly always the text (an unquoted
  comma in "Police said two, maybe three, shots were fired"): the fields before the text column and after it keep
  their places, and what lies between is the text, joined back with the delimiter;
  ``A,Three killed, police said,2024-03-23`` under ``title,text,date`` is the title "A", the text "Three killed,
  police said" and the date;
- a row with fewer fields than the header has the missing ones empty;
- a quote opened and never closed (``"Three killed`` with no closing quote, then more rows) would swallow every
  line after it, or run on to a quote on a later line: that line is read as it stands, quote marks kept, and each
  line after it is a row again;
- text after a closing quote on the same line (``"Three killed" today``) is read as the csv module reads it
  leniently (``Three killed today``), as before.

Known miss: a quoted field that rightly spans lines and has text after its closing quote is read as a stray
quote (its lines become rows of their own, nothing dropped).

Every mended row carries a note saying what was done (``CsvTable.notes``), shown beside the article in the load
report. Blank lines are skipped. Header names are made unique the way pandas does (``text``, ``text.1``), and an
empty one becomes ``Unnamed: N``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["CsvTable", "read_csv_rows", "sniff_delimiter"]

_EOF_IN_QUOTES = "unexpected end of data"
_MOST_RESTARTS = 100
_FIELD_LIMIT = 1 << 30


@dataclass
class CsvTable:
    """A CSV file's header and rows, each row as many fields as it had, and what had to be mended."""

    columns: list[str]
    rows: list[list[str]]
    lines: list[int]  # the line each row starts on, 1-based
    delimiter: str
    unclosed: set[int] = field(default_factory=set)  # lines where a quote opened and never closed

    def frame(self, text_column: str | None = None) -> tuple[pd.DataFrame, dict[int, str]]:
        """The rows as a frame of strings, the header's width, and ``{row position (1-based): note}`` for each row
        mended. A row wider than the header gives its surplus to ``text_column`` (the last column when it is not
        one of them)."""
        width = len(self.columns)
        text_at = self.columns.index(text_column) if text_column in self.columns else width - 1
        out, notes = [], {}
        for position, (fields, line) in enumerate(zip(self.rows, self.lines), start=1):
            said = []
            if line in self.unclosed:
                said.append(f"line {line}: a quote opens and never closes; the line was read as written")
            if len(fields) > width:
                after = width - 1 - text_at
                joined = self.delimiter.join(fields[text_at:len(fields) - after])
                said.append(f"line {line}: {len(fields)} fields under {width} columns; the extra delimiters "
                            f"were kept inside {self.columns[text_at]!r}")
                fields = [*fields[:text_at], joined, *fields[len(fields) - after:]]
            elif len(fields) < width:
                fields = [*fields, *[""] * (width - len(fields))]
            if said:
                notes[position] = "; ".join(said)
            out.append(fields)
        columns = list(zip(*out)) if out else [()] * width
        return pd.DataFrame({name: pd.array(values, dtype="string")  # a column at a time: a third of the time
                             for name, values in zip(self.columns, columns)}), notes


def sniff_delimiter(content: str) -> str:
    """The delimiter among , ; tab and | that the first 20,000 characters use; a comma when none stands out."""
    try:
        return csv.Sniffer().sniff(content[:20000], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def read_csv_rows(content: str, delimiter: str) -> CsvTable:
    """The header and rows of a CSV text (see the module docstring for what is mended).

    Raises:
        ValueError: the text has no header row.
    """
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))  # a long article is one field
    lines = list(io.StringIO(content, newline=""))  # split at \n, \r\n and \r only, as csv does
    records: list[tuple[int, list[str]]] = []
    unclosed: set[int] = set()
    start = 0
    while start < len(lines):
        if len(unclosed) >= _MOST_RESTARTS:  # each restart reads to the end: past this, quotes are not quotes
            records += [(start + n + 1, _as_written(line, delimiter)) for n, line in enumerate(lines[start:])]
            break
        reader = csv.reader(lines[start:], delimiter=delimiter, strict=True)
        consumed = 0
        try:
            for fields in reader:
                records.append((start + consumed + 1, fields))
                consumed = reader.line_num
            break
        except csv.Error as error:
            at = start + consumed
            lenient = csv.reader(lines[at:], delimiter=delimiter, strict=False)
            fields = next(lenient, [])
            if str(error) == _EOF_IN_QUOTES or lenient.line_num > 1:  # the quote ran on past its line
                unclosed.add(at + 1)
                records.append((at + 1, _as_written(lines[at], delimiter)))
                start = at + 1
            else:  # text after a closing quote on the same line: the lenient reading of it
                records.append((at + 1, fields))
                start = at + 1
    records = [(line, fields) for line, fields in records if len(fields) > 1 or fields and fields[0].strip()]
    if not records:
        raise ValueError("the file has no header row")
    (_, header), body = records[0], records[1:]
    return CsvTable(columns=_unique_names(header), rows=[fields for _, fields in body],
                    lines=[line for line, _ in body], delimiter=delimiter, unclosed=unclosed)


def _as_written(line: str, delimiter: str) -> list[str]:
    """One line's fields with quote marks taken as letters."""
    return next(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])


def _unique_names(header: list[str]) -> list[str]:
    """``["text", "", "text"]`` -> ``["text", "Unnamed: 1", "text.1"]``, as pandas names them."""
    names, seen = [], {}
    for index, name in enumerate(header):
        name = name or f"Unnamed: {index}"
        base, count = name, seen.get(name, 0)
        while name in seen:
            count += 1
            name = f"{base}.{count}"
        seen[base] = count
        seen[name] = 0
        names.append(name)
    return names
