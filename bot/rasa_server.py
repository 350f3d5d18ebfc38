"""`python -m bot.rasa_server run ...`: `rasa run ...` with our patches of Rasa internals applied
first (tools.stack starts Rasa this way).

The patches, what each saves and what each risks are in bot/patches (one module each). They are
switched by LIAISON_RASA_PATCHES (`all`, the default; `none`; or a comma-separated list of
names) and LIAISON_KEEP_TRACKERS, and applied on Rasa 3.6.21 only; Rasa's log says which were
applied. A bad switch stops the start with a message naming the variable.
"""

from __future__ import annotations

import logging
import os
import sys

from bot import hardening, patches


def install_patches() -> list[str]:
    """Apply the patches the environment enables, logging which to stderr: Rasa configures its
    own logging only once its command line runs, after the patches are in place."""
    patch_logger = logging.getLogger(patches.__name__)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-8s %(name)s  - %(message)s"))
    level = patch_logger.level
    patch_logger.addHandler(handler)
    patch_logger.setLevel(logging.INFO)
    try:
        return patches.install_from_environment(os.environ)
    finally:
        patch_logger.removeHandler(handler)
        patch_logger.setLevel(level)


def main(argv: list[str] | None = None) -> None:
    install_patches()
    hardening.install()  # always on, unlike the patches (bot/hardening.py)
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *hardening.with_auth_token(sys.argv[1:] if argv is None else argv)]
    rasa_main()


if __name__ == "__main__":
    main()
