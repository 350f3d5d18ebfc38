"""`python -m bot.train ...`: `rasa train ...` without Rasa's training cache (`make model` runs it).

The cache saves work only when a rerun leaves a component's inputs unchanged; here any NLU data
change retrains every NLU component, and hashing for it was a quarter of the training
(bot/patches/train_without_cache_fingerprints.py). RASA_MAX_CACHE_SIZE (megabytes; Rasa's own
variable) is set to 0 unless it is set already: set it to use the cache as `rasa train` does.
LIAISON_RASA_PATCHES=none (or a list without train_without_cache_fingerprints) trains exactly as
Rasa does, hashes included.
"""

from __future__ import annotations

import os
import sys

from bot import patches

PATCH = "train_without_cache_fingerprints"
CACHE_SIZE = "RASA_MAX_CACHE_SIZE"


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault(CACHE_SIZE, "0")
    if PATCH in patches.selected(os.environ):
        patches.install([PATCH])
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", "train", *(sys.argv[1:] if argv is None else argv)]
    rasa_main()


if __name__ == "__main__":
    main()
