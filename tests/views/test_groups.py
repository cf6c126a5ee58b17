"""Grouping sources for comparison: labels per article, top-N with "other", and the default grouping."""

import pandas as pd
import pytest

from analysis.views.groups import (
    OTHER,
    default_grouping,
    group_order,
    grouping_key,
    grouping_options,
    opening_grouping,
    source_groups,
    thin_sides,
)


def corpus(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """Articles from (source, outlet_country, outlet_kind) rows; "" is unknown."""
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(rows))],
                         "source": [r[0] for r in rows],
                         "outlet_country": [r[1] or None for r in rows],
                         "outlet_kind": [r[2] for r in rows]})


MIXED = corpus([("tass.ru", "Russia", "news agency"), ("tass.ru", "Russia", "news agency"),
                ("bbc.co.uk", "United Kingdom", "broadcaster"), ("rt.com", "Russia", "state-owned or state-funded"),
                ("blog.example", "", ""), ("kyivindependent.com", "Ukraine", "newspaper")])


@pytest.mark.parametrize("by, top, expected", [
    ("source", 8, ["tass.ru", "tass.ru", "bbc.co.uk", "rt.com", "blog.example", "kyivindependent.com"]),
    ("country", 8, ["Russia", "Russia", "United Kingdom", "Russia", "unknown country", "Ukraine"]),
    ("kind", 8, ["news agency", "news agency", "broadcaster", "state-owned or state-funded", "unknown kind",
                 "newspaper"]),
    # two groups kept: the largest (Russia, 3), then the tie of one article each broken by label
    ("country", 2, ["Russia", "Russia", OTHER, "Russia", OTHER, "Ukraine"]),
    ("source", 1, ["tass.ru", "tass.ru", OTHER, OTHER, OTHER, OTHER]),
    # top + 1 groups: "other" would hide a single group, so all keep their name
    ("country", 3, ["Russia", "Russia", "United Kingdom", "Russia", "unknown country", "Ukraine"]),
    ("source", None, ["tass.ru", "tass.ru", "bbc.co.uk", "rt.com", "blog.example", "kyivindependent.com"]),
])
def test_source_groups(by, top, expected):
    labels = source_groups(MIXED, by=by, top=top)
    assert labels.tolist() == expected
    assert labels.index.equals(MIXED.index)


@pytest.mark.parametrize("groups, expected", [
    ({"tass.ru": "Russian", "rt.com": "Russian", "bbc.co.uk": " Western "},
     ["Russian", "Russian", "Western", "Russian", "blog.example", "kyivindependent.com"]),
    ({}, ["tass.ru", "tass.ru", "bbc.co.uk", "rt.com", "blog.example", "kyivindependent.com"]),
    ({"tass.ru": "  ", "rt.com": None}, ["tass.ru", "tass.ru", "bbc.co.uk", "rt.com", "blog.example",
                                         "kyivindependent.com"]),
])
def test_user_groups_leave_ungrouped_sources_their_own(groups, expected):
    assert source_groups(MIXED, by="groups", groups=groups).tolist() == expected


def test_missing_outlet_columns_are_unknown():
    plain = pd.DataFrame({"article_id": ["a", "b"], "source": ["x", "y"]})
    assert source_groups(plain, by="country").tolist() == ["unknown country"] * 2
    assert source_groups(plain, by="kind").tolist() == ["unknown kind"] * 2


def test_input_is_not_changed_and_unknown_grouping_fails():
    before = MIXED.copy()
    source_groups(MIXED, by="country", top=1)
    pd.testing.assert_frame_equal(MIXED, before)
    with pytest.raises(ValueError, match="unknown grouping"):
        source_groups(MIXED, by="owner")


def many(n_sources: int, countries: list[str], kinds: list[str]) -> pd.DataFrame:
    return corpus([(f"s{i}.example", countries[i % len(countries)] if countries else "",
                    kinds[i % len(kinds)] if kinds else "") for i in range(n_sources)])


@pytest.mark.parametrize("articles, expected", [
    (many(1, ["Russia"], ["newspaper"]), "source"),
    (many(8, ["Russia", "India"], ["newspaper"]), "source"),
    (many(9, ["Russia", "India"], ["newspaper"]), "country"),
    (many(100, ["Russia", "India", "Kazakhstan"], ["newspaper", "news agency"]), "country"),
    (many(30, ["Russia"], ["newspaper", "news agency"]), "kind"),   # one country: nothing to compare
    (many(30, ["Russia", ""], ["newspaper"]), "source"),  # one known country, one known kind
    (many(30, [], []), "source"),
])
def test_default_grouping(articles, expected):
    assert default_grouping(articles) == expected


def test_many_sources_stay_within_nine_labels():
    labels = source_groups(many(100, [f"C{i}" for i in range(20)], ["newspaper"]), by="country")
    assert labels.nunique() == 9
    assert group_order(labels)[-1] == OTHER
    assert (labels == OTHER).sum() == 100 - 8 * 5


def test_group_order_largest_first_other_last():
    labels = pd.Series(["b", OTHER, OTHER, OTHER, "a", "b", "c", "c"])
    assert group_order(labels) == ["b", "c", "a", OTHER]


@pytest.mark.parametrize("has, expected", [
    (False, ["source", "country", "kind"]),
    (True, ["source", "country", "kind", "groups"]),
])
def test_grouping_options(has, expected):
    assert grouping_options(has_user_groups=has) == expected


@pytest.mark.parametrize("chosen, default, groups, expected", [
    (None, "country", {}, "country"),  # nothing chosen yet: the corpus's default
    ("kind", "country", {}, "kind"),  # the user's last choice on any page wins
    ("groups", "country", {}, "country"),  # the user's groups are gone (another corpus): the default again
    ("groups", "country", {"tass.ru": "wires"}, "groups"),
    (None, "groups", {}, "source"),  # a default not offered: the first offered
    ("nonsense", "source", {}, "source"),
])
def test_opening_grouping(chosen, default, groups, expected):
    assert opening_grouping(chosen, default, groups=groups) == expected


@pytest.mark.parametrize("by, groups, expected", [
    ("country", {"tass.ru": "wires"}, ("country", ())),  # the user's groups shape only their own grouping
    ("groups", {"tass.ru": "wires", "bbc.co.uk": "public"}, ("groups", (("bbc.co.uk", "public"), ("tass.ru", "wires")))),
    ("groups", {}, ("groups", ())),
])
def test_grouping_key(by, groups, expected):
    assert grouping_key(by, groups) == expected


@pytest.mark.parametrize(("totals", "thin"), [
    ({"unknown country": 173_901, "United States": 36_748, "United Kingdom": 539, "China": 15, "Ireland": 6},
     ["China", "Ireland"]),
    ({"a.example": 31, "b.example": 44, "c.example": 58, "d.example": 12, "e.example": 40}, []),  # all small: none
    ({"Wide": 600, "Narrow": 49}, ["Narrow"]),
    ({"Wide": 600, "Narrow": 50}, []),          # at the floor: enough sentences
    ({"Wide": 400, "Narrow": 45}, []),          # over a tenth of the largest
    ({"Wide": 600, "Nobody": 0}, []),           # nothing to show is not thin
    ({}, []),
])
def test_thin_sides(totals, thin):
    assert thin_sides(totals) == thin
