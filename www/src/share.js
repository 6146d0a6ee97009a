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

/** The hash fragment (without `#`) that carries `text` and, optionally, the chosen spec type. */
export async function encodeHash(text, specType) {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream("deflate-raw"));
  const params = new URLSearchParams();
  if (specType) params.set("type", specType);
  // URLSearchParams would percent-encode nothing in base64url; set it last by hand for readability.
  const head = params.toString();
  return (head ? head + "&" : "") + "doc=" + toBase64Url(packed);
}

/** `{ text, specType }` from a hash made by `encodeHash`, or null when it carries no document. Throws on a corrupt one. */
export async function decodeHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const doc = params.get("doc");
  if (!doc) return null;
  const bytes = await pipe(fromBase64Url(doc), new DecompressionStream("deflate-raw"));
  return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), specType: params.get("type") || null };
}
