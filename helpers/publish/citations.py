"""Readable citations and glossary links in the notebooks' markdown (idempotent converters).

    python -m helpers.publish.citations --write [notebooks...]   # convert in place
    python -m helpers.publish.citations --check [notebooks...]   # exit 1 if a notebook would change

Authors write citations as Pandoc keys, ``[@bidlingmaier2014]`` or ``[@yakar1999; @sjogren1999]``.
The converter turns them into readable links to the notebook's **References** heading::

    ([Bidlingmaier et al., 2014](#References "bidlingmaier2014"))

The key stays in the link title, so the lint can check that it resolves and the converter can
run again on converted text (nothing changes) or on text with new ``[@key]`` citations (only
those change). ``#References`` is the heading anchor that JupyterLab, Notebook 7, Voilà and
nbconvert (the static site) all generate; JupyterLab's sanitizer strips ``id`` attributes, so a
per-reference anchor would not work there. Each References entry ``- **[@key]** ...`` becomes
``- **Bidlingmaier et al., 2014.** ... <!-- @key -->`` (the comment is invisible), and a key cited
in the prose but missing from the list is appended to it from data/references.csv.

The glossary linker links the first use of each glossary term (data/glossary.csv) in every
notebook to the glossary in notebook 00, with the definition as the link title (shown on hover):
``[satellite cells](00_start_here.ipynb#Glossary "Glossary: satellite cell — ...")``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import references
from . import notebook_paths

#: a converted citation link; group 1 = label, group 2 = key
LINKED_CITE = re.compile(r"\[([^\[\]]+)\]\(#References \"([a-z][a-z0-9_]*)\"\)")
#: a References entry as authors write it, and as the converter leaves it
RAW_ENTRY = re.compile(r"^(\s*[-*]\s+)\*\*\[@([a-z][a-z0-9_]*)\]\*\*\s*(.*)$", re.M)
DONE_ENTRY = re.compile(r"<!-- @([a-z][a-z0-9_]*) -->")
REFERENCES_HEADING = re.compile(r"^#{1,6}\s*References\s*$", re.M)
GLOSSARY_TITLE = re.compile(r'\]\([^)\s]*#Glossary "Glossary: ([^"—]+?) —')

# spans that are never rewritten: code, math, links, HTML tags, headings, <summary> lines
_PROTECT = re.compile(
    r"```.*?```|~~~.*?~~~|`[^`\n]*`|\$\$.*?\$\$|(?<![\\$])\$[^$\n]+\$"
    r"|!?\[[^\]]*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|<summary>[^\n]*?</summary>|<[^>\n]+>|^#{1,6} [^\n]*$",
    re.S | re.M,
)


def _split(text: str) -> list[tuple[bool, str]]:
    """``text`` as (editable, piece) pairs; protected pieces are passed through unchanged."""
    out, pos = [], 0
    for m in _PROTECT.finditer(text):
        if m.start() > pos:
            out.append((True, text[pos : m.start()]))
        out.append((False, m.group(0)))
        pos = m.end()
    if pos < len(text):
        out.append((True, text[pos:]))
    return out


# ------------------------------------------------------------------------------------------
# citations
# ------------------------------------------------------------------------------------------
def _cite_link(key: str) -> str:
    return f'[{references.label(key)}](#References "{key}")'


def convert_citations_text(text: str) -> str:
    """Turn raw ``[@key]`` citations in one markdown text into readable links (idempotent)."""

    def entry(m: re.Match) -> str:
        lead, key, rest = m.groups()
        return f"{lead}**{references.label(key)}.** {rest} <!-- @{key} -->"

    text = RAW_ENTRY.sub(entry, text)

    def group(m: re.Match) -> str:
        keys = re.findall(r"@([a-z][a-z0-9_]*)", m.group(1))
        return "(" + "; ".join(_cite_link(k) for k in keys) + ")"

    pieces = []
    for editable, piece in _split(text):
        pieces.append(references.RAW_CITE_GROUP.sub(group, piece) if editable else piece)
    return "".join(pieces)


def cited_keys(text: str) -> list[str]:
    """Keys cited in ``text``, raw or converted, in first-appearance order (References entries
    not counted)."""
    body = DONE_ENTRY.sub("", RAW_ENTRY.sub("", text))
    found = []
    for m in re.finditer(r"\[(@[a-z][a-z0-9_]*(?:\s*;\s*@[a-z][a-z0-9_]*)*)\]|" + LINKED_CITE.pattern, body):
        found += re.findall(r"@([a-z][a-z0-9_]*)", m.group(1)) if m.group(1) else [m.group(3)]
    return list(dict.fromkeys(found))


def listed_keys(text: str) -> list[str]:
    """Keys that have an entry in a References list (raw or converted)."""
    return [m.group(2) for m in RAW_ENTRY.finditer(text)] + DONE_ENTRY.findall(text)


def _md_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "markdown"]


def _src(c: dict) -> str:
    return "".join(c["source"]) if isinstance(c["source"], list) else c["source"]


def _set(c: dict, text: str) -> None:
    """Store ``text`` as the cell's source in the form it had (nbformat writes a list of lines)."""
    c["source"] = text.splitlines(keepends=True) if isinstance(c["source"], list) else text


def convert_citations(nb: dict) -> bool:
    """Convert every markdown cell of ``nb`` in place and add missing References entries;
    return True if anything changed."""
    changed = False
    for c in _md_cells(nb):
        old = _src(c)
        new = convert_citations_text(old)
        if new != old:
            _set(c, new)
            changed = True
    text = "\n".join(_src(c) for c in _md_cells(nb))
    missing = [k for k in cited_keys(text) if k not in set(listed_keys(text))]
    if missing:
        cell = next((c for c in _md_cells(nb) if REFERENCES_HEADING.search(_src(c))), None)
        if cell is None:
            raise ValueError(f"notebook cites {missing} but has no References heading")
        src = _src(cell)
        head = REFERENCES_HEADING.search(src)
        nxt = re.search(r"^#{1,6} ", src[head.end() :], re.M)
        end = head.end() + (nxt.start() if nxt else len(src) - head.end())
        section = src[head.end() : end]
        items = list(re.finditer(r"^\s*[-*] .*$", section, re.M))
        at = head.end() + (items[-1].end() if items else 0)
        add = "".join(f"\n- **{references.label(k)}.** {references.cite(k)} <!-- @{k} -->" for k in missing)
        if not items:
            add = "\n" + add
        _set(cell, src[:at] + add + src[at:])
        changed = True
    return changed


# ------------------------------------------------------------------------------------------
# glossary
# ------------------------------------------------------------------------------------------
#: extra spellings of glossary terms as the prose uses them
ALIASES = {
    "confounder (confounding by age)": ["confounder", "confounding"],
    "expression (gene expression)": ["gene expression", "expression"],
    "satellite cell": ["satellite cells", "satellite cell"],
    "trophic factor": ["trophic factors", "trophic factor"],
    "percentile": ["percentiles", "percentile"],
    "reference interval": ["reference intervals", "reference interval"],
    "splice variant": ["splice variant"],
    "eccentric contraction": ["eccentric"],
    "confidence interval": ["confidence intervals", "confidence interval"],
    "meta-analysis": ["meta-analysis", "meta-analyses"],
    "receptor tyrosine kinase": ["receptor tyrosine kinases", "receptor tyrosine kinase"],
    "illustrative data": ["illustrative data", "illustrative (synthetic)"],
    "cross-sectional study": ["cross-sectional"],
    "randomised controlled trial (RCT)": [
        "randomised trials",
        "randomised trial",
        "randomised controlled trial",
    ],
    "observational study": ["observational"],
    "knockout (gene knockout)": ["knockout"],
    "immunoradiometric assay (IRMA)": ["immunoradiometric"],
}


def _forms(term: str) -> list[str]:
    if term in ALIASES:
        return ALIASES[term]
    m = re.match(r"^(.*?)\s*\((.*)\)$", term)
    forms = [m.group(1), m.group(2)] if m else [term]
    return [f for f in forms if len(f) >= 2 and " " not in f or len(f) >= 4]


def _term_regex(form: str) -> re.Pattern:
    flags = 0 if (form.isupper() or any(ch.isupper() for ch in form[1:]) or form[:1].isupper()) else re.I
    return re.compile(rf"(?<![\w/-]){re.escape(form)}(?![\w-])", flags)


def glossary_terms() -> list[tuple[str, str]]:
    """(term, definition) pairs of the glossary, in its order."""
    from .. import glossary

    df = glossary.table()
    return list(zip(df["term"], df["definition"], strict=True))


def link_glossary(nb: dict, target: str) -> bool:
    """Link the first use of every glossary term in ``nb``'s markdown to ``target``
    (``#Glossary`` in notebook 00, ``00_start_here.ipynb#Glossary`` elsewhere). Idempotent:
    a term that is already linked anywhere in the notebook is left alone."""
    cells = [c for c in _md_cells(nb)]
    text = "\n".join(_src(c) for c in cells)
    done = {t.strip().lower() for t in GLOSSARY_TITLE.findall(text)}
    changed = False
    terms = sorted(glossary_terms(), key=lambda td: -max(len(f) for f in _forms(td[0])))
    for term, definition in terms:
        if term.lower() in done:
            continue
        regexes = [_term_regex(f) for f in _forms(term)]
        hit = None
        for ci, c in enumerate(cells):
            for pi, (editable, piece) in enumerate(_split(_src(c))):
                if not editable:
                    continue
                ms = [m for rx in regexes if (m := rx.search(piece))]
                if ms:
                    hit = (ci, pi, min(ms, key=lambda m: m.start()))
                    break
            if hit:
                break
        if not hit:
            continue
        ci, pi, m = hit
        pieces = _split(_src(cells[ci]))
        piece = pieces[pi][1]
        title = f"Glossary: {term} — {definition}".replace('"', "'")
        link = f'[{m.group(0)}]({target} "{title}")'
        pieces[pi] = (False, piece[: m.start()] + link + piece[m.end() :])
        _set(cells[ci], "".join(p for _, p in pieces))
        changed = True
    return changed


# ------------------------------------------------------------------------------------------
# the command
# ------------------------------------------------------------------------------------------
def convert_notebook(path: Path, write: bool) -> bool:
    """Convert citations and glossary links in the notebook at ``path``; True if it would change."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    changed = convert_citations(nb)
    target = "#Glossary" if path.name.startswith("00_") else "00_start_here.ipynb#Glossary"
    changed |= link_glossary(nb, target)
    if changed and write:
        Path(path).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``--write`` converts the notebooks, ``--check`` exits 1 if one would change."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="convert the notebooks in place")
    mode.add_argument("--check", action="store_true", help="exit 1 if a notebook would change")
    args = ap.parse_args(argv)
    paths = args.paths or notebook_paths()
    changed = [p for p in paths if convert_notebook(p, args.write)]
    for p in changed:
        print(("converted " if args.write else "would convert ") + str(p))
    print(f"{len(changed)} of {len(paths)} notebook(s) {'converted' if args.write else 'need converting'}")
    return 1 if (changed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
