"""Outlets: the data file's promises, a source to its display name, country and kind, and the user's edits."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlparse

import pandas as pd
import pytest

from analysis.ingest.corpus import load_uploads
from analysis.ingest.outlets import (
    COUNTRIES_FILE,
    KINDS,
    OUTLETS_FILE,
    Country,
    Outlet,
    OutletDirectory,
    _rows,
    add_outlet_columns,
    date_order,
    default_directory,
    domain_of,
    resolve,
)


# --- the data files -------------------------------------------------------------------------------------------------

def test_the_outlets_file_holds_at_least_300_distinct_outlets_with_known_labels():
    rows = list(_rows(OUTLETS_FILE))
    codes = {row["code"] for row in _rows(COUNTRIES_FILE)}
    domains = [row["domain"] for row in rows]
    assert len(set(domains)) == len(domains) >= 300
    for row in rows:
        assert row["domain"] == row["domain"].lower() and domain_of(row["domain"]) == row["domain"], row
        assert row["name"].strip(), row
        assert row["kind"] in ("", *KINDS), row
        assert row["country"] in codes or row["country"] == "", row
        reference = urlparse(row["reference"])
        assert reference.scheme == "https" and reference.netloc, row


def test_every_country_has_a_name_and_a_known_date_order():
    rows = list(_rows(COUNTRIES_FILE))
    assert len({row["code"] for row in rows}) == len(rows)
    assert all(len(row["code"]) == 2 and row["name"] and row["date_order"] in ("", "dmy", "mdy") for row in rows)


@pytest.mark.parametrize("domain", [
    "reuters.com", "apnews.com", "afp.com", "tass.ru", "ria.ru", "interfax.ru", "meduza.io", "kommersant.ru",
    "pravda.com.ua", "kyivindependent.com", "ukrinform.net", "inform.kz", "ozodi.org", "kun.uz", "24.kg",
    "timesofindia.indiatimes.com", "thehindu.com", "aljazeera.com", "bbc.co.uk", "theguardian.com", "nytimes.com",
    "cnn.com", "dw.com", "france24.com", "xinhuanet.com", "scmp.com", "news24.com", "clarin.com",
    # the most frequent domains of the real-news tuning set
    "nydailynews.com", "fox59.com", "detroitnews.com", "abc7chicago.com", "6abc.com", "ksla.com", "wsmv.com",
])
def test_the_file_covers_wires_world_outlets_and_the_tuning_sets_domains(domain):
    assert domain in default_directory().by_domain


# --- a source to its outlet ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("source, url, name, domain, country, kind, basis", [
    # by domain, with or without www, as a URL, or a subdomain of a listed one
    ("reuters.com", "", "Reuters", "reuters.com", "United Kingdom", "news agency", "list"),
    ("www.tass.ru", "", "TASS", "tass.ru", "Russia", "state-owned or state-funded", "list"),
    ("https://www.bbc.co.uk/news/world-europe-68636716", "", "BBC News", "bbc.co.uk", "United Kingdom",
     "broadcaster", "list"),
    ("homicide.latimes.com", "", "Los Angeles Times", "homicide.latimes.com", "United States", "newspaper", "list"),
    ("m.timesofindia.com", "", "The Times of India", "timesofindia.com", "India", "newspaper", "list"),
    # by the article's URL when the source is a name the file does not know
    ("FOX 8 Live", "http://www.fox8live.com/story/123/shooting", "FOX 8 New Orleans (WVUE-DT)", "fox8live.com",
     "United States", "broadcaster", "list"),
    # by name, ignoring case and a leading "The"
    ("Reuters", "", "Reuters", "reuters.com", "United Kingdom", "news agency", "list"),
    ("the kyiv independent", "", "The Kyiv Independent", "kyivindependent.com", "Ukraine", "newspaper", "list"),
    ("Guardian", "", "The Guardian", "theguardian.com", "United Kingdom", "newspaper", "list"),
    # a label the file leaves empty stays empty
    ("meduza.io", "", "Meduza", "meduza.io", "Latvia", "", "list"),
    # not in the file: first-class under its own name, the country-code domain as the country
    ("lenta-news.example.ru", "", "lenta-news.example.ru", "lenta-news.example.ru", "Russia", "", "domain"),
    ("someportal.kz", "", "someportal.kz", "someportal.kz", "Kazakhstan", "", "domain"),
    ("localpaper.co.uk", "", "localpaper.co.uk", "localpaper.co.uk", "United Kingdom", "", "domain"),
    ("Dunmore Radio", "https://dunmore.example.ie/a/1", "Dunmore Radio", "dunmore.example.ie", "Ireland", "", "domain"),
    ("outlet042.example", "", "outlet042.example", "outlet042.example", "", "", ""),
    ("Marlow Gazette", "", "Marlow Gazette", "", "", "", ""),
    ("000_ef47f26998156410", "", "000_ef47f26998156410", "", "", "", ""),
    # country-code domains sold as generic names say nothing about a country
    ("abruzzo.tv", "", "abruzzo.tv", "abruzzo.tv", "", "", ""),
    ("startup.io", "", "startup.io", "startup.io", "", "", ""),
    ("", "", "", "", "", "", ""),
])
def test_a_source_resolves_to_its_outlet(source, url, name, domain, country, kind, basis):
    info = resolve(source, url=url)
    assert (info.name, info.domain, info.country, info.kind, info.basis) == (name, domain, country, kind, basis)


@pytest.mark.parametrize("override, name, country, kind", [
    ({"country": "KZ"}, "TASS", "Kazakhstan", "state-owned or state-funded"),
    ({"country": "kazakhstan", "kind": "blog"}, "TASS", "Kazakhstan", "blog"),
    ({"name": "TASS Russian News Agency"}, "TASS Russian News Agency", "Russia", "state-owned or state-funded"),
    ({"country": "Atlantis"}, "TASS", "Atlantis", "state-owned or state-funded"),  # kept as written
])
def test_the_users_labels_win(override, name, country, kind):
    info = resolve("tass.ru", override=override)
    assert (info.name, info.country, info.kind, info.basis) == (name, country, kind, "user")


def test_empty_user_labels_change_nothing():
    assert resolve("tass.ru", override={"name": "", "country": " ", "kind": None}) == resolve("tass.ru")


def test_a_name_shared_by_two_different_outlets_matches_by_domain_only():
    directory = OutletDirectory(
        [Outlet("thestar.com", "The Star", "CA", "newspaper"), Outlet("thestar.com.my", "The Star", "MY", "newspaper"),
         Outlet("bbc.co.uk", "BBC News", "GB", "broadcaster"), Outlet("bbc.com", "BBC News", "GB", "broadcaster")],
        [Country("CA", "Canada", ""), Country("MY", "Malaysia", "dmy"), Country("GB", "United Kingdom", "dmy")])
    assert resolve("The Star", directory=directory).basis == ""
    assert resolve("thestar.com.my", directory=directory).country == "Malaysia"
    assert resolve("BBC News", directory=directory).domain == "bbc.co.uk"  # one outlet under two domains


@pytest.mark.parametrize("value, expected", [
    ("https://www.Reuters.com/world/", "reuters.com"),
    ("//cdn.example.org/x", "cdn.example.org"),
    ("tass.ru/society/123", "tass.ru"),
    ("www2.example.com:8080", "example.com"),
    ("Reuters", ""),
    ("The Moscow Times", ""),
    ("not a domain.com", ""),
    ("", ""),
])
def test_domain_of(value, expected):
    assert domain_of(value) == expected


@pytest.mark.parametrize("country, expected", [
    ("United States", "mdy"), ("US", "mdy"), ("United Kingdom", "dmy"), ("Russia", "dmy"), ("India", "dmy"),
    ("Canada", ""), ("Japan", ""), ("", ""), ("Atlantis", ""),
])
def test_date_order_of_a_country(country, expected):
    assert date_order(country) == expected


def test_outlet_columns_are_added_without_changing_the_input():
    articles = pd.DataFrame({"source": ["tass.ru", "Marlow Gazette"], "url": ["", "https://marlow.example.uk/a"]})
    before = articles.copy()
    out = add_outlet_columns(articles, overrides={"Marlow Gazette": {"kind": "newspaper"}})
    pd.testing.assert_frame_equal(articles, before)
    assert out["outlet"].tolist() == ["TASS", "Marlow Gazette"]
    assert out["outlet_country"].tolist() == ["Russia", "United Kingdom"]
    assert out["outlet_kind"].tolist() == ["state-owned or state-funded", "newspaper"]
    assert out["outlet_basis"].tolist() == ["list", "user"]


# --- through ingest --------------------------------------------------------------------------------------------------

def _jsonl(rows: list[dict]) -> bytes:
    return "\n".join(json.dumps(row) for row in rows).encode()


TEXT = "Gunmen opened fire at a concert hall. At least 40 people were killed, officials said."


def test_ingest_fills_the_outlet_columns_and_reads_ambiguous_dates_in_the_outlets_order():
    rows = [
        {"text": TEXT + " One.", "source": "bbc.co.uk", "date": "03/04/2024 10:15"},
        {"text": TEXT + " Two.", "source": "nytimes.com", "date": "03/04/2024"},
        {"text": TEXT + " Three.", "source": "somesite.example", "date": "03/04/2024"},
        {"text": TEXT + " Four.", "source": "lenta-news.example.ru", "url": "https://lenta-news.example.ru/a-03042024"},
        {"text": "Posted: 03/04/2024\nGunmen opened fire. Five.", "source": "wxyz.com"},
    ]
    articles = load_uploads([("feed.jsonl", _jsonl(rows))]).articles.set_index("source")
    assert articles.loc["bbc.co.uk", "published"] == pd.Timestamp("2024-04-03 10:15")
    assert articles.loc["nytimes.com", "published"] == pd.Timestamp("2024-03-04")
    assert pd.isna(articles.loc["somesite.example", "published"])  # no country: 3 April or March 4 is unknowable
    assert articles.loc["lenta-news.example.ru", "published"] == pd.Timestamp("2024-04-03")
    assert articles.loc["wxyz.com", "published"] == pd.Timestamp("2024-03-04")
    assert articles.loc["bbc.co.uk", "outlet"] == "BBC News"
    assert articles.loc["lenta-news.example.ru", "outlet_basis"] == "domain"


def test_the_users_outlet_country_settles_an_ambiguous_date_too():
    rows = [{"text": TEXT, "source": "somesite.example", "date": "03/04/2024"}]
    corpus = load_uploads([("feed.jsonl", _jsonl(rows))],
                          outlets={"somesite.example": {"name": "Some Site", "country": "US", "kind": "blog"}})
    article = corpus.articles.iloc[0]
    assert article["published"] == pd.Timestamp("2024-03-04")
    assert (article["outlet"], article["outlet_country"], article["outlet_kind"], article["outlet_basis"]) == (
        "Some Site", "United States", "blog", "user")
    assert article["source"] == "somesite.example"  # the source keeps its name; the outlet is its label


def test_a_date_column_keeps_its_time_of_day():
    rows = [{"text": TEXT, "source": "reuters.com", "published_at": "2024-03-22T21:40:00Z"}]
    corpus = load_uploads([("feed.jsonl", _jsonl(rows))])
    assert corpus.articles.iloc[0]["published"] == pd.Timestamp(dt.datetime(2024, 3, 22, 21, 40))
