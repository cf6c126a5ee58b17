"""The word lists, alias tables and codebooks the rules read; ``DATA_DIR`` is their folder.

Each stage reads its own files from here, so a user can extend a list without
touching code. ``FIGURES_LEXICON`` is named once because two modules of the
figure ledger read it (number words and the rule lexicon).
"""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
FIGURES_LEXICON = DATA_DIR / "figures_lexicon.json"
