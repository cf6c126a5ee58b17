"""The toll over time: when each figure was reported, and where sources disagree.

``event_dates`` resolves when the event happened from the text, and ``earlier_deaths`` sets aside
the deaths the text dates days before it (another incident's); ``points`` builds the
timeline points and groups articles into events; ``bands`` gives the per-day
highest/most-conservative band; ``contradictions`` finds revisions and disagreements;
``summary`` says it in words.
"""
