"""Article masks the codes-over-the-whole-corpus tests run every comparison under: all, none and some articles."""

import numpy as np

MASKS = {
    "all": lambda n: np.ones(n, dtype=bool),
    "none": lambda n: np.zeros(n, dtype=bool),
    "every other": lambda n: np.arange(n) % 2 == 0,
    "the last few": lambda n: np.arange(n) >= n - 3,
    "one": lambda n: np.arange(n) == 5,
}
