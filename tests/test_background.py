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


def started_at(ahead: Ahead, record: list) -> Ahead:
    """``ahead`` whose compute first notes when it began."""
    compute = ahead._compute

    def noted():
        record.append(time.perf_counter())
        yield from compute()

    ahead._compute = noted
    return ahead


@pytest.mark.parametrize("ask, at_least, at_most", [
    (False, 0.35, 5.0),  # nobody asks: the values are made once the opening run has ended
    (True, 0.0, 0.3),  # a page asks meanwhile: made at once
])
def test_after_waits_for_the_run_that_opened_the_corpus_unless_asked(ask, at_least, at_most):
    opening_run = threading.Thread(target=time.sleep, args=(0.4,))
    opening_run.start()
    began = []
    started = time.perf_counter()
    ahead = started_at(Ahead(made(PAIRS), names=["periods", "chart"], after=opening_run), began).start()
    if ask:
        assert ahead.take(("chart", ("killed", 0))) == "a chart"
    else:
        opening_run.join()
        assert ahead.take(("chart", ("killed", 0))) == "a chart"
    assert at_least <= began[0] - started <= at_most


def test_after_waits_at_most_wait_at_most():
    never_ends = threading.Event()
    opening_run = threading.Thread(target=never_ends.wait, args=(10,))
    opening_run.start()
    started = time.perf_counter()
    ahead = Ahead(made(PAIRS), names=["periods", "chart"], after=opening_run, wait_at_most=0.3).start()
    ahead._thread.join(5)
    assert ahead.finished and 0.25 <= time.perf_counter() - started < 3
    never_ends.set()
