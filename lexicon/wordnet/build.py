#!/usr/bin/env python3
"""Build lexicon/wordnet/wordnet.txt from the WordNet 3.0 database.

Usage: python3 lexicon/wordnet/build.py [WORDNET_DIR]

WORDNET_DIR defaults to /usr/share/wordnet (Debian package wordnet-base).
Python 3 standard library only. The output is deterministic: every line is
unique and the lines are sorted bytewise. See README.md for the format.
"""

import os
import sys

# Senses kept per lemma and part of speech. WordNet orders a lemma's senses by
# frequency in its tagged corpus; rare senses (for "man", a chess piece) make
# false matches.
SENSES = 3

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
POS_ORDER = "nvasr"  # synset types; "s" is an adjective satellite


def lemma_ok(lemma):
    """Lemmas kept: single words of ASCII letters and digits, possibly joined by
    - . ' or /. Multiword lemmas ("united_states") are left out: they would add
    about 1.7 MB and a word-by-word caller never looks them up."""
    if not lemma or lemma[0] in "-." or lemma[-1] == "-":
        return False
    return all(c.isascii() and (c.isalnum() or c in "-.'/") for c in lemma)


def read_lines(path):
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):  # licence header
                continue
            line = line.rstrip("\n")
            if line:
                yield line


def read_index(wn):
    """(lemma, pos) -> [(synset type, offset)] in sense order, all senses."""
    senses = {}
    for pos, name in POS_FILES.items():
        for line in read_lines(os.path.join(wn, "index." + name)):
            f = line.split()
            lemma = f[0].lower()
            if not lemma_ok(lemma):
                continue
            p_cnt = int(f[3])
            offsets = f[6 + p_cnt:]
            assert len(offsets) == int(f[2]), line
            senses[(lemma, pos)] = [int(o) for o in offsets]
    return senses


def read_data(wn):
    """(pos letter of file, offset) -> (ss_type, [words], [(sym, tpos, toff, src, tgt)])."""
    synsets = {}
    for pos, name in POS_FILES.items():
        for line in read_lines(os.path.join(wn, "data." + name)):
            body = line.split(" | ", 1)[0]
            f = body.split()
            off = int(f[0])
            ss_type = f[2]
            w_cnt = int(f[3], 16)
            words = []
            i = 4
            for _ in range(w_cnt):
                w = f[i].lower()
                if "(" in w:  # adjective syntactic marker: "big(a)"
                    w = w[: w.index("(")]
                words.append(w)
                i += 2
            p_cnt = int(f[i])
            i += 1
            ptrs = []
            for _ in range(p_cnt):
                sym, toff, tpos, st = f[i], int(f[i + 1]), f[i + 2], f[i + 3]
                tpos = "a" if tpos == "s" else tpos
                ptrs.append((sym, tpos, toff, int(st[:2], 16), int(st[2:], 16)))
                i += 4
            synsets[(pos, off)] = (ss_type, words, ptrs)
    return synsets


def read_exc(wn, lemmas_by_pos):
    out = set()
    for pos, name in POS_FILES.items():
        for line in read_lines(os.path.join(wn, name + ".exc")):
            f = line.lower().split()
            infl, bases = f[0], f[1:]
            bases = [b for b in dict.fromkeys(bases) if b != infl and (b, pos) in lemmas_by_pos]
            if bases and lemma_ok(infl):
                out.add("X %s %s %s" % (pos, infl, ",".join(bases)))
    return out


def main():
    wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    here = os.path.dirname(os.path.abspath(__file__))
    index = read_index(wn)
    data = read_data(wn)

    # Kept senses: (lemma, pos) -> first SENSES synsets; and the reverse,
    # (synset key, lemma) -> sense rank, to tell whether a lexical pointer
    # leaves or reaches one of a lemma's kept senses.
    kept = {}
    rank = {}
    for (lemma, pos), offs in index.items():
        keys = [(pos, o) for o in offs[:SENSES]]
        kept[(lemma, pos)] = keys
        for r, k in enumerate(keys):
            rank[(k, lemma)] = r

    # Synsets in the file: every kept sense, closed under hypernym, instance
    # hypernym and entailment pointers (so an ancestor walk never leaves the file).
    walk = ("@", "@i", "*")
    nodes = set()
    stack = [k for keys in kept.values() for k in keys]
    while stack:
        k = stack.pop()
        if k in nodes:
            continue
        nodes.add(k)
        for sym, tpos, toff, _, _ in data[k][2]:
            if sym in walk:
                stack.append((tpos, toff))
    order = sorted(nodes, key=lambda k: (POS_ORDER.index(data[k][0]), k[1]))
    ids = {k: i for i, k in enumerate(order)}

    lines = set()
    for k in order:
        ss_type, _, ptrs = data[k]
        rel = {sym: sorted({ids[(tp, to)] for s, tp, to, _, _ in ptrs if s == sym}) for sym in walk}
        fields = [",".join(map(str, rel[s])) or "-" for s in walk]
        lines.add("S %d %s %s" % (ids[k], ss_type, " ".join(fields)))
    for (lemma, pos), keys in kept.items():
        lines.add("W %s %s %s" % (lemma, pos, ",".join(str(ids[k]) for k in keys)))

    def word_pair(src_key, src_n, ptr):
        """The (lemma, pos) pair a lexical pointer joins, when both ends are kept senses."""
        _, tpos, toff, s, t = ptr
        tkey = (tpos, toff)
        if s == 0 or t == 0 or tkey not in data:
            return None
        a = data[src_key][1][s - 1]
        b = data[tkey][1][t - 1]
        if (src_key, a) not in rank or (tkey, b) not in rank:
            return None
        return (a, src_n), (b, tpos)

    antonyms = {}  # (lemma, pos) of a kept sense -> antonym (lemma, pos) set, per synset
    for key, (ss_type, words, ptrs) in data.items():
        for ptr in ptrs:
            pair = word_pair(key, key[0], ptr)
            if pair is None:
                continue
            (a, pa), (b, pb) = pair
            if a == b and pa == pb:
                continue
            if ptr[0] == "!" and pa == pb:
                x, y = sorted([a, b])
                lines.add("A %s %s %s" % (pa, x, y))
                antonyms.setdefault((key, a), set()).add(b)
            elif ptr[0] == "+":
                x, y = sorted([(a, pa), (b, pb)])
                lines.add("D %s %s %s %s" % (x[0], x[1], y[0], y[1]))

    # Indirect antonyms, one step: a satellite (kept sense of lemma w) similar to
    # a head synset whose word (kept sense) has an antonym: w is opposite that antonym.
    for key, (ss_type, words, ptrs) in data.items():
        if ss_type != "s":
            continue
        heads = [(tp, to) for s, tp, to, _, _ in ptrs if s == "&"]
        for w in words:
            if (key, w) not in rank:
                continue
            for h in heads:
                for hw in data[h][1]:
                    for b in antonyms.get((h, hw), ()):
                        if b != w:
                            x, y = sorted([w, b])
                            if "A a %s %s" % (x, y) not in lines:
                                lines.add("N a %s %s" % (x, y))
    lines -= {l for l in lines if l.startswith("N ") and "A" + l[1:] in lines}

    lines |= read_exc(wn, kept)

    out = os.path.join(here, "wordnet.txt")
    with open(out, "w", encoding="ascii", newline="\n") as f:
        for line in sorted(lines, key=lambda l: l.encode()):
            f.write(line + "\n")
    print("wrote %s (%d lines)" % (out, len(lines)), file=sys.stderr)


if __name__ == "__main__":
    main()
