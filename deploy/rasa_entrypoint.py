"""The Rasa image's entry point: Rasa's endpoints and credentials written from the environment
(bot/rasa_config.py, as `make run` and `make cluster` write them), then one of

- `run`: the Rasa server on 0.0.0.0:5005 with the image's model (`python -m bot.rasa_server run`);
- `create-tracker-tables`: create the tracker store's tables and exit; the one-shot deploy step
  that runs before the replicas, since two replicas creating them at once collide.

Secrets stay in the environment: the generated files name `${VARIABLE}`s, never a password, and
nothing reaches a command line. Extra arguments after `run` go to `rasa run`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bot import rasa_config

MODEL = "/app/models/current.tar.gz"
PORT = "5005"


def main(argv: list[str]) -> None:
    """Write the run's files, then hand over to Rasa (run) or create the tracker tables."""
    command, extra = (argv[0], argv[1:]) if argv else ("run", [])
    data_dir = Path(os.environ.get("LIAISON_DATA_DIR", "/var/lib/liaison"))
    endpoints, credentials = rasa_config.write_rasa_files(os.environ, data_dir)
    # The generated files name LIAISON_*_STORE_PASSWORD; they come from the stores' URLs.
    os.environ.update(rasa_config.store_passwords(os.environ))
    if command == "create-tracker-tables":
        from rasa.core.tracker_store import TrackerStore
        from rasa.utils.endpoints import read_endpoint_config

        TrackerStore.create(read_endpoint_config(str(endpoints), "tracker_store"))
        print("tracker store ready", flush=True)
        return
    if command != "run":
        sys.exit("usage: rasa_entrypoint.py [run [rasa run options] | create-tracker-tables]")
    from bot import rasa_server

    rasa_server.main(
        [
            "run",
            "--enable-api",
            "--interface",
            os.environ.get("LIAISON_HOST", "0.0.0.0"),
            "--port",
            PORT,
            "--model",
            os.environ.get("LIAISON_MODEL", MODEL),
            "--endpoints",
            str(endpoints),
            "--credentials",
            str(credentials),
            *extra,
        ]
    )


if __name__ == "__main__":
    main(sys.argv[1:])
