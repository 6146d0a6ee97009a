//! The C-ABI binding: the core as a `wasm32-unknown-unknown` module with no
//! imports, for any WebAssembly host (the Python package `mkdocs-speclint`
//! runs it with wasmtime; see `python/`). Built with the `cabi` feature,
//! never together with `bindgen`.
//!
//! Bytes in, bytes out, through four exports:
//!
//! - `alloc(len) -> ptr`: `len` bytes of the module's memory for the host to
//!   write a request (or a document) into; `0` if memory is exhausted;
//! - `dealloc(ptr, len)`: frees what `alloc` or a call returned;
//! - `speclint_call(ptr, len) -> u64`: answers the UTF-8 JSON request at
//!   `ptr..ptr+len` (see [`crate::api::Dispatcher`] for the operations);
//! - `speclint_call_document(ptr, len, doc_ptr, doc_len) -> u64`: the same,
//!   with the document as raw bytes beside the request (no JSON escaping;
//!   `validate` reports invalid UTF-8 as `IO001`, like `speclint check`).
//!
//! A call returns its JSON response, `{"ok": ...}` or `{"error": "..."}`, as
//! `(ptr << 32) | len`; the host reads it and frees it with `dealloc`. Inputs
//! stay owned by the host (it frees them after the call). Sessions opened by
//! `{"op": "open"}` live in the module's memory until closed.
//!
//! The only module of the crate with unsafe code: raw pointers cross the ABI
//! here and nowhere else. Everything else is `api/`.

#![allow(unsafe_code)]

use std::alloc::Layout;
use std::cell::RefCell;

use crate::api::Dispatcher;

thread_local! {
    /// The sessions and the shared default linter (a wasm32 module without
    /// threads has one thread; the host calls one function at a time).
    static DISPATCHER: RefCell<Dispatcher> = RefCell::new(Dispatcher::new());
}

/// Allocates `len` bytes for the host; `0` (null) when out of memory.
#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let Ok(layout) = Layout::array::<u8>(len) else {
        return std::ptr::null_mut();
    };
    if len == 0 {
        // Nothing to allocate: a non-null, aligned, never-dereferenced pointer.
        return std::ptr::NonNull::<u8>::dangling().as_ptr();
    }
    // SAFETY: `layout` has a non-zero size (checked above); a null result
    // (allocation failure) is returned to the host as "out of memory".
    unsafe { std::alloc::alloc(layout) }
}

/// Frees `len` bytes at `ptr`, which `alloc(len)` or a call's response returned.
#[unsafe(no_mangle)]
pub extern "C" fn dealloc(ptr: *mut u8, len: usize) {
    if ptr.is_null() || len == 0 {
        return; // `alloc(0)` and empty responses allocate nothing.
    }
    let Ok(layout) = Layout::array::<u8>(len) else {
        return;
    };
    // SAFETY: the host contract: `ptr` was returned by `alloc(len)` or is a
    // response of exactly `len` bytes (a `Box<[u8]>`, allocated by the global
    // allocator with `Layout::array::<u8>(len)`), and is freed once.
    unsafe { std::alloc::dealloc(ptr, layout) }
}

/// Answers the JSON request at `ptr..ptr+len`; returns the response as `(ptr << 32) | len`.
#[unsafe(no_mangle)]
pub extern "C" fn speclint_call(ptr: *const u8, len: usize) -> u64 {
    // SAFETY: see `host_bytes`.
    let request = unsafe { host_bytes(ptr, len) };
    respond(DISPATCHER.with(|d| d.borrow_mut().call(request, None)))
}

/// As `speclint_call`, with the document's bytes at `doc_ptr..doc_ptr+doc_len`.
#[unsafe(no_mangle)]
pub extern "C" fn speclint_call_document(
    ptr: *const u8,
    len: usize,
    doc_ptr: *const u8,
    doc_len: usize,
) -> u64 {
    // SAFETY: see `host_bytes`; the two buffers are only read.
    let (request, document) = unsafe { (host_bytes(ptr, len), host_bytes(doc_ptr, doc_len)) };
    respond(DISPATCHER.with(|d| d.borrow_mut().call(request, Some(document))))
}

/// The host's buffer as a slice.
///
/// # Safety
/// Unless `len` is 0, `ptr..ptr+len` must be initialized memory the host
/// obtained from `alloc(len)` (or a larger allocation) and wrote, not freed
/// nor written during the call. The module is single-threaded and the
/// dispatcher never frees host buffers, so nothing aliases it mutably while
/// the returned slice lives (the call's duration).
unsafe fn host_bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if ptr.is_null() || len == 0 {
        return &[];
    }
    // SAFETY: guaranteed by the caller (see above); `u8` has no alignment needs.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

/// Hands a response to the host: leaked here, freed by the host's `dealloc(ptr, len)`.
fn respond(bytes: Vec<u8>) -> u64 {
    let len = bytes.len();
    let ptr = Box::into_raw(bytes.into_boxed_slice()).cast::<u8>();
    // wasm32 pointers and lengths are 32 bits: both fit in their halves.
    ((ptr as usize as u64) << 32) | len as u64
}
