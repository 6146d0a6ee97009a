"""The speclint core, compiled to WebAssembly, run with wasmtime.

`speclint.wasm` (built from the Rust crate's `cabi` binding, `src/cabi.rs`,
by `scripts/build-python.sh`) has no imports and four exports: `alloc`,
`dealloc`, `speclint_call` and `speclint_call_document`. A call writes a JSON
request (and optionally a document's bytes) into the module's memory and reads
back a JSON response, `{"ok": ...}` or `{"error": "..."}`. The operations are
documented on `Dispatcher` in `src/api.rs`.

The module is read and compiled once per process (compiling takes about a
second); the instance is created on first use and kept. If the module ever
traps (a bug in the core), the instance is dropped and a fresh one is made on
the next call; sessions of the dropped instance are reopened by their owners
(see `generation`). Calls are serialized by a lock.
"""

from __future__ import annotations

import ctypes
import itertools
import json
import threading
from importlib import resources
from typing import Any, Optional

import wasmtime

WASM_NAME = "speclint.wasm"


class SpeclintError(Exception):
    """Invalid options, an unknown spec type, an invalid config or template:
    anything the core refuses (problems in documents are diagnostics, not errors)."""


_lock = threading.RLock()
_compiled: Optional[tuple[wasmtime.Engine, wasmtime.Module]] = None
_instance: Optional["_Instance"] = None
_serials = itertools.count(1)


def wasm_bytes() -> bytes:
    """The packaged module's bytes."""
    return resources.files(__package__).joinpath(WASM_NAME).read_bytes()


def module() -> tuple[wasmtime.Engine, wasmtime.Module]:
    """The engine and the compiled module: compiled on first use, once per process."""
    global _compiled
    with _lock:
        if _compiled is None:
            engine = wasmtime.Engine()
            _compiled = (engine, wasmtime.Module(engine, wasm_bytes()))
        return _compiled


class _Instance:
    def __init__(self) -> None:
        engine, mod = module()
        self.serial = next(_serials)
        self.store = wasmtime.Store(engine)
        instance = wasmtime.Instance(self.store, mod, [])
        exports = instance.exports(self.store)
        self.memory = exports["memory"]
        self.alloc = exports["alloc"]
        self.dealloc = exports["dealloc"]
        self.call_json = exports["speclint_call"]
        self.call_document = exports["speclint_call_document"]

    def _write(self, data: bytes) -> int:
        ptr = self.alloc(self.store, len(data))
        if ptr == 0:
            raise MemoryError("the speclint module is out of memory")
        if data:
            dst = self.memory.data_ptr(self.store)
            ctypes.memmove(ctypes.addressof(dst.contents) + ptr, data, len(data))
        return ptr

    def call(self, request: bytes, document: Optional[bytes]) -> bytes:
        req = self._write(request)
        doc = self._write(document) if document is not None else 0
        try:
            if document is None:
                packed = self.call_json(self.store, req, len(request))
            else:
                packed = self.call_document(self.store, req, len(request), doc, len(document))
        finally:
            self.dealloc(self.store, req, len(request))
            if document is not None:
                self.dealloc(self.store, doc, len(document))
        packed &= 0xFFFF_FFFF_FFFF_FFFF  # i64 results arrive signed
        ptr, length = packed >> 32, packed & 0xFFFF_FFFF
        try:
            return bytes(self.memory.read(self.store, ptr, ptr + length))
        finally:
            self.dealloc(self.store, ptr, length)


def _current() -> _Instance:
    global _instance
    if _instance is None:
        _instance = _Instance()
    return _instance


def generation() -> int:
    """The serial number of the current instance: sessions opened in another
    one must be reopened. Hold `lock` from reading it to the call using it."""
    with _lock:
        return _current().serial


def running_generation() -> Optional[int]:
    """As `generation`, without starting an instance (`None` when none runs)."""
    with _lock:
        return None if _instance is None else _instance.serial


lock = _lock


_released: list[tuple[int, int]] = []


def release(generation: int, session: int) -> None:
    """Closes a session at the next call. For finalizers: they may run in the
    middle of a call (between writing memory and calling), so they must not
    call into the module themselves."""
    _released.append((generation, session))


def _close_released(instance: _Instance) -> None:
    while _released:
        generation, session = _released.pop()
        if generation == instance.serial:
            instance.call(json.dumps({"op": "close", "session": session}).encode(), None)


def call(request: dict[str, Any], document: Optional[bytes] = None) -> Any:
    """Sends one request; returns the `ok` value or raises `SpeclintError`."""
    global _instance
    try:
        data = json.dumps(request, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as e:
        # A lone surrogate in some text of the request (a custom type, a
        # template, a config): the callers name the argument when they can.
        raise ValueError(
            f"the {request.get('op', 'request')!s} request holds text that is not valid Unicode "
            f"(a lone surrogate U+{ord(e.object[e.start]):04X})"
        ) from None
    with _lock:
        try:
            instance = _current()
            _close_released(instance)
            raw = instance.call(data, document)
        except wasmtime.Trap as e:
            _instance = None  # its memory may be inconsistent: start afresh next time
            raise SpeclintError(f"the speclint module failed (a bug, please report it): {e}") from e
    response = json.loads(raw)
    if "error" in response:
        raise SpeclintError(response["error"])
    return response["ok"]
