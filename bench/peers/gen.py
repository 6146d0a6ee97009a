#!/usr/bin/env python3
"""Generates the inputs of the peer benchmark (bench/peers/run.sh).

    gen.py tree N OUT    N spec documents in OUT, 100 per folder (team-000/...)
    gen.py big SIZE OUT  one spec document of about SIZE bytes, OUT being a file

Every document is the valid example examples/valid/orders-db.md (16 KB) with
its own title, so that the cross-document checks see distinct documents. The
big document repeats the example's Entity Inventory with renamed tables until
it reaches SIZE, as benches/throughput.rs does. Deterministic: the same
arguments give the same bytes.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ORDERS = open(os.path.join(ROOT, "examples/valid/orders-db.md"), encoding="utf-8").read()
TITLE = "Orders Service Database Schema"


ENTITY = re.compile(r"\b(customers|orders|order_items|payments)\b")


def doc(i):
    """The example with its own title and its own table names (`d00007_orders`)."""
    text = ENTITY.sub(lambda m: f"d{i:05d}_{m.group(1)}", ORDERS)
    return text.replace(TITLE, f"{TITLE} {i:05d}")


def tree(n, out):
    for i in range(n):
        folder = os.path.join(out, f"team-{i // 100:03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"orders-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(doc(i))


def big(size, out):
    start = ORDERS.index("### `customers`")
    end = ORDERS.index("## Relationships & Data Flows")
    entities = ORDERS[start:end]
    extra, i = [], 0
    total = len(ORDERS)
    while total < size:
        part = entities.replace("### `", f"### `t{i}_")
        extra.append(part)
        total += len(part)
        i += 1
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(ORDERS[:end] + "".join(extra) + ORDERS[end:])


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("tree", "big"):
        sys.exit(__doc__)
    (tree if sys.argv[1] == "tree" else big)(int(sys.argv[2]), sys.argv[3])
