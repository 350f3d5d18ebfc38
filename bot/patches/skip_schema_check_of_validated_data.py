"""Training: the YAML schema check of the NLU, stories/rules and domain files is left to
`rasa data validate` (the Makefile's `validate`, which `make model` depends on).

Reason: Rasa checks every NLU, stories/rules and domain file against its schema whenever it
reads one (`rasa.shared.utils.validation.validate_yaml_schema`: a second, round-trip YAML parse
of the file and pykwalify over it) and then parses the file again to read it. The check only
raises on a malformed file; it changes nothing it reads. `make model` trains
(`python -m bot.train --skip-validation`) only after `$(VALIDATED)`, i.e. `rasa data validate`
without these patches, has read, and so schema-checked, the same files; the check at training
repeats it, in the main process, before any component trains (each second of it is a second of
wall time).

Gain: the schema check of the 178 NLU files alone is 8.8 s of CPU (measured at 18:25 at load
3, 4711d90's data); docs/nlu.md, "Training time, seventh pass".

Risk: low. Only the schema files of those three kinds (NLU_SCHEMA_FILE, CORE_SCHEMA_FILE,
DOMAIN_SCHEMA_FILE) are skipped, through the module attribute every reader calls
(rasa_yaml, yaml_story_reader and Domain.from_yaml look it up at call time); any other schema
(the config's, the endpoints') is checked as before. A file that is not YAML still fails at
the reader's own parse. A file that is YAML but breaks the schema would train or fail later
with a less clear message: `rasa data validate` catches it first in `make model`, and
`python -m bot.train` without `--skip-validation` leaves this patch out. In a server
(LIAISON_RASA_PATCHES=all) it skips only the check of the domain Rasa itself wrote into the
model. tests/bot/patches/test_skip_schema_check_of_validated_data.py reads the project's data
with and without the patch and compares the examples and the domain, and checks that no schema
check of those kinds runs and that another schema is still checked. Applied on Rasa 3.6.21 only.
"""

from __future__ import annotations

from typing import Any

from bot.patches._originals import Originals


def skipped_schemas() -> frozenset[str]:
    """The schema files whose check `rasa data validate` has done already (module docstring)."""
    from rasa.shared.constants import DOMAIN_SCHEMA_FILE
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import CORE_SCHEMA_FILE
    from rasa.shared.nlu.training_data.formats.rasa_yaml import NLU_SCHEMA_FILE

    return frozenset({NLU_SCHEMA_FILE, CORE_SCHEMA_FILE, DOMAIN_SCHEMA_FILE})


def apply() -> Originals:
    """Make `validate_yaml_schema` return at once for the training data's three schemas."""
    import rasa.shared.utils.validation as validation

    original = validation.validate_yaml_schema
    skipped = skipped_schemas()

    def validate_yaml_schema(
        yaml_file_content: str, schema_path: str, *args: Any, **kwargs: Any
    ) -> None:
        if schema_path in skipped:
            return None
        return original(yaml_file_content, schema_path, *args, **kwargs)

    originals = Originals()
    originals.replace(validation, "validate_yaml_schema", validate_yaml_schema)
    return originals
