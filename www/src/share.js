// Share-as-URL: the document deflated (CompressionStream 'deflate-raw', no
// dependency) and base64url-encoded into the location hash, `#doc=...`.

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s) {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "===".slice((b64.length + 3) % 4));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function pack(text) {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream("deflate-raw")));
}

async function unpack(b64) {
  const bytes = await pipe(fromBase64Url(b64), new DecompressionStream("deflate-raw"));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/**
 * The hash fragment (without `#`) that reproduces what the sender sees: the
 * document, the spec type choice (`type=`, empty for "from `spec_type`") and
 * the custom type's text when one is loaded (`ctype=`).
 */
export async function encodeHash(text, specType, customTypeText) {
  const params = new URLSearchParams();
  params.set("type", specType ?? "");
  // base64url needs no percent-encoding: the packed parts are appended by hand.
  let hash = params.toString();
  if (customTypeText) hash += "&ctype=" + (await pack(customTypeText));
  return hash + "&doc=" + (await pack(text));
}

/** A link whose document cannot be read. */
export class DamagedLink extends Error {
  constructor() {
    super("this link is damaged: its document cannot be read");
    this.name = "DamagedLink";
  }
}

/**
 * `{ text, specType, customType }` from a hash made by `encodeHash`, or null
 * when it carries no document. `specType` is null when the link does not
 * say (links made before it did), "" for "from `spec_type`"; `customType` is
 * the custom type's text or null. Throws `DamagedLink` on a corrupt one.
 */
export async function decodeHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const doc = params.get("doc");
  if (!doc) return null;
  try {
    const text = await unpack(doc);
    const ctype = params.get("ctype");
    return {
      text,
      specType: params.has("type") ? params.get("type") : null,
      customType: ctype ? await unpack(ctype) : null,
    };
  } catch {
    throw new DamagedLink();
  }
}
