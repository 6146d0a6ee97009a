// A collapsible JSON tree built with DOM APIs only: every key and value is set
// as textContent, never parsed as HTML. Objects and arrays are <details>
// elements, so they open and close with the keyboard (Enter/Space on the summary).

const MAX_CHILDREN = 2000;

function scalar(value) {
  const span = document.createElement("span");
  if (value === null) {
    span.className = "json-null";
    span.textContent = "null";
  } else if (typeof value === "string") {
    span.className = "json-string";
    span.textContent = JSON.stringify(value);
  } else if (typeof value === "number") {
    span.className = "json-number";
    span.textContent = String(value);
  } else {
    span.className = "json-boolean";
    span.textContent = String(value);
  }
  return span;
}

function keyLabel(key) {
  const k = document.createElement("span");
  k.className = "json-key";
  k.textContent = typeof key === "number" ? `${key}` : JSON.stringify(key);
  return k;
}

function node(key, value, depth) {
  const isArray = Array.isArray(value);
  if (value === null || typeof value !== "object") {
    const row = document.createElement("div");
    row.className = "json-row";
    if (key !== undefined) row.append(keyLabel(key), ": ");
    row.append(scalar(value));
    return row;
  }
  const entries = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
  const details = document.createElement("details");
  details.className = "json-node";
  details.open = depth < 2;
  const summary = document.createElement("summary");
  if (key !== undefined) summary.append(keyLabel(key), ": ");
  const kind = document.createElement("span");
  kind.className = "json-meta";
  kind.textContent = isArray ? `[${entries.length}]` : `{${entries.length}}`;
  summary.append(kind);
  details.append(summary);
  // Children are built when first opened, so a large export renders fast.
  const fill = () => {
    if (details.dataset.filled) return;
    details.dataset.filled = "1";
    const body = document.createElement("div");
    body.className = "json-children";
    for (const [k, v] of entries.slice(0, MAX_CHILDREN)) body.append(node(k, v, depth + 1));
    if (entries.length > MAX_CHILDREN) {
      const more = document.createElement("div");
      more.className = "json-meta";
      more.textContent = `… ${entries.length - MAX_CHILDREN} more (use Copy for the whole JSON)`;
      body.append(more);
    }
    details.append(body);
  };
  if (details.open) fill();
  details.addEventListener("toggle", fill);
  return details;
}

/** Replaces the content of `container` with a tree of `value`. */
export function renderJson(container, value) {
  container.replaceChildren(node(undefined, value, 0));
}

/** Opens or closes every node of the tree in `container` (building closed ones as needed). */
export function setAllOpen(container, open) {
  let changed = true;
  while (changed) {
    changed = false;
    for (const d of container.querySelectorAll("details.json-node")) {
      if (d.open !== open) {
        d.open = open;
        if (open) d.dispatchEvent(new Event("toggle"));
        changed = open;
      }
    }
  }
}
