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
archive at level 6, not tarfile's 9 (a third of the time, the same members). With
`--skip-validation` (as `make model` trains, after `rasa data validate`),
skip_schema_check_of_validated_data leaves out Rasa's YAML schema check of the NLU, stories and
domain files, which that validation has done; without the flag Rasa checks them as usual.
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
# Only when the caller says the data is validated already (`make model` after `make validate`).
AFTER_VALIDATION = ("skip_schema_check_of_validated_data",)
SKIP_VALIDATION = "--skip-validation"
CACHE_SIZE = "RASA_MAX_CACHE_SIZE"


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault(CACHE_SIZE, "0")
    args = sys.argv[1:] if argv is None else argv
    selected = patches.selected(os.environ)
    wanted = PATCHES + (AFTER_VALIDATION if SKIP_VALIDATION in args else ())
    chosen = [name for name in wanted if name in selected]
    if chosen:
        patches.install(chosen)
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", "train", *args]
    rasa_main()


if __name__ == "__main__":
    main()
