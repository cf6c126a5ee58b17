"""Values made ahead on a background thread (``analysis.background.Ahead``): handed out once, waited for while
they may still come, missing otherwise."""

import threading
import time

import pytest

from analysis.background import MISSING, Ahead


def made(pairs, *, gate: threading.Event | None = None, fail_after: int | None = None):
    """A compute function yielding ``pairs``; waits for ``gate`` before the last one; raises after ``fail_after``."""
    def compute():
        for i, pair in enumerate(pairs):
            if fail_after is not None and i == fail_after:
                raise RuntimeError("broken view")
            if gate is not None and i == len(pairs) - 1:
                gate.wait(10)
            yield pair
    return compute


PAIRS = [(("periods", ("killed",)), {1: "Event 1"}), (("chart", ("killed", 0)), "a chart")]


@pytest.mark.parametrize("key, expected", [
    (("periods", ("killed",)), {1: "Event 1"}),
    (("chart", ("killed", 0)), "a chart"),
    (("chart", ("injured", 0)), MISSING),  # a name it makes, other args: not made
    (("grid", ("killed",)), MISSING),  # a name it never makes
    ("chart", MISSING),  # not a (name, args) key
])
def test_take(key, expected):
    ahead = Ahead(made(PAIRS), names=["periods", "chart"]).start()
    got = ahead.take(key)
    assert got is MISSING if expected is MISSING else got == expected


def test_a_value_is_handed_out_once():
    ahead = Ahead(made(PAIRS), names=["periods", "chart"]).start()
    assert ahead.take(("chart", ("killed", 0))) == "a chart"
    assert ahead.take(("chart", ("killed", 0))) is MISSING


def test_take_waits_for_a_value_still_being_made():
    gate = threading.Event()
    ahead = Ahead(made(PAIRS, gate=gate), names=["periods", "chart"]).start()
    assert ahead.take(("periods", ("killed",))) == {1: "Event 1"}  # made before the gate: no wait
    threading.Timer(0.3, gate.set).start()
    started = time.perf_counter()
    assert ahead.take(("chart", ("killed", 0))) == "a chart"
    assert time.perf_counter() - started >= 0.25
    assert ahead.finished


def test_a_name_it_never_makes_does_not_wait():
    gate = threading.Event()
    ahead = Ahead(made(PAIRS, gate=gate), names=["periods", "chart"]).start()
    started = time.perf_counter()
    assert ahead.take(("grid", ("killed",))) is MISSING
    assert time.perf_counter() - started < 0.2
    gate.set()


def test_a_failure_leaves_what_was_made_and_the_rest_missing(caplog):
    ahead = Ahead(made(PAIRS, fail_after=1), names=["periods", "chart"]).start()
    assert ahead.take(("chart", ("killed", 0))) is MISSING
    assert ahead.finished and ahead.take(("periods", ("killed",))) == {1: "Event 1"}
    assert "broken view" in caplog.text


def test_not_started_hands_out_nothing():
    assert Ahead(made(PAIRS), names=["periods", "chart"]).take(("periods", ("killed",))) is MISSING
