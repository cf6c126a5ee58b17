"""Outlets: a source (a domain, a URL or a name) to its display name, country and kind.

Each article's source is looked up in ``analysis/data/outlets.csv`` (domain, name,
country, kind, reference; one row per domain, a public reference for every label):

1. by domain, the source's own when it is a domain or URL, else the article's URL's;
   a subdomain not listed takes its parent's row (``homicide.latimes.com`` is the
   Los Angeles Times, ``edition.cnn.com`` is CNN);
2. else by name, ignoring case and a leading "The" ("reuters", "The Guardian").

A source not in the file stays first-class under its own name or domain, with the
country of a country-code domain as a fallback (``.ru`` Russia, ``.co.uk`` the United
Kingdom; ``analysis/data/countries.csv``). Country-code domains sold as generic names
(``.tv``, ``.io``, ``.co``, ``.me``, ``.fm`` ...) say nothing about a country and are
not used. A user's edits (``overrides``: per source a name, country or kind) win over
both. ``basis`` says where the labels came from: ``list``, ``domain`` (the country
from the country-code domain only), ``user``, or empty when nothing is known.

The country also fixes how a purely numeric date is read (``date_order``): 03/04/2024
is 3 April from a British outlet, March 4 from an American one, and undated when the
country's usage is mixed or unknown.

Known limits: a name shared by unrelated outlets ("The Star" of Toronto and of
Malaysia) matches by domain only, never by name; a subdomain that is a different
outlet from its parent (a newspaper's blog network) takes the parent's labels unless
it is listed itself; kinds are single-valued, so a state broadcaster is "state-owned
or state-funded", not also "broadcaster".
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from analysis.data import DATA_DIR

OUTLETS_FILE = DATA_DIR / "outlets.csv"
COUNTRIES_FILE = DATA_DIR / "countries.csv"

#: The kinds an outlet may have, in display order.
KINDS: tuple[str, ...] = ("news agency", "broadcaster", "newspaper", "magazine", "state-owned or state-funded",
                          "aggregator", "blog", "government")

#: Columns the articles table gains, in order (documented in ``analysis.schema``).
OUTLET_COLUMNS: tuple[str, ...] = ("outlet", "outlet_domain", "outlet_country", "outlet_kind", "outlet_basis")

# Country-code domains widely sold as generic names: they tell nothing about where an outlet is.
_VANITY_TLDS = frozenset({"ac", "ag", "ai", "am", "as", "bz", "cc", "cd", "cf", "co", "fm", "ga", "gg", "gq", "gs",
                          "im", "io", "la", "ly", "me", "ml", "mu", "nu", "pw", "sh", "so", "st", "tk", "to", "tv",
                          "vc", "ws"})
_TLD_COUNTRY = {"uk": "GB"}  # the one country-code domain that is not the ISO code
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")
_WWW = re.compile(r"^(?:www\d?|m|amp|mobile)\.")


@dataclass(frozen=True)
class Outlet:
    """One row of ``outlets.csv``; ``country`` is an ISO 3166-1 alpha-2 code."""

    domain: str
    name: str
    country: str = ""
    kind: str = ""
    reference: str = ""


@dataclass(frozen=True)
class OutletInfo:
    """What a source resolves to; ``country`` is the English name (``countries.csv``)."""

    name: str
    domain: str = ""
    country: str = ""
    kind: str = ""
    basis: str = ""

    def as_row(self) -> dict[str, str]:
        """The articles table's outlet columns for this outlet."""
        return dict(zip(OUTLET_COLUMNS, (self.name, self.domain, self.country, self.kind, self.basis)))


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    date_order: str  # "dmy", "mdy" or "" (mixed, year-first or unknown)


def _rows(path: Path) -> Iterable[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        for row in csv.DictReader(lines):
            yield {key.strip(): (value or "").strip() for key, value in row.items() if key}


def _name_key(name: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(name.casefold().split()))


class OutletDirectory:
    """The outlets and countries files, indexed for look-ups."""

    def __init__(self, outlets: Iterable[Outlet], countries: Iterable[Country]) -> None:
        self.countries = {c.code: c for c in countries}
        self._country_by_name = {c.name.casefold(): c for c in self.countries.values()}
        self.by_domain: dict[str, Outlet] = {}
        names: dict[str, set[str]] = {}
        first: dict[str, Outlet] = {}
        for outlet in outlets:
            self.by_domain.setdefault(outlet.domain, outlet)
            key = _name_key(outlet.name)
            names.setdefault(key, set()).add((outlet.name, outlet.country, outlet.kind))
            first.setdefault(key, outlet)
        # a name that stands for one outlet only (two domains of the BBC are one outlet; "The Star" is two)
        self.by_name = {key: first[key] for key, labels in names.items() if len(labels) == 1}

    @classmethod
    def from_files(cls, outlets: Path = OUTLETS_FILE, countries: Path = COUNTRIES_FILE) -> "OutletDirectory":
        outlet_rows = [Outlet(r["domain"].lower(), r["name"], r.get("country", "").upper(), r.get("kind", ""),
                              r.get("reference", "")) for r in _rows(outlets) if r.get("domain") and r.get("name")]
        country_rows = [Country(r["code"].upper(), r["name"], r.get("date_order", "")) for r in _rows(countries)]
        return cls(outlet_rows, country_rows)

    def country(self, value: str) -> Country | None:
        """A country by ISO code ("KZ") or English name ("Kazakhstan"), else None."""
        value = (value or "").strip()
        return self.countries.get(value.upper()) or self._country_by_name.get(value.casefold())

    def find_domain(self, domain: str) -> Outlet | None:
        """The row of ``domain`` or of its nearest listed parent domain."""
        labels = domain.split(".")
        for start in range(len(labels) - 1):
            found = self.by_domain.get(".".join(labels[start:]))
            if found is not None:
                return found
        return None

    def find_name(self, name: str) -> Outlet | None:
        return self.by_name.get(_name_key(name)) if name.strip() else None

    def tld_country(self, domain: str) -> Country | None:
        """The country of a country-code domain (``tass.ru`` Russia), None for generic or vanity domains."""
        tld = domain.rsplit(".", 1)[-1] if "." in domain else ""
        if len(tld) != 2 or tld in _VANITY_TLDS:
            return None
        return self.countries.get(_TLD_COUNTRY.get(tld, tld.upper()))


@lru_cache(maxsize=1)
def default_directory() -> OutletDirectory:
    """``analysis/data/outlets.csv`` and ``countries.csv``, read once."""
    return OutletDirectory.from_files()


def domain_of(value: str) -> str:
    """The web domain in a URL or a bare domain, lower-case and without "www."; "" for a name.

    >>> domain_of("https://www.Reuters.com/world/europe/")
    'reuters.com'
    >>> domain_of("Reuters")
    ''
    """
    value = (value or "").strip().lower()
    if not value or " " in value:
        return ""
    if "://" in value or value.startswith("//"):
        try:
            host = urlparse(value if "://" in value else "http:" + value).hostname or ""
        except ValueError:
            return ""
    else:
        host = value.split("/", 1)[0].split(":", 1)[0]
    host = _WWW.sub("", host.rstrip("."))
    return host if _DOMAIN.match(host) else ""


def resolve(source: str, *, url: str = "", directory: OutletDirectory | None = None,
            override: Mapping[str, str] | None = None) -> OutletInfo:
    """The outlet behind ``source`` (a domain, URL or name), with the article's ``url`` as a second clue.

    Args:
        source: the article's source as ingested.
        url: the article's URL, when known.
        directory: the outlets to look in (default: ``outlets.csv``).
        override: the user's labels for this source (``name``, ``country``, ``kind``); each one given wins.
    """
    directory = directory or default_directory()
    source = (source or "").strip()
    domain = domain_of(source) or domain_of(url)
    row = (directory.find_domain(domain) if domain else None) or directory.find_name(source)
    if row is not None:
        country = directory.country(row.country)
        info = OutletInfo(row.name, domain or row.domain, country.name if country else row.country, row.kind, "list")
    else:
        country = directory.tld_country(domain) if domain else None
        info = OutletInfo(source or domain, domain, country.name if country else "", "",
                          "domain" if country else "")
    return _overridden(info, override, directory) if override else info


def _overridden(info: OutletInfo, override: Mapping[str, str], directory: OutletDirectory) -> OutletInfo:
    given = {key: str(override.get(key) or "").strip() for key in ("name", "country", "kind")}
    if not any(given.values()):
        return info
    country = directory.country(given["country"]) if given["country"] else None
    return OutletInfo(
        given["name"] or info.name, info.domain,
        (country.name if country else given["country"]) or info.country, given["kind"] or info.kind, "user")


def date_order(country: str, *, directory: OutletDirectory | None = None) -> str:
    """How ``country`` (a name or ISO code) writes numeric dates: "dmy", "mdy", or "" when unsure."""
    found = (directory or default_directory()).country(country) if country else None
    return found.date_order if found else ""


def add_outlet_columns(articles: pd.DataFrame, *, overrides: Mapping[str, Mapping[str, str]] | None = None,
                       directory: OutletDirectory | None = None) -> pd.DataFrame:
    """``articles`` with the outlet columns (outlet, outlet_domain, outlet_country, outlet_kind, outlet_basis).

    ``overrides`` maps a source to the user's labels for it (see ``resolve``). The input is not modified.
    """
    out = articles.copy()
    urls = out["url"] if "url" in out else pd.Series("", index=out.index)
    rows = [resolve(str(source or ""), url=str(url or ""), directory=directory,
                    override=(overrides or {}).get(str(source or ""))).as_row()
            for source, url in zip(out["source"], urls)]
    for column in OUTLET_COLUMNS:
        out[column] = pd.Series([row[column] for row in rows], index=out.index, dtype="object")
    return out
