"""spaCy's greedy entity recognizer, decoded with numpy over a whole batch at once.

spaCy's ``EntityRecognizer`` computes its scores with a few large matrix products and then walks
every document token by token in compiled code, asking each of its 74 moves (B/I/L/U for 18 labels,
U with no label, O) whether it is valid in the current state. That walk, not the neural network,
took two thirds to three quarters of the recognizer's time on FA-KES here: the validity checks of spaCy 3.8
go through the interpreter's lock over and over.

In the BILUO system every move consumes exactly one token, so after ``t`` steps every unfinished
document is at its token ``t``. :func:`entities` uses that: it runs the same model (the recognizer's
own tok2vec, its precomputed first layer, maxout, the output layer) and the same validity rules
(preset entities, sentence starts, whitespace, the end of the document) for all the documents of a
batch together, one numpy step per token position, and takes the same arg-max. The result is the
list of entities spaCy would set; ``tests/test_nlp_ner.py`` compares them with spaCy's own, and
``benchmarks/stock_vs_fast.py`` on all of FA-KES.

Only spaCy's greedy BILUO recognizer (``beam_width`` 1) is handled; :func:`supported` says whether
a pipeline's recognizer is one.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Sequence

import numpy
from spacy.pipeline import EntityRecognizer

B, I, L, U, O = range(5)
_MOVE = {"B": B, "I": I, "L": L, "U": U, "O": O}


def supported(ner: Any) -> bool:
    """True for a greedy recognizer with the layer layout of spaCy's TransitionBasedParser.v2
    (own tok2vec, precomputable affine with maxout, an output layer) and every class seen."""
    try:
        layers = ner.model.layers
        return (ner.cfg.get("beam_width", 1) == 1 and len(layers) == 3
                and layers[1].name == "precomputable_affine" and layers[1].get_dim("nP") >= 2
                and not ner.model.attrs.get("unseen_classes")
                and layers[2].get_dim("nO") == ner.moves.n_moves
                and all(ner.moves.get_class_name(i)[:1] in _MOVE for i in range(ner.moves.n_moves)))
    except Exception:  # noqa: BLE001 -- any other layout: not ours to decode
        return False


@lru_cache(maxsize=8)
def _moves(ner: Any) -> tuple[numpy.ndarray, numpy.ndarray, list[str]]:
    """Per move: its kind (B/I/L/U/O) and the index of its label (0: no label); the label names."""
    labels: list[str] = [""]
    kinds, label_ix = [], []
    for name in (ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)):
        kind, _, label = name.partition("-")
        if label not in labels:
            labels.append(label)
        kinds.append(_MOVE[kind])
        label_ix.append(labels.index(label))
    return numpy.array(kinds), numpy.array(label_ix), labels


def entities(ner: Any, docs: Sequence[Any]) -> list[list[tuple[int, int, str]]]:
    """The entities spaCy's recognizer ``ner`` would set on each of ``docs``: ``(start token, end
    token, label)`` lists. Preset entities of the docs (``ent_iob`` 1/3) constrain the decoding as in
    spaCy; the docs are not modified.

    An entity never runs into a token that starts a sentence (unless a preset entity does), so the
    state before such a token is always "no entity open": each sentence is decoded as a state of its
    own, and the steps of a batch are as many as its longest sentence has tokens."""
    from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, SENT_START

    out: list[list[tuple[int, int, str]]] = [[] for _ in docs]
    live = [i for i, d in enumerate(docs) if len(d)]
    if not live:
        return out
    kinds, move_label, labels = _moves(ner)
    strings = docs[live[0]].vocab.strings
    label_of_hash = {strings[name]: i for i, name in enumerate(labels) if name}
    batch = [docs[i] for i in live]
    model = ner.model
    cached = model.layers[1].predict(model.layers[0].predict(batch))  # (tokens + 1, nF, nO, nP); row 0: padding
    bias = model.layers[1].get_param("b")
    upper_w = model.layers[2].get_param("W").T.copy()
    upper_b = model.layers[2].get_param("b")

    # token columns over the whole batch
    lengths = numpy.array([len(d) for d in batch])
    ends = numpy.cumsum(lengths)
    cols = numpy.concatenate([d.to_array([ENT_IOB, IS_SPACE, SENT_START]) for d in batch]).astype("int64")
    iob, space, sent_start = cols[:, 0], cols[:, 1] != 0, cols[:, 2]
    hashes = [h for d in batch for h in d.to_array(ENT_TYPE).tolist()]  # uint64 label hashes
    typed = numpy.array([h != 0 for h in hashes], dtype=bool)
    preset = numpy.fromiter((label_of_hash.get(h, -1) if h else 0 for h in hashes),
                            dtype="int64", count=len(hashes))  # -1: a label this model lacks
    total = len(iob)
    last_of_doc = numpy.zeros(total, dtype=bool)
    last_of_doc[ends - 1] = True
    first_of_doc = numpy.zeros(total, dtype=bool)
    first_of_doc[ends - lengths] = True
    iob1 = numpy.where(last_of_doc, 0, numpy.roll(iob, -1))  # the next token's (none at a doc's end)
    ss1 = numpy.where(last_of_doc, 0, numpy.roll(sent_start, -1))
    two_left = ~last_of_doc

    # which moves each token allows, with no entity open / with one open (whatever its label) /
    # with one open whose label is the move's
    c = lambda a: a[:, None]  # noqa: E731 -- a per-token column
    lab = move_label[None, :]
    labelled = lab != 0
    same_preset = lab == c(preset)
    is_b, is_i, is_l, is_u, is_o = (kinds[None, :] == k for k in range(5))
    begin = (c(two_left & (iob != 1)) & labelled
             & numpy.where(c(iob == 3), same_preset & c(iob1 == 1), c((iob1 != 3) & (ss1 != 1) & ~space)))
    unit = (labelled & c(iob1 != 1) & numpy.where(c(iob == 3), same_preset, c(~space))
            | ~labelled & c(~typed & (iob == 3)))
    closed = is_b & begin | is_u & unit | is_o & c((iob != 3) & (iob != 1))
    inside = (c(two_left & (iob != 3) & (iob1 != 3)) & labelled
              & numpy.where(c(iob == 1), same_preset & c((iob1 != 0) & (iob1 != 2)), c(ss1 != 1)))
    preset_last = c((iob == 1) & (iob1 != 1))
    open_any = is_l & labelled & preset_last & same_preset
    open_same = is_i & inside | is_l & labelled & ~preset_last & c(iob1 != 1)

    # states: one per sentence (a cut before every sentence start not inside a preset entity)
    cut = first_of_doc | ((sent_start == 1) & (iob != 1))
    seg_start = numpy.flatnonzero(cut)
    seg_len = numpy.diff(numpy.append(seg_start, total))
    order = numpy.argsort(-seg_len, kind="stable")  # unfinished states are always a prefix
    seg_start, seg_len = seg_start[order], seg_len[order]
    n = len(seg_start)
    is_open = numpy.zeros(n, dtype=bool)
    ent_label = numpy.zeros(n, dtype="int64")
    ent_start = numpy.zeros(n, dtype="int64")  # a row of the batch
    done = numpy.zeros(n, dtype=bool)  # no valid move was left (spaCy forces the state final)
    found: list[tuple[int, int, int]] = []  # (first row, end row, label)
    for t in range(int(seg_len[0])):
        k = int(numpy.count_nonzero(seg_len > t))
        pos = seg_start[:k] + t
        opened = is_open[:k]
        # features: the current token; if an entity is open, its first token and the previous token
        unmaxed = cached[pos + 1, 0] + cached[numpy.where(opened, ent_start[:k] + 1, 0), 1]
        unmaxed += cached[numpy.where(opened, pos, 0), 2]
        unmaxed += bias
        scores = unmaxed.max(axis=-1) @ upper_w
        scores += upper_b
        valid = numpy.where(c(opened), open_any[pos] | open_same[pos] & (lab == c(ent_label[:k])), closed[pos])
        valid[done[:k]] = False
        scores[~valid] = -numpy.inf
        guess = scores.argmax(axis=1)
        move = numpy.where(valid.any(axis=1), kinds[guess], -1)
        label = move_label[guess]
        done[:k] |= move == -1
        begins, closes = move == B, (move == L) | (move == U)
        if closes.any():
            for s in numpy.flatnonzero(closes & (label != 0)).tolist():
                found.append((int(pos[s]) if move[s] == U else int(ent_start[s]), int(pos[s]) + 1, int(label[s])))
        ent_start[:k] = numpy.where(begins, pos, ent_start[:k])
        ent_label[:k] = numpy.where(begins, label, ent_label[:k])
        is_open[:k] = (opened | begins) & ~closes
    doc_of = numpy.searchsorted(ends, [f[0] for f in found], side="right").tolist() if found else []
    for (a, b, label_ix), d in sorted(zip(found, doc_of)):
        base = int(ends[d] - lengths[d])
        out[live[d]].append((a - base, b - base, labels[label_ix]))
    return out


class BatchEntityRecognizer(EntityRecognizer):
    """spaCy's entity recognizer, same model and moves, decoded by :func:`entities`."""

    def predict(self, docs: Any) -> Any:
        return entities(self, list(docs))

    def set_annotations(self, docs: Any, found: Any) -> None:
        from spacy.attrs import ENT_IOB
        from spacy.tokens import Span

        for doc, ents in zip(docs, found):
            doc.set_ents([Span(doc, s, e, label=label) for s, e, label in ents], default="unmodified")
            unset = doc.to_array(ENT_IOB) == 0  # as spaCy does: every token left unset is outside
            if unset.any():
                edges = numpy.flatnonzero(numpy.diff(numpy.concatenate([[0], unset.astype("int8"), [0]])))
                doc.set_ents([], outside=[doc[a:b] for a, b in zip(edges[::2], edges[1::2])],
                             default="unmodified")


def batch_recognizer(ner: Any) -> Any | None:
    """A recognizer that shares ``ner``'s model and moves and decodes with :func:`entities`; None
    when ``ner`` is not exactly spaCy's greedy recognizer (:func:`supported`)."""
    if type(ner) is not EntityRecognizer or not supported(ner):
        return None
    cfg = dict(ner.cfg)
    fast = BatchEntityRecognizer(
        ner.vocab, ner.model, name=ner.name, moves=ner.moves,
        update_with_oracle_cut_size=cfg.get("update_with_oracle_cut_size", 100),
        beam_width=1, beam_density=cfg.get("beam_density", 0.0),
        beam_update_prob=cfg.get("beam_update_prob", 0.0), multitasks=tuple(cfg.get("multitasks", ())),
        incorrect_spans_key=cfg.get("incorrect_spans_key"), scorer=ner.scorer)
    fast.cfg = cfg
    return fast
