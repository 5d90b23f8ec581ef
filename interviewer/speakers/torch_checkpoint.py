"""Provides a reader for PyTorch checkpoint files (.pt) that returns numpy arrays and needs no torch."""

from __future__ import annotations

import pickle
import struct
import zipfile
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

# The pickled integer that opens a checkpoint written by torch.save before PyTorch 1.6.
LEGACY_MAGIC = 0x1950A86A20F9469CFC6C
LEGACY_PROTOCOL = 1001

STORAGE_DTYPES = {
    "DoubleStorage": np.float64,
    "FloatStorage": np.float32,
    "HalfStorage": np.float16,
    "LongStorage": np.int64,
    "IntStorage": np.int32,
    "ShortStorage": np.int16,
    "CharStorage": np.int8,
    "ByteStorage": np.uint8,
    "BoolStorage": np.bool_,
}


class CheckpointError(ValueError):
    """The file is not a checkpoint this reader understands."""


@dataclass
class _StorageType:
    dtype: type


@dataclass
class _Storage:
    """A storage named in the pickle; its bytes arrive after (legacy) or beside (zip) the pickle."""

    key: str
    dtype: np.dtype
    numel: int
    data: np.ndarray | None = None


@dataclass
class _PendingTensor:
    storage: _Storage
    offset: int
    shape: tuple[int, ...]
    stride: tuple[int, ...]


@dataclass
class _Builder:
    storages: dict[str, _Storage] = field(default_factory=dict)
    tensors: list[_PendingTensor] = field(default_factory=list)

    def storage(self, saved_id: tuple) -> _Storage:
        # Both formats: ("storage", storage type, key, location, numel[, view metadata]).
        _, storage_type, key, _location, numel = saved_id[:5]
        if key not in self.storages:
            dtype = storage_type.dtype if isinstance(storage_type, _StorageType) else np.float32
            self.storages[key] = _Storage(key, np.dtype(dtype), int(numel))
        return self.storages[key]

    def rebuild_tensor(self, storage, offset, shape, stride, *_ignored) -> _PendingTensor:
        tensor = _PendingTensor(storage, int(offset), tuple(shape), tuple(stride))
        self.tensors.append(tensor)
        return tensor


class _CheckpointUnpickler(pickle.Unpickler):
    def __init__(self, file: BinaryIO, builder: _Builder):
        super().__init__(file)
        self.builder = builder

    def find_class(self, module: str, name: str) -> Any:
        if module == "collections" and name == "OrderedDict":
            return OrderedDict
        if module == "torch._utils" and name in ("_rebuild_tensor", "_rebuild_tensor_v2"):
            return self.builder.rebuild_tensor
        if module == "torch" and name in STORAGE_DTYPES:
            return _StorageType(STORAGE_DTYPES[name])
        if module == "torch._utils" and name == "_rebuild_parameter":
            return lambda data, *_: data
        raise CheckpointError(f"checkpoint refers to {module}.{name}, which this reader does not rebuild")

    def persistent_load(self, saved_id: Any) -> _Storage:
        return self.builder.storage(tuple(saved_id))


def _materialise(value: Any, arrays: dict[int, np.ndarray]) -> Any:
    if isinstance(value, _PendingTensor):
        return arrays[id(value)]
    if isinstance(value, dict):
        return type(value)((k, _materialise(v, arrays)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return type(value)(_materialise(v, arrays) for v in value)
    return value


def _to_array(tensor: _PendingTensor) -> np.ndarray:
    data = tensor.storage.data
    if data is None:
        raise CheckpointError(f"storage {tensor.storage.key} has no data in the file")
    itemsize = data.itemsize
    view = np.lib.stride_tricks.as_strided(
        data[tensor.offset :],
        shape=tensor.shape,
        strides=tuple(s * itemsize for s in tensor.stride),
    )
    return np.array(view)  # a contiguous copy, so the storage can be freed


def _read_legacy(file: BinaryIO, builder: _Builder) -> Any:
    def load() -> Any:
        return _CheckpointUnpickler(file, builder).load()

    if load() != LEGACY_MAGIC:
        raise CheckpointError("not a PyTorch checkpoint (magic number differs)")
    if load() != LEGACY_PROTOCOL:
        raise CheckpointError("unsupported legacy checkpoint protocol")
    system = load()
    if not system.get("little_endian", True):
        raise CheckpointError("big-endian checkpoints are not supported")
    result = load()
    for key in load():
        storage = builder.storages[key]
        (numel,) = struct.unpack("<q", file.read(8))
        raw = file.read(numel * storage.dtype.itemsize)
        storage.data = np.frombuffer(raw, dtype=storage.dtype.newbyteorder("<"), count=numel)
    return result


def _read_zip(path: Path, builder: _Builder) -> Any:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        pickle_name = next((n for n in names if n.endswith("/data.pkl") or n == "data.pkl"), None)
        if pickle_name is None:
            raise CheckpointError(f"{path}: zip archive without data.pkl")
        prefix = pickle_name[: -len("data.pkl")]
        with archive.open(pickle_name) as file:
            result = _CheckpointUnpickler(file, builder).load()
        for storage in builder.storages.values():
            raw = archive.read(f"{prefix}data/{storage.key}")
            storage.data = np.frombuffer(raw, dtype=storage.dtype.newbyteorder("<"))
    return result


def read_checkpoint(path: str | Path) -> Any:
    """Load a torch.save file (legacy or zip format), with every tensor as a numpy array."""
    path = Path(path)
    builder = _Builder()
    if zipfile.is_zipfile(path):
        result = _read_zip(path, builder)
    else:
        with open(path, "rb") as file:
            result = _read_legacy(file, builder)
    arrays = {id(t): _to_array(t) for t in builder.tensors}
    return _materialise(result, arrays)
