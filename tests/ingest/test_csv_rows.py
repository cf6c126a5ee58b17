"""Damaged CSV rows are mended and said so; no row's text is dropped or moved to another column."""

import pytest

from analysis.ingest.corpus import load_uploads
from analysis.ingest.csv_rows import read_csv_rows
from analysis.ingest.limits import Limits


def _rows(content: str, text_column: str | None = "text", delimiter: str = ","):
    frame, notes = read_csv_rows(content, delimiter).frame(text_column)
    return frame.fillna("").values.tolist(), notes


@pytest.mark.parametrize("content, rows, mended", [
    # well-formed, quoted delimiters and a quoted line break
    ('title,text\nA,"Two killed, three hurt"\nB,"One line\nand another"\n',
     [["A", "Two killed, three hurt"], ["B", "One line\nand another"]], {}),
    # an unquoted comma in the text: the surplus stays in the text, the columns after it keep their places
    ("title,text,date\nA,Three killed, police said,2024-03-23\nB,Calm returned,2024-03-24\n",
     [["A", "Three killed, police said", "2024-03-23"], ["B", "Calm returned", "2024-03-24"]], {1: "4 fields"}),
    ("text,title\nFive hurt, two critically, at the depot,Depot\n",
     [["Five hurt, two critically, at the depot", "Depot"]], {1: "4 fields"}),
    # fewer fields than columns: the missing ones are empty
    ("title,text,date\nA,Nobody was hurt\n", [["A", "Nobody was hurt", ""]], {}),
    # a quote that never closes swallows nothing after its line
    ('title,text\nA,"Four were wounded\nB,Two arrested\nC,Roads reopened\n',
     [["A", '"Four were wounded'], ["B", "Two arrested"], ["C", "Roads reopened"]], {1: "never closes"}),
    ('title,text\nA,Fine\nB,"Cut off at the end', [["A", "Fine"], ["B", '"Cut off at the end']], {2: "never closes"}),
    # nor runs on to the next stray quote
    ('title,text\nA,"Stray one\nB,"Stray two\n', [["A", '"Stray one'], ["B", '"Stray two']],
     {1: "never closes", 2: "never closes"}),
    # text after a closing quote is read leniently, as before
    ('title,text\nA,"Six dead" by evening\n', [["A", "Six dead by evening"]], {}),
    # blank lines are skipped
    ("title,text\n\nA,One\n\n\nB,Two\n", [["A", "One"], ["B", "Two"]], {}),
])
def test_rows_mended_not_lost(content, rows, mended):
    got, notes = _rows(content)
    assert got == rows
    assert set(notes) == set(mended)
    for position, words in mended.items():
        assert words in notes[position]


def test_surplus_goes_to_the_last_column_without_a_text_column():
    got, notes = _rows("a,b\n1,2,3\n", text_column=None)
    assert got == [["1", "2,3"]]
    assert "kept inside 'b'" in notes[1]


def test_header_names_made_unique_as_pandas_does():
    table = read_csv_rows("text,,text\n1,2,3\n", ",")
    assert table.columns == ["text", "Unnamed: 1", "text.1"]


def test_no_header_row():
    with pytest.raises(ValueError, match="no header row"):
        read_csv_rows("\n \n", ",")


def test_a_long_field_is_one_field():
    text = "word " * 60_000  # over the csv module's default 131,072-character field limit
    got, _ = _rows(f'title,text\nA,"{text}"\n')
    assert got == [["A", text]]


def test_many_unclosed_quotes_read_as_written_in_linear_time():
    content = "title,text\n" + "".join(f'T{n},"Report {n} with a stray quote\n' for n in range(2000))
    got, notes = _rows(content)
    assert len(got) == 2000 and got[-1] == ["T1999", '"Report 1999 with a stray quote']
    assert len(notes) >= 100


def test_the_load_report_says_which_rows_were_mended():
    data = b'title,text\nA,Three people were killed, police said\nB,"Two were hurt\nC,Traffic resumed\n'
    corpus = load_uploads([("export.csv", data)], limits=Limits())
    assert corpus.articles["text"].tolist() == ["Three people were killed, police said", '"Two were hurt',
                                                "Traffic resumed"]
    reasons = dict(zip(corpus.load_report["input"], corpus.load_report["reason"]))
    assert "3 fields under 2 columns" in reasons["export.csv row 1"]
    assert "line 3: a quote opens and never closes" in reasons["export.csv row 2"]
    assert "quote" not in reasons["export.csv row 3"]
