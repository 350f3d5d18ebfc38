"""Training: the model archive is gzipped at zlib's default level (6), not tarfile's 9.

Reason: Rasa packs the trained model with `TarSafe.open(path, "w:gz")`
(`LocalModelStorage.create_model_package`), and tarfile's gzip level is 9 unless asked. Of the
archive's 27 MB, 16.6 MB is the intent classifier's weights, already deflated inside their .npz
(bot/nlu/linear_intent_classifier.py), and the rest JSON vocabularies and crfsuite's binary
file; level 9's long match searches gain almost nothing on that (19,952,273 bytes at 9,
19,968,030 at 6) and take three times as long, in the main process after every other step.

Gain: packing the model of 3c225b3's data, CPU 2.9 -> 0.9 s (measured alone on its unpacked
files, load 8); docs/nlu.md, "Training time, sixth pass". Loading reads the same members (gzip
decompression does not depend on the level).

Risk: low. Only the writing of a gzipped archive by rasa.engine.storage.local_model_storage is
changed, through the name `TarSafe` in that module: a subclass whose `open` passes
`compresslevel=6` for mode "w:gz" when none is given. Reading (mode "r:gz") and TarSafe's
extraction checks are TarSafe's own. The archive's members and their contents are the same
(tests/bot/patches/test_pack_model_at_gzip_level_6.py packs a model storage with and without
the patch and compares them, and loads the packed model). Applied on Rasa 3.6.21 only.
"""

from __future__ import annotations

from typing import Any

from bot.patches._originals import Originals

LEVEL = 6


def apply() -> Originals:
    """Make local_model_storage's `TarSafe` one that writes gzip at LEVEL."""
    import tarfile

    import rasa.engine.storage.local_model_storage as storage

    base: Any = storage.TarSafe

    class TarSafeAtLevel6(base):
        """TarSafe writing "w:gz" archives at LEVEL (module docstring)."""

        @classmethod
        def open(
            cls,
            name: Any = None,
            mode: str = "r",
            fileobj: Any = None,
            bufsize: int = tarfile.RECORDSIZE,
            **kwargs: Any,
        ) -> Any:
            if mode == "w:gz":
                kwargs.setdefault("compresslevel", LEVEL)
            return super().open(name, mode, fileobj, bufsize, **kwargs)

    originals = Originals()
    originals.replace(storage, "TarSafe", TarSafeAtLevel6)
    return originals
