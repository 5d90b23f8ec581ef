"""Provides the names of medicines (generic and brand, from the PyPI package drug-named-entity-recognition's
dictionary, read from its file without importing its code): a medicine is never a person or a place."""

from __future__ import annotations

import bz2
import functools
import importlib.util
import pickle
from pathlib import Path

PACKAGE = "drug_named_entity_recognition"
DICTIONARY = "drug_ner_dictionary.pkl.bz2"


class MedicinesMissing(RuntimeError):
    """The package holding the medicine names is not installed."""


@functools.lru_cache(maxsize=1)
def medicine_names() -> frozenset[str]:
    """Lower-case one-word names of medicines ('tylenol', 'sertraline', 'co-codamol')."""
    spec = importlib.util.find_spec(PACKAGE)
    path = Path(list(spec.submodule_search_locations)[0]) / DICTIONARY if spec and spec.submodule_search_locations else None
    if path is None or not path.is_file():
        raise MedicinesMissing("the medicine names are not installed: run `pip install drug-named-entity-recognition==2.0.9` "
                               "in the project's venv (scripts/setup.sh does this)")
    with bz2.open(path, "rb") as file:
        # The package's own dictionary file, installed with it: as trusted as the package's code.
        dictionary = pickle.load(file)
    return frozenset(name for name in dictionary["drug_variant_to_canonical"] if " " not in name)
