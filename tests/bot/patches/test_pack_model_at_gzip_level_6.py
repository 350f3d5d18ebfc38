"""bot/patches/pack_model_at_gzip_level_6: Rasa's model package, gzipped at level 6 instead of 9,
with the same members and contents, and loaded as before."""

from __future__ import annotations

import gzip
import tarfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from rasa.engine.graph import GraphModelConfiguration, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.data import TrainingType

from bot.patches._originals import Originals

# The gzip header's XFL byte (RFC 1952): 2 for level 9, 4 for level 1, 0 for the levels between.
XFL = 8


def _package(tmp_path: Path, name: str) -> tuple[Path, LocalModelStorage]:
    (tmp_path / f"storage-{name}").mkdir()
    storage = LocalModelStorage(tmp_path / f"storage-{name}")
    with storage.write_to(Resource("classifier")) as directory:
        rng = np.random.default_rng(7)
        weights = rng.normal(size=(5, 2000)).astype(np.float32)
        weights[weights < 0.3] = 0
        np.savez_compressed(directory / "weights.npz", weights=weights)
        (directory / "vocabulary.json").write_text(
            '{"words": [' + ", ".join(f'"w{i}"' for i in range(3000)) + "]}", "utf-8"
        )
    schema = GraphSchema({})
    configuration = GraphModelConfiguration(
        train_schema=schema,
        predict_schema=schema,
        training_type=TrainingType.BOTH,
        assistant_id="test",
        language="en",
        core_target=None,
        nlu_target=None,
    )
    archive = tmp_path / f"{name}.tar.gz"
    storage.create_model_package(archive, configuration, Domain.empty())
    return archive, storage


def _members(archive: Path) -> dict[str, bytes | None]:
    with tarfile.open(archive, "r:gz") as tar:
        return {
            member.name: (
                None
                if member.name == "metadata.json" or not member.isfile()
                else tar.extractfile(member).read()  # type: ignore[union-attr]
            )
            for member in tar.getmembers()
        }


def test_the_archive_is_written_at_level_6_with_the_same_members(
    tmp_path: Path, apply_patch: Callable[..., Originals]
) -> None:
    rasa_archive, _ = _package(tmp_path, "rasa")
    apply_patch("pack_model_at_gzip_level_6")
    patched_archive, _ = _package(tmp_path, "patched")

    assert rasa_archive.read_bytes()[XFL] == 2  # Rasa's own: tarfile's level 9
    assert patched_archive.read_bytes()[XFL] == 0  # neither 9 nor 1
    with gzip.open(patched_archive) as unzipped:
        unzipped.read()  # a valid gzip stream to its end
    assert _members(patched_archive) == _members(rasa_archive)
    assert any(name.endswith("weights.npz") for name in _members(patched_archive))


def test_a_model_packed_with_the_patch_loads_as_before(
    tmp_path: Path, apply_patch: Callable[..., Originals]
) -> None:
    apply_patch("pack_model_at_gzip_level_6")
    archive, _ = _package(tmp_path, "patched")
    (tmp_path / "loaded").mkdir()
    storage, metadata = LocalModelStorage.from_model_archive(tmp_path / "loaded", archive)
    assert metadata.assistant_id == "test"
    with storage.read_from(Resource("classifier")) as directory:
        with np.load(directory / "weights.npz") as arrays:
            assert arrays["weights"].shape == (5, 2000)
        assert (directory / "vocabulary.json").read_text("utf-8").startswith('{"words": ["w0"')


def test_reading_archives_is_tarsafe_own(
    tmp_path: Path, apply_patch: Callable[..., Originals]
) -> None:
    import rasa.engine.storage.local_model_storage as storage
    from tarsafe import TarSafe  # type: ignore[import-untyped]

    apply_patch("pack_model_at_gzip_level_6")
    assert storage.TarSafe is not TarSafe and issubclass(storage.TarSafe, TarSafe)
    archive, _ = _package(tmp_path, "patched")
    with storage.TarSafe.open(archive, "r:gz") as tar:
        assert isinstance(tar, TarSafe) and "metadata.json" in tar.getnames()
