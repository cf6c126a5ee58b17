"""``analysis.timeline.events._dates_agree`` before ``_Period.near_ordinals`` (a set lookup per period day and
shift) and ``_restates`` before it compared each (category, value) once, kept to compare old and new on the same
periods and events."""

from __future__ import annotations


def dates_agree_before(period, event) -> bool | None:
    """True when an event date of the period is within a day of the event's, False when all differ,
    None when either side has none."""
    if not period.event_days or not event.event_days:
        return None
    days = event.event_ordinals
    return any(a + shift in days for a in period.ordinals() for shift in (-1, 0, 1))


def restates_before(period, event) -> bool:
    """``_restates`` before each (category, value) was compared once per period."""
    from analysis.timeline.events import _near

    reported = event.reported()
    agreeing = sum(any(_near(v, reported.get(c, [])) for c, v in values.items()) for values in period.figures)
    return agreeing * 2 >= len(period.figures)
