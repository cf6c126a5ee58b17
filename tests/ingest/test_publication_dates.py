"""Publication dates as news archives state them: URL forms and header stamps, each with its date or undated."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.ingest.publication_dates import date_from_url, parse_date, strip_date_header

D = dt.date


@pytest.mark.parametrize("url, expected", [
    ("https://news.example.org/2015/11/14/paris-attacks-live", D(2015, 11, 14)),
    ("https://example.com/world/2024-03-23-concert-hall-attack", D(2024, 3, 23)),
    ("https://example.com/a/2019_10_02_flood_toll.html", D(2019, 10, 2)),
    ("https://www.example.ru/20230512/explosion-toll.html", D(2023, 5, 12)),
    ("https://example.com/news/quake-20230206", D(2023, 2, 6)),
    ("https://example.com/news/quake_20230206.html", D(2023, 2, 6)),
    ("https://www.example.co.uk/world/2023/may/12/ferry-capsizes", D(2023, 5, 12)),
    ("https://www.example.co.uk/uk-news/2019/Oct/02/storm", D(2019, 10, 2)),
    ("https://example.in/city/bus-plunge-toll-rises-13052023.html", D(2023, 5, 13)),
    ("https://example.in/city/stampede-25122022", D(2022, 12, 25)),
    ("https://example.com/2024/03/23", D(2024, 3, 23)),
    ("https://example.com/story/2015/11/14/", D(2015, 11, 14)),
    # undated: ambiguous day/month order, no day, ids, impossible dates
    ("https://example.in/city/bus-plunge-12052023.html", None),
    ("https://example.com/news/2015/11/storm", None),
    ("https://example.com/article/12345678/", None),
    ("https://example.com/story-20231305", None),
    ("https://example.com/2024/02/30/leap", None),
    ("https://example.com/archive/1850/03/04/old", None),
    ("", None),
    ("not a url", None),
])
def test_url_dates(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize("text, expected, method", [
    ("Posted: 12.05.2023 09:15:02\nThe ferry sank at dawn.", D(2023, 5, 12), "prefix"),
    ("07-14-2022, 6:02 PM\nA fire broke out.", D(2022, 7, 14), "prefix"),
    ("14/07/2022 18:02\nA fire broke out.", D(2022, 7, 14), "prefix"),
    ("2nd Oct 2019\nThe storm made landfall.", D(2019, 10, 2), "prefix"),
    ("October 3, 2019, 11:40am\nThe storm made landfall.", D(2019, 10, 3), "prefix"),
    ("Sunday, February 16, 2014 1:50 PM EST\nPolice said.", D(2014, 2, 16), "prefix"),
    ("Updated October 3, 2019, 11:40 a.m.\nRescuers said.", D(2019, 10, 3), "prefix"),
    ("Last updated: 21st March 2024\nThe hall burned.", D(2024, 3, 21), "prefix"),
    ("Published on Tuesday, 23 March 2024 at 10.30 GMT\nOfficials said.", D(2024, 3, 23), "prefix"),
    ("Posted on Mar. 23, 2024\nOfficials said.", D(2024, 3, 23), "prefix"),
    ("Date: 23 March 2024\nGunmen opened fire.", D(2024, 3, 23), "prefix"),
    ("Fri 22 March 2024 21:40 GMT\nGunmen opened fire.", D(2024, 3, 22), "prefix"),
    ("The 23rd of March 2024\nGunmen opened fire.", D(2024, 3, 23), "prefix"),
    ("Three hurt in blast Posted: Sunday, February 16, 2014 1:50 PM EST Updated: Monday, "
     "February 17, 2014 8:00 AM EST\n\nThree people were hurt.", D(2014, 2, 16), "header"),
    # undated: ambiguous numbers, a date inside a title or the story, a stamp that is no date
    ("03/04/2024\nA fire broke out.", None, ""),
    ("Posted: 03.2024\nA fire broke out.", None, ""),
    ("Attack on 23 March 2024\nGunmen opened fire.", None, ""),
    ("2nd Oct 2019 storm\nThe storm made landfall.", None, ""),
    ("Gunmen opened fire on March 22, 2024, officials said.\nMore text.", None, ""),
    ("Residents were told on 4 June 2023 that the dam was safe. Posted: later\nText.", None, ""),
])
def test_header_stamps(text, expected, method):
    _, date, found_method, _ = strip_date_header(text)
    assert (date, found_method) == (expected, method)


def test_a_stamp_line_is_removed_and_a_run_in_header_is_kept():
    rest, _, _, note = strip_date_header("Posted: 12.05.2023 09:15:02\nThe ferry sank at dawn.")
    assert rest == "The ferry sank at dawn." and "12.05.2023" in note
    text = "Three hurt Posted: Sunday, February 16, 2014 1:50 PM EST\n\nBody."
    assert strip_date_header(text)[0] == text


@pytest.mark.parametrize("text, expected", [
    ("12.05.2023", D(2023, 5, 12)),
    ("07-14-2022", D(2022, 7, 14)),
    ("03/04/2024", None),
    ("2024-03-23T10:15:00Z", D(2024, 3, 23)),
    ("Saturday 23rd of March, 2024", D(2024, 3, 23)),
])
def test_parse_date_reads_numeric_forms_only_when_the_order_is_certain(text, expected):
    assert parse_date(text) == expected
