"""The figure ledger: every count an article reports, and its headline figures.

``numbers`` reads numbers in any form; ``lexicon`` loads the word lists; ``quantities``
groups a sentence's numbers and drops those that are not counts; the rule layers decide
what a number counts (``counts``), whether it is a part of another (``partials``), its
qualifier (``qualifiers``), its status and revisions (``status``), earlier events and
longer periods (``background``), who gave it (``attribution``) and whether it may rise
(``may_rise``); ``scan`` runs them over one sentence; ``ledger`` builds the ``figures``
table and picks each article's headline figures; ``labels`` writes them in words.
"""
