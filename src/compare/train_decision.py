#!/usr/bin/env python3
"""Trains the pair decision of src/compare/decision.rs and writes its weights into params.rs.

    python3 src/compare/train_decision.py [--realdev ../shared/realdev] [--write]

Data: every candidate pair the engine proposes (cargo's ignored test `dump_candidate_features`
prints them with their measurements) for
  * the invented labelled pairs in tests/fixtures/labels/tune (heldout/ is only scored), and the
    invented pairs of reports of different events that tests/compare_quality.rs lists (no link
    between them is right), and
  * the real reports of --realdev, labelled from its gold files. Those texts are read where they
    are and never copied into the repository.
A pair is positive when the labels link its two sentences (any confidence).

Model: logistic regression on the standardised measurements, with an L2 penalty. The check is
leave-one-story-out: every story (all pairs sharing its articles) is scored by a model trained
on the other stories only (and never on heldout/), at the acceptance probability of params.rs. The report gives
precision and recall over candidate pairs, beside the old rule (lexical >= 0.30) on the same
pairs. It is done twice, each tier on its own candidate pairs (as `parallax compare` and
`--fast` find them): for the deep tier, and for the fast tier, which has no deep measurement. --write puts both models, trained on everything, into params.rs.

Needs numpy. Takes a few seconds after the release test build.
"""
import json, os, re, subprocess, sys, tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PARAMS = os.path.join(ROOT, "src", "compare", "params.rs")
L2 = 1.0
ACCEPT = 0.5


def dump(realdev):
    out = tempfile.NamedTemporaryFile(suffix=".tsv", delete=False).name
    env = dict(os.environ, PARALLAX_FEATURES_OUT=out)
    if realdev:
        env["REALDEV"] = os.path.abspath(realdev)
    subprocess.run(["cargo", "test", "-q", "--release", "--test", "compare_quality",
                    "dump_candidate_features", "--", "--ignored"],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    rows = [line.rstrip("\n").split("\t") for line in open(out, encoding="utf-8") if line.strip()]
    os.unlink(out)
    return rows


def realdev_labels(realdev, pair):
    """Which (left offset, right offset) candidates the gold links, by the gold sentences
    holding each offset (as score.py places them)."""
    sys.path.insert(0, os.path.abspath(realdev))
    import score  # noqa: E402  (the realdev scorer's own locate())
    g = score.load(pair)
    left_file, right_file = (os.path.join(realdev, "articles", g[k]) for k in ("left", "right"))
    binary = os.path.join(ROOT, "target", "release", "parallax")
    doc = json.loads(subprocess.run([binary, "compare", left_file, right_file, "--format", "json"],
                                    capture_output=True, check=True).stdout)
    bodies = [doc[s]["body"].encode() for s in ("left", "right")]

    def spans(sentences, body):
        located = sorted((o, s["id"]) for s in sentences
                         if (o := locate(body, s["anchor"], s.get("anchor_occurrence"))) is not None)
        return [(o, located[k + 1][0] if k + 1 < len(located) else len(body), i)
                for k, (o, i) in enumerate(located)]

    def locate(body, anchor, occurrence):
        at = body.find(anchor.encode())
        if occurrence is not None:
            found, i = [], at
            while i >= 0:
                found.append(i)
                i = body.find(anchor.encode(), i + 1)
            if found:
                return found[min(occurrence, len(found) - 1)]
        return at if at >= 0 else None

    ls, rs = spans(g["left_sentences"], bodies[0]), spans(g["right_sentences"], bodies[1])
    gold = {(m["left"], s["id"]) for s in g["right_sentences"] for m in s.get("matches", [])}

    def sentence(spans_, offset):
        for start, end, i in spans_:
            if start <= offset < end:
                return i
        return None

    return lambda lo, ro: (sentence(ls, lo), sentence(rs, ro)) in gold


def labelled_rows(realdev):
    """Every candidate pair of the dump as arrays: its tier, pair name, label (1 when the labels
    link its two sentences) and measurements."""
    labellers = {}
    tiers, pairs, labels, features = [], [], [], []
    for tier, pair, lo, ro, label, *values in dump(realdev):
        if label == "?":
            name = pair.split("/", 1)[1]
            if name not in labellers:
                labellers[name] = realdev_labels(realdev, name)
            label = "1" if labellers[name](int(lo), int(ro)) else "0"
        tiers.append(tier)
        pairs.append(pair)
        labels.append(float(label))
        features.append([float(v) for v in values])
    return np.array(tiers), pairs, np.array(labels), np.array(features)


def story(pair):
    folder, name = pair.split("/", 1)
    if folder == "unrelated":
        return "tune:unrelated"
    if folder == "realdev":
        return "realdev:" + (name.split("-")[0] + "-" + name.split("-")[1])
    return f"{folder}:" + name.split("-")[0]


def fit(x, y):
    """L2-penalised logistic regression by Newton's method; returns (weights, bias)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.eye(xb.shape[1]) * L2
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + penalty @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], w[-1]


def main():
    realdev = None
    if "--realdev" in sys.argv:
        realdev = sys.argv[sys.argv.index("--realdev") + 1]
    tiers, pairs, y, x = labelled_rows(realdev)
    names = re.findall(r'"(\w+)"', open(os.path.join(ROOT, "src/compare/decision.rs")).read()
                       .split("FEATURE_NAMES")[1].split("];")[0])
    dropped = []
    if "--drop" in sys.argv:
        dropped = [names.index(n) for n in sys.argv[sys.argv.index("--drop") + 1].split(",")]
        x[:, dropped] = 0.0
    stories = sorted(set(map(story, pairs)))
    print(f"{(tiers == 'deep').sum()} candidate pairs of the deep tier, {(tiers == 'fast').sum()} of "
          f"the fast tier, {len(stories)} stories")
    written = open(PARAMS).read()
    for tier, suffix in (("deep", ""), ("fast", "_FAST")):
        # Each tier is trained on its own candidates: the fast tier has no deep measurement and
        # no pairs found by deep meaning.
        xt, keep = x.copy(), tiers == tier
        print(f"== {tier} tier")
        raw_w, raw_b = train(xt[keep], y[keep], [p for p, k in zip(pairs, keep) if k], stories, names)
        weights = ", ".join(f"{v:.4f}" for v in raw_w)
        written = re.sub(rf"pub const DECISION_WEIGHTS{suffix}: \[f32; FEATURES\] = \[[^\]]*\];",
                         f"pub const DECISION_WEIGHTS{suffix}: [f32; FEATURES] = [{weights}];", written)
        written = re.sub(rf"pub const DECISION_BIAS{suffix}: f32 = [^;]*;",
                         f"pub const DECISION_BIAS{suffix}: f32 = {raw_b:.4f};", written)
    if "--write" in sys.argv:
        open(PARAMS, "w").write(written)
        print("wrote", PARAMS, "(run cargo fmt)")


def train(x, y, pairs, stories, names):
    """The leave-one-story-out report for these measurements, then the model trained on all
    trainable stories, as weights on the raw measurements."""
    mean, std = x.mean(0), x.std(0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    # The invented heldout labels are never trained on: they are scored by the model trained on
    # everything else, and so are the stories left out in turn.
    trainable = np.array([not p.startswith("heldout/") for p in pairs])
    held = np.zeros(len(y))
    for s in stories:
        test = np.array([story(p) == s for p in pairs])
        train = trainable & ~test
        w, b = fit(z[train], y[train])
        held[test] = 1 / (1 + np.exp(-(z[test] @ w + b)))

    def report(label, mask, accepted):
        tp = (accepted & (y == 1) & mask).sum()
        pred, gold = (accepted & mask).sum(), ((y == 1) & mask).sum()
        p = tp / pred if pred else 1.0
        r = tp / gold if gold else 1.0
        return f"{label}: P {p:.3f} R {r:.3f} ({tp}/{pred} of {gold})"

    old = x[:, names.index("lexical")] >= 0.30
    if "--sweep" in sys.argv:
        for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            line = [f"accept {t:.1f}"]
            for kind in ("tune", "heldout", "realdev"):
                mask = np.array([story(p).startswith(kind) for p in pairs])
                line.append(report(kind, mask, held >= t))
            print("  ".join(line))
    for kind in ("tune", "heldout", "realdev"):
        mask = np.array([story(p).startswith(kind) for p in pairs])
        print(f"{kind:9s} left-out model  {report('', mask, held >= ACCEPT)}")
        print(f"{kind:9s} lexical >= 0.30 {report('', mask, old)}")
    if "--leave-out" in sys.argv:  # for a cross-validated run of the realdev scorer
        gone = sys.argv[sys.argv.index("--leave-out") + 1]
        trainable &= np.array([story(p) != gone for p in pairs])
    w, b = fit(z[trainable], y[trainable])
    raw_w = w / std
    raw_b = b - (w * mean / std).sum()
    print("weights on the raw measurements:")
    for n, v in zip(names, raw_w):
        print(f"  {n:16s} {v:+.3f}")
    print(f"  bias             {raw_b:+.3f}")
    return raw_w, raw_b


if __name__ == "__main__":
    main()
