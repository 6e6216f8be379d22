"""Normalise and check an executed notebook (used by run-all.sh; runs on the Python that Jupyter uses).

    normalise.py FILE.ipynb          strip execution timings in place, then check the outputs
    normalise.py --diff OLD NEW      list the cells whose outputs differ (for run-all.sh --check)

Checks: no error output; every code cell has at least one output; a cell with N lines starting
`await show(` has N PNG images at least, with N `await table(` N Markdown tables, and with N
`await say(` N text outputs. Exit code 1 with lines "error: ..." for cell errors, 2 with
lines "missing: ..." for missing outputs (the Deno kernel occasionally drops an output message, so
run-all.sh retries those).
"""
import difflib
import re
import sys

import nbformat


def strip(nb):
    for cell in nb.cells:
        cell.metadata.pop("execution", None)


def top_level(source, helper):
    """Calls `await helper(` at the start of a line: statements that run once when the cell runs
    (indented calls sit in function bodies or loops, which may run any number of times)."""
    return len(re.findall(rf"^await {helper}\(", source, flags=re.M))


def problems(nb):
    errors, missing = [], []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        outs = cell.get("outputs", [])
        where = f"cell {i} ({cell.source.splitlines()[0][:60] if cell.source else 'empty'})"
        for o in outs:
            if o.output_type == "error":
                errors.append(f"error: {where}: {o.get('ename')}: {o.get('evalue')}")
        if not outs:
            missing.append(f"missing: {where} has no output")
            continue
        pngs = sum(1 for o in outs if "image/png" in o.get("data", {}))
        tables = sum(1 for o in outs if "text/markdown" in o.get("data", {}))
        want_png = top_level(cell.source, "show")
        want_tables = top_level(cell.source, "table")
        if pngs < want_png:
            missing.append(f"missing: {where} shows {want_png} chart(s) but has {pngs} PNG output(s)")
        if tables < want_tables:
            missing.append(f"missing: {where} shows {want_tables} table(s) but has {tables} Markdown output(s)")
        texts = sum(1 for o in outs if set(o.get("data", {})) == {"text/plain"})
        want_texts = top_level(cell.source, "say")
        if texts < want_texts:
            missing.append(f"missing: {where} says {want_texts} line(s) of text but has {texts} text output(s)")
    return errors, missing


def text_of(cell):
    parts = []
    for o in cell.get("outputs", []):
        if o.output_type == "stream":
            parts.append(o.text)
        else:
            d = o.get("data", {})
            parts.append(d.get("text/markdown") or d.get("text/plain") or "")
            if "image/png" in d:
                parts.append(f"<png {len(d['image/png'])} base64 chars>")
    return "".join(parts)


def main(argv):
    if len(argv) == 4 and argv[1] == "--diff":
        old, new = (nbformat.read(p, as_version=4) for p in argv[2:4])
        if len(old.cells) != len(new.cells):
            print(f"  cells: {len(old.cells)} stored, {len(new.cells)} now")
            return 1
        n = 0
        for i, (a, b) in enumerate(zip(old.cells, new.cells)):
            if a.cell_type == "code" and text_of(a) != text_of(b):
                n += 1
                print(f"  cell {i}: stored and fresh outputs differ")
                diff = difflib.unified_diff(text_of(a).splitlines(), text_of(b).splitlines(), "stored", "fresh", n=0, lineterm="")
                for line in list(diff)[2:12]:
                    print(f"    {line[:160]}")
        return 1 if n else 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    path = argv[1]
    nb = nbformat.read(path, as_version=4)
    strip(nb)
    errors, missing = problems(nb)
    for line in errors + missing:
        print(line, file=sys.stderr)
    if errors:
        return 1
    if missing:
        return 2
    nbformat.write(nb, path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
