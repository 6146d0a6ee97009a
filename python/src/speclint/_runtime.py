"""The speclint core, compiled to WebAssembly, run with wasmtime.

`speclint.wasm` (built from the Rust crate's `cabi` binding, `src/bindings/cabi.rs`,
by `scripts/build-python.sh`) has no imports and four exports: `alloc`,
`dealloc`, `speclint_call` and `speclint_call_document`. A call writes a JSON
request (and optionally a document's bytes) into the module's memory and reads
back a JSON response, `{"ok": ...}` or `{"error": "..."}`. The operations are
documented on `Dispatcher` in `src/bindings/api`.

The module is compiled once per machine, not once per process: compiling
takes about a second, so the compiled code is kept in a cache file
(`~/.cache/speclint/`, or `$XDG_CACHE_HOME/speclint/`, or
`$SPECLINT_CACHE_DIR`; `SPECLINT_CACHE_DIR=off` turns it off) keyed by the
module's bytes, the wasmtime version and the machine, and loaded with
`Module.deserialize` by later processes. A cache file that does not load is
compiled again and replaced. The instance is created on first use and kept. If the module ever
traps (a bug in the core), the instance is dropped and a fresh one is made on
the next call; sessions of the dropped instance are reopened by their owners
(see `generation`). Calls are serialized by a lock.
"""

from __future__ import annotations

import ctypes
import hashlib
import itertools
import json
import os
import platform
import tempfile
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


def cache_dir() -> Optional[str]:
    """Where compiled modules are cached, or None when caching is off."""
    explicit = os.environ.get("SPECLINT_CACHE_DIR")
    if explicit is not None:
        return None if explicit in ("", "off", "0") else explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "speclint")


def _cache_file(wasm: bytes) -> Optional[str]:
    directory = cache_dir()
    if directory is None:
        return None
    key = hashlib.sha256()
    key.update(wasm)
    key.update(getattr(wasmtime, "__version__", "?").encode())
    key.update(f"{platform.machine()} {platform.system()}".encode())
    return os.path.join(directory, f"speclint-{key.hexdigest()[:32]}.cwasm")


def _compile(engine: wasmtime.Engine) -> wasmtime.Module:
    """The module from the cache when it loads there, else compiled (and cached)."""
    wasm = wasm_bytes()
    path = _cache_file(wasm)
    if path is not None:
        try:
            with open(path, "rb") as f:
                return wasmtime.Module.deserialize(engine, f.read())
        except Exception:  # missing, unreadable, or from another build: compile again
            pass
    mod = wasmtime.Module(engine, wasm)
    if path is not None:
        try:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".speclint-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(mod.serialize())
                os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            pass  # a read-only or full disk: no cache, still correct
    return mod


def module() -> tuple[wasmtime.Engine, wasmtime.Module]:
    """The engine and the compiled module: loaded on first use, once per process."""
    global _compiled
    with _lock:
        if _compiled is None:
            engine = wasmtime.Engine()
            _compiled = (engine, _compile(engine))
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
