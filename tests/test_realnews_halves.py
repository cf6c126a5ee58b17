"""The real-news benchmark's halves: split by incident, both halves used."""

from benchmarks.realnews_accuracy import half_of


def test_articles_of_one_incident_share_a_half():
    records = [{"id": f"a{i}", "incident": f"gva-{i // 3}"} for i in range(300)]
    halves = {}
    for record in records:
        halves.setdefault(record["incident"], set()).add(half_of(record))
    assert all(len(h) == 1 for h in halves.values())
    counts = [sum(half_of(r) == h for r in records) for h in "ab"]
    assert min(counts) > 90


def test_a_record_without_incident_falls_back_on_its_id():
    assert half_of({"id": "x1"}) == half_of({"id": "x1", "incident": None})
