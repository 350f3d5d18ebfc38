"""Retrain a component when the code it calls changes, not only its class.

Rasa's training cache keys a component on its class's source, its config and its inputs. A
component whose work is done by module-level functions or tables (the fold of common.textnorm,
the Arabizi word table) would otherwise come back from `.rasa/cache` trained by the old code
after those change, and the model would disagree with the code that serves it.
"""

from __future__ import annotations

import hashlib
import inspect
from types import ModuleType


def modules_fingerprint(*modules: ModuleType) -> str:
    """One digest of the modules' source texts."""
    digest = hashlib.sha256()
    for module in modules:
        digest.update(inspect.getsource(module).encode("utf-8"))
    return digest.hexdigest()
