// A small reader of the data types in index.d.cts (interfaces and type aliases
// in a subset of TypeScript: unions, string literals, `T[]`, `Record<string, T>`,
// `{ [key: string]: T }`,
// `string`, `number`, `boolean`, `null`), and a checker of JS values against
// them that records which properties and literals it has seen, so that a test
// can also prove every declared property and literal occurs.

/** Parses `text`; returns `{ types, exports }` (`types`: name → type node). */
export function parseDts(text) {
  const src = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
  const types = new Map();
  for (const m of src.matchAll(/export\s+interface\s+(\w+)\s*\{([^{}]*)\}/g)) {
    const props = new Map();
    for (const member of m[2].split(";").map((s) => s.trim()).filter(Boolean)) {
      const pm = /^([$\w]+)(\?)?\s*:\s*([\s\S]+)$/.exec(member);
      if (!pm) throw new Error(`cannot read member \`${member}\` of ${m[1]}`);
      props.set(pm[1], { optional: pm[2] === "?", type: parseType(pm[3]) });
    }
    types.set(m[1], { kind: "interface", name: m[1], props });
  }
  for (const m of src.matchAll(/export\s+type\s+(\w+)\s*=\s*([^;]+);/g)) {
    types.set(m[1], { kind: "alias", name: m[1], type: parseType(m[2]) });
  }
  const exports = [...src.matchAll(/export\s+(?:declare\s+)?(?:function|class|const)\s+(\w+)/g)].map((m) => m[1]);
  return { types, exports };
}

function parseType(s) {
  const tokens = s.match(/"[^"]*"|Record|<|>|,|\[\]|\{|\}|\[|\]|:|\(|\)|\||[$\w]+/g) || [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  function union() {
    const alts = [array()];
    while (peek() === "|") {
      next();
      alts.push(array());
    }
    return alts.length === 1 ? alts[0] : { kind: "union", alts };
  }
  function array() {
    let t = primary();
    while (peek() === "[]") {
      next();
      t = { kind: "array", of: t };
    }
    return t;
  }
  function primary() {
    const t = next();
    if (t === "(") {
      const u = union();
      if (next() !== ")") throw new Error(`expected ) in \`${s}\``);
      return u;
    }
    if (t === "{") {
      // An index signature `{ [key: string]: T }` is a record (recursive aliases need it).
      if (next() !== "[" || !/^\w+$/.test(next() ?? "") || next() !== ":" || next() !== "string" || next() !== "]" || next() !== ":") {
        throw new Error(`bad index signature in \`${s}\``);
      }
      const v = union();
      if (next() !== "}") throw new Error(`expected } in \`${s}\``);
      return { kind: "record", of: v };
    }
    if (t === "Record") {
      if (next() !== "<" || next() !== "string" || next() !== ",") throw new Error(`bad Record in \`${s}\``);
      const v = union();
      if (next() !== ">") throw new Error(`expected > in \`${s}\``);
      return { kind: "record", of: v };
    }
    if (t?.startsWith('"')) return { kind: "literal", value: t.slice(1, -1) };
    if (["string", "number", "boolean", "null"].includes(t)) return { kind: "prim", name: t };
    if (/^\w+$/.test(t ?? "")) return { kind: "ref", name: t };
    throw new Error(`cannot read type \`${s}\``);
  }
  const t = union();
  if (i !== tokens.length) throw new Error(`trailing tokens in \`${s}\``);
  return t;
}

/** Checks values against the parsed types, remembering what it has seen. */
export class Checker {
  constructor(types) {
    this.types = types;
    this.seenProps = new Set(); // "Interface.prop"
    this.seenLiterals = new Set(); // "Alias:literal"
  }

  /** Errors (strings) of `value` against type `name`; an empty array when it conforms. */
  check(value, name, path = name) {
    const errors = [];
    this.#check(value, { kind: "ref", name }, path, errors, null, true);
    return errors;
  }

  #check(value, t, path, errors, alias, record) {
    switch (t.kind) {
      case "prim":
        if (t.name === "null" ? value !== null : typeof value !== t.name) errors.push(`${path}: expected ${t.name}, found ${JSON.stringify(value)}`);
        else if (t.name === "number" && !Number.isFinite(value)) errors.push(`${path}: not a finite number`);
        return;
      case "literal":
        if (value !== t.value) errors.push(`${path}: expected "${t.value}", found ${JSON.stringify(value)}`);
        else if (record && alias) this.seenLiterals.add(`${alias}:${t.value}`);
        return;
      case "array":
        if (!Array.isArray(value)) return void errors.push(`${path}: expected an array`);
        value.forEach((v, i) => this.#check(v, t.of, `${path}[${i}]`, errors, alias, record));
        return;
      case "record":
        if (!isPlainObject(value)) return void errors.push(`${path}: expected an object`);
        for (const [k, v] of Object.entries(value)) this.#check(v, t.of, `${path}.${k}`, errors, alias, record);
        return;
      case "union": {
        // Try each alternative without recording; record through the first that fits.
        const fit = t.alts.find((a) => {
          const e = [];
          this.#check(value, a, path, e, alias, false);
          return e.length === 0;
        });
        if (!fit) return void errors.push(`${path}: ${JSON.stringify(value)} fits none of the alternatives`);
        this.#check(value, fit, path, errors, alias, record);
        return;
      }
      case "ref": {
        const d = this.types.get(t.name);
        if (!d) return void errors.push(`${path}: unknown type ${t.name}`);
        if (d.kind === "alias") return this.#check(value, d.type, path, errors, t.name, record);
        if (!isPlainObject(value)) return void errors.push(`${path}: expected a ${t.name} object, found ${JSON.stringify(value)}`);
        for (const [k, v] of Object.entries(value)) {
          const p = d.props.get(k);
          if (!p) {
            errors.push(`${path}: property \`${k}\` is not declared in ${t.name}`);
            continue;
          }
          if (record) this.seenProps.add(`${t.name}.${k}`);
          this.#check(v, p.type, `${path}.${k}`, errors, `${t.name}.${k}`, record);
        }
        for (const [k, p] of d.props) {
          if (!p.optional && !(k in value)) errors.push(`${path}: required property \`${k}\` of ${t.name} is missing`);
        }
        return;
      }
      default:
        errors.push(`${path}: unsupported type node ${t.kind}`);
    }
  }

  /**
   * Declared properties of the interfaces `names` never seen, and literals
   * never seen of `aliases` (type aliases, or `Interface.prop` for a union
   * of literals written in place).
   */
  unseen(names, aliases) {
    const out = [];
    for (const n of names) {
      for (const k of this.types.get(n).props.keys()) if (!this.seenProps.has(`${n}.${k}`)) out.push(`${n}.${k}`);
    }
    for (const a of aliases) {
      const [n, k] = a.split(".");
      const type = k ? this.types.get(n).props.get(k).type : this.types.get(a).type;
      for (const lit of literals(type)) if (!this.seenLiterals.has(`${a}:${lit}`)) out.push(`${a}:"${lit}"`);
    }
    return out;
  }
}

/** The string literals of a type (a union of literals, or one). */
export function literals(t) {
  if (t.kind === "literal") return [t.value];
  if (t.kind === "union") return t.alts.flatMap(literals);
  return [];
}

function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}
