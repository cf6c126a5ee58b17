"""A period compared with an event as before (``tests.timeline.events_before``): ``_dates_agree`` through the
period's days and neighbours as one set (``_Period.near_ordinals``) agrees with a lookup per day and shift (days
apart by 0, 1, 2 days, across a month and a year's end, empty sides, random events that grow period by period), and
``_restates`` comparing each (category, value) once per period with comparing every article's figures."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from analysis.timeline.events import RESTATE_TOLERANCE, _dates_agree, _Event, _Period, _restates
from tests.timeline.events_before import dates_agree_before, restates_before


def period(*days: str) -> _Period:
    return _Period(indexes=[0], positions=[0], event_days={pd.Timestamp(d) for d in days}, figures=[], places=[],
                   texts=[])


@pytest.mark.parametrize("mine, theirs", [
    ((), ()), (("2024-03-01",), ()), ((), ("2024-03-01",)), (("2024-03-01",), ("2024-03-01",)),
    (("2024-03-01",), ("2024-03-02",)), (("2024-03-02",), ("2024-03-01",)), (("2024-03-01",), ("2024-03-03",)),
    (("2024-02-29",), ("2024-03-01",)), (("2023-12-31",), ("2024-01-01",)), (("2024-01-01", "2024-06-01"),
                                                                              ("2024-06-02", "2025-01-01")),
    (("2024-01-01", "2024-06-01"), ("2024-06-03", "2023-12-30")), (("2024-05-05",), ("2024-05-04", "2024-05-06")),
])
def test_dates_agree_as_before(mine, theirs):
    event = _Event()
    if theirs:
        event.add(period(*theirs))
    assert _dates_agree(period(*mine), event) == dates_agree_before(period(*mine), event)


@pytest.mark.parametrize("seed", range(10))
def test_dates_agree_as_before_as_events_grow(seed):
    rng = random.Random(seed)
    start = pd.Timestamp("2023-12-20")
    events = [_Event() for _ in range(3)]
    for _ in range(40):
        days = [start + pd.Timedelta(days=rng.randint(0, 40)) for _ in range(rng.randint(0, 4))]
        mine = _Period(indexes=[0], positions=[0], event_days=set(days), figures=[], places=[], texts=[])
        for event in events:
            assert _dates_agree(mine, event) == dates_agree_before(mine, event)
        rng.choice(events).add(mine)


def _figures_period(rng: random.Random, pool: list) -> _Period:
    figures = []
    for _ in range(rng.randint(0, 8)):
        values = {c: rng.choice(pool) for c in ("killed", "injured") if rng.random() < 0.7}
        if values:
            figures.append(values)
    return _Period(indexes=list(range(len(figures))), positions=list(range(len(figures))), event_days=set(),
                   figures=figures, places=[], texts=[])


@pytest.mark.parametrize("seed", range(12))
def test_restates_as_before_as_events_grow(seed):
    """Each (category, value) compared once per period: the same answer on repeated, near, equal-but-typed
    (1 and 1.0, 0.0 and -0.0), negative and non-finite figures."""
    rng = random.Random(seed)
    tol = RESTATE_TOLERANCE
    base = [float(rng.randint(0, 60)) for _ in range(12)]
    pool = base + [v * (1 - tol) for v in base] + [v / (1 - tol) for v in base] + [int(v) for v in base] + \
        [0.0, -0.0, -3.0, rng.uniform(0, 80)] + ([float("nan"), float("inf")] if seed % 3 == 0 else [])
    events = [_Event() for _ in range(3)]
    for _ in range(40):
        mine = _figures_period(rng, pool)
        for event in events:
            assert _restates(mine, event) == restates_before(mine, event)
        rng.choice(events).add(mine)
