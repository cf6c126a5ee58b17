"""Publication dates as news archives state them: URL forms and header stamps, each with its date or undated."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.ingest.publication_dates import date_from_url, parse_date, parse_timestamp, strip_date_header

D = dt.date
T = dt.datetime


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
    ("https://example.com/local/guns-and-social-media-03-28-2016", D(2016, 3, 28)),
    ("https://archive.example.com/community/articles/20130414city-party-four-shot.html", D(2013, 4, 14)),
    ("https://example.com/news/story-2024-03-23?ref=home", D(2024, 3, 23)),
    ("https://example.com/news/2024/3/9/hall", D(2024, 3, 9)),
    # undated: ambiguous day/month order, no day, ids, impossible dates
    ("https://example.in/city/bus-plunge-12052023.html", None),
    ("https://example.com/news/2015/11/storm", None),
    ("https://example.com/local_coverage/2014/06/5_people_shot_at_party", None),  # 5 is a count, not a day
    ("https://example.com/local/crash-04-05-2016", None),  # April 5 or 4 May: no country given
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
    ("Posted: 12.05.2023 09:15:02\nThe ferry sank at dawn.", T(2023, 5, 12, 9, 15, 2), "prefix"),
    ("07-14-2022, 6:02 PM\nA fire broke out.", T(2022, 7, 14, 18, 2), "prefix"),
    ("14/07/2022 18:02\nA fire broke out.", T(2022, 7, 14, 18, 2), "prefix"),
    ("2nd Oct 2019\nThe storm made landfall.", D(2019, 10, 2), "prefix"),
    ("October 3, 2019, 11:40am\nThe storm made landfall.", T(2019, 10, 3, 11, 40), "prefix"),
    ("Tuesday, March 11, 2014 4:05 PM EST\nPolice said.", T(2014, 3, 11, 16, 5), "prefix"),
    ("Updated October 3, 2019, 11:40 a.m.\nRescuers said.", T(2019, 10, 3, 11, 40), "prefix"),
    ("Last updated: 21st March 2024\nThe hall burned.", D(2024, 3, 21), "prefix"),
    ("Published on Tuesday, 23 March 2024 at 10.30 GMT\nOfficials said.", T(2024, 3, 23, 10, 30), "prefix"),
    ("Posted on Mar. 23, 2024\nOfficials said.", D(2024, 3, 23), "prefix"),
    ("Date: 23 March 2024\nGunmen opened fire.", D(2024, 3, 23), "prefix"),
    ("Fri 22 March 2024 21:40 GMT\nGunmen opened fire.", T(2024, 3, 22, 21, 40), "prefix"),
    ("The 23rd of March 2024\nGunmen opened fire.", D(2024, 3, 23), "prefix"),
    ("Three hurt in blast Posted: Tuesday, March 11, 2014 4:05 PM EST Updated: Wednesday, "
     "March 12, 2014 8:00 AM EST\n\nThree people were hurt.", T(2014, 3, 11, 16, 5), "header"),
    # more forms as archives print them
    ("Posted: Mar 22, 2024 11:05 PM CDT\nText.", T(2024, 3, 22, 23, 5), "prefix"),
    ("Published: 22.03.2024, 23:41\nText.", T(2024, 3, 22, 23, 41), "prefix"),
    ("March 22, 2024 at 9:14 p.m.\nText.", T(2024, 3, 22, 21, 14), "prefix"),
    ("22 March 2024 | 20:15\nText.", T(2024, 3, 22, 20, 15), "prefix"),
    ("Saturday 23 March 2024 07.05 GMT\nText.", T(2024, 3, 23, 7, 5), "prefix"),
    ("Mar. 23, 2024 6 a.m. ET\nText.", T(2024, 3, 23, 6, 0), "prefix"),
    ("Posted: 2024-03-23 06:30\nText.", T(2024, 3, 23, 6, 30), "prefix"),
    ("2024-03-23T10:15\nText.", T(2024, 3, 23, 10, 15), "prefix"),
    ("Date: 12/25/2022 - 4:45 PM\nText.", T(2022, 12, 25, 16, 45), "prefix"),
    ("Updated: Thursday, July 14th 2022, 6:02 PM EDT\nText.", T(2022, 7, 14, 18, 2), "prefix"),
    ("Posted: 1st June 2023\nText.", D(2023, 6, 1), "prefix"),
    ("Sept. 9, 2021\nText.", D(2021, 9, 9), "prefix"),
    ("Storm toll rises Published on 4 June 2023 at 08:10\n\nText.", T(2023, 6, 4, 8, 10), "header"),
    ("MOSCOW, Mar. 23, 2024 (AFP) - Gunmen opened fire.", D(2024, 3, 23), "dateline"),
    ("KYIV, Ukraine, 23 March 2024 (Reuters) \u2014 Officials said.", D(2024, 3, 23), "dateline"),
    (" date 2024-03-24 10 people were hurt.", D(2024, 3, 24), "prefix"),
    ("Updated: 03/26/2016 11:05 PM Created: 03/25/2016 3:17 PM Example TV\nText.", T(2016, 3, 25, 15, 17),
     "header"),
    ("Teen shot in leg By Jane Roe. CREATED Jun 12, 2015 LAS VEGAS (KXXX) -- A teen.", D(2015, 6, 12), "header"),
    ("by: Sam Doe Updated: Jun 7, 2018 - 11:48 AM Lakeside police said.", T(2018, 6, 7, 11, 48), "header"),
    ("UPDATE 10/14/2017 6:52 PM: As the inquiry goes on.", T(2017, 10, 14, 18, 52), "header"),
    ("NEWS RELEASE Subject: Shooting Date: 08-21-2018 02:13:07 From: Lt Roe", T(2018, 8, 21, 2, 13, 7), "header"),
    ("By: Associated Press June 9, 2017 FAIRVIEW, Ore. (AP) -- Officers say.", D(2017, 6, 9), "header"),
    ("Millbrook, Ky. (October 3, 2017) \u2013 Troopers took a call.", D(2017, 10, 3), "dateline"),
    ("Neighbours said (Published Friday, Sept. 2, 2016)\n\nPolice said.", D(2016, 9, 2), "header"),
    # undated: ambiguous numbers, a date inside a title or the story, a stamp that is no date, a bad time
    ("03/04/2024\nA fire broke out.", None, ""),
    ("Posted: 03/04/2024 10:15\nA fire broke out.", None, ""),
    ("Posted: 03.2024\nA fire broke out.", None, ""),
    ("Attack on 23 March 2024\nGunmen opened fire.", None, ""),
    ("2nd Oct 2019 storm\nThe storm made landfall.", None, ""),
    ("Gunmen opened fire on March 22, 2024, officials said.\nMore text.", None, ""),
    ("Residents were told on 4 June 2023 that the dam was safe. Posted: later\nText.", None, ""),
    ("Posted: 31/02/2024\nText.", None, ""),
    ("Crowds said by the time May 5, 2015 came the hall was shut.", None, ""),
    ("Police tape at the scene on Monday, July 11, 2016. (Credit: AP) Text.", None, ""),  # a caption
])
def test_header_stamps(text, expected, method):
    _, date, found_method, _ = strip_date_header(text)
    assert (date, found_method) == (expected, method)


def test_a_stamp_line_is_removed_and_a_run_in_header_is_kept():
    rest, _, _, note = strip_date_header("Posted: 12.05.2023 09:15:02\nThe ferry sank at dawn.")
    assert rest == "The ferry sank at dawn." and "12.05.2023" in note
    text = "Three hurt Posted: Tuesday, March 11, 2014 4:05 PM EST\n\nBody."
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


@pytest.mark.parametrize("text, order, expected", [
    # a numeric date whose order is in doubt is read only in the order of the outlet's country
    ("03/04/2024", "dmy", D(2024, 4, 3)),
    ("03/04/2024", "mdy", D(2024, 3, 4)),
    ("03/04/2024", "", None),
    ("03-04-2024", "mdy", D(2024, 3, 4)),
    ("14/07/2022", "mdy", D(2022, 7, 14)),  # only one order is a date: no country needed, none can mislead
    ("07/14/2022", "dmy", D(2022, 7, 14)),
    ("12.05.2023", "mdy", D(2023, 5, 12)),  # dots are written day first everywhere
])
def test_ambiguous_numeric_dates_follow_the_country(text, order, expected):
    assert parse_date(text, order=order) == expected


@pytest.mark.parametrize("text, order, expected", [
    ("Posted: 03/04/2024 10:15\nText.", "dmy", T(2024, 4, 3, 10, 15)),
    ("Posted: 03/04/2024 10:15\nText.", "mdy", T(2024, 3, 4, 10, 15)),
    ("05/06/2019, 11:40am\nText.", "mdy", T(2019, 5, 6, 11, 40)),
    ("05/06/2019\nText.", "", None),
])
def test_header_stamps_with_the_country_order(text, order, expected):
    assert strip_date_header(text, order=order)[1] == expected


@pytest.mark.parametrize("url, order, expected", [
    ("https://example.in/city/bus-plunge-12052023.html", "dmy", D(2023, 5, 12)),
    ("https://example.com/local/crash-05122023", "mdy", D(2023, 5, 12)),
    ("https://example.com/local/crash-05252023", "mdy", D(2023, 5, 25)),
    ("https://example.in/city/bus-plunge-12052023.html", "", None),
    ("https://example.com/2024/03/23/hall", "mdy", D(2024, 3, 23)),  # the year-first form needs no order
])
def test_url_day_month_slugs_follow_the_country(url, order, expected):
    assert date_from_url(url, order=order) == expected


@pytest.mark.parametrize("text, expected", [
    ("2024-03-23T10:15:00Z", T(2024, 3, 23, 10, 15)),
    ("2024-03-23T10:15:00+03:00", T(2024, 3, 23, 10, 15)),  # wall-clock time as stated; the zone is not applied
    ("2024-03-23 22:05:09", T(2024, 3, 23, 22, 5, 9)),
    ("2024-03-23", D(2024, 3, 23)),
    ("14:32, 23 March 2024", T(2024, 3, 23, 14, 32)),
    ("Mar 23, 2024 12:30 AM", T(2024, 3, 23, 0, 30)),
    ("Mar 23, 2024 12:30 PM", T(2024, 3, 23, 12, 30)),
    ("23 March 2024 25:10", D(2024, 3, 23)),  # no such hour: the date alone
    ("March 23, 2024 10 people", D(2024, 3, 23)),
])
def test_timestamps_keep_the_time_of_day(text, expected):
    assert parse_timestamp(text) == expected


def _page(published: str) -> bytes:
    body = "Gunmen opened fire at a concert hall on Friday evening, officials said. " * 6
    return (f'<html><head><title>Hall attack</title><meta property="article:published_time" content="{published}">'
            f"</head><body><article><h1>Hall attack</h1><p>{body}</p></article></body></html>").encode()


@pytest.mark.parametrize("published, expected", [
    ("2024-03-22T21:40:00+03:00", pd.Timestamp("2024-03-22 21:40")),
    ("2024-03-22", pd.Timestamp("2024-03-22")),
])
def test_page_metadata_keeps_the_time_of_day(published, expected):
    from analysis.ingest.corpus import load_uploads

    article = load_uploads([("page.html", _page(published))]).articles.iloc[0]
    assert (article["published"], article["date_method"]) == (expected, "metadata")
