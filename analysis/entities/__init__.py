"""Entities: who and what each article names.

``nlp`` loads and runs spaCy's NER (batched, cached per text); ``aliases`` holds the
alias tables and name folding; ``extract`` cleans spans and merges surface forms into
canonical entities and mentions; ``stats`` ranks, shares and pairs them for reading.
"""
