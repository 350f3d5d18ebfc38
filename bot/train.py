"""`python -m bot.train ...`: `rasa train ...` without Rasa's training cache (`make model` runs it).

The cache saves work only when a rerun leaves a component's inputs unchanged; here any NLU data
change retrains every NLU component, and hashing for it was a quarter of the training
(bot/patches/train_without_cache_fingerprints.py). RASA_MAX_CACHE_SIZE (megabytes; Rasa's own
variable) is set to 0 unless it is set already: set it to use the cache as `rasa train` does.
LIAISON_RASA_PATCHES=none (or a list without train_without_cache_fingerprints) trains exactly as
Rasa does, hashes included. With the cache off, train_crf_in_child_process trains the CRF in a
forked process beside the intent classifier (the same model files: its docstring); a list without
it trains the CRF in order. read_nlu_data_once reads the NLU files once, not once for each of
the three calls `rasa train` makes to its importers. pack_model_at_gzip_level_6 gzips the model
archive at level 6, not tarfile's 9 (a third of the time, the same members).
"""

from __future__ import annotations

import os
import sys

from bot import patches

PATCHES = (
    "train_without_cache_fingerprints",
    "sanitize_keeping_fingerprints",
    "read_nlu_data_once",
    "train_crf_in_child_process",
    "pack_model_at_gzip_level_6",
)
CACHE_SIZE = "RASA_MAX_CACHE_SIZE"


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault(CACHE_SIZE, "0")
    selected = patches.selected(os.environ)
    chosen = [name for name in PATCHES if name in selected]
    if chosen:
        patches.install(chosen)
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", "train", *(sys.argv[1:] if argv is None else argv)]
    rasa_main()


if __name__ == "__main__":
    main()
