#!/usr/bin/env python3
"""The realdev score of each real story by a decision that never saw it: the closest measure we
have of how the engine does on real reports it was not trained on.

    python3 src/compare/cross_validate.py --realdev ../shared/realdev [--fast]

For each story of --realdev (all pairs sharing its articles), both tiers' models are trained by
train_decision.py's fit on every other story and on the invented tune labels, written into
params.rs, the release binary rebuilt, and the story's pairs scored by the realdev score.py
(`parallax compare`, or `--fast` with --fast). params.rs is put back and the binary rebuilt at
the end, whatever happens. The real texts are read where they are and never copied here.

Needs numpy; takes about five minutes (a release build per story).
"""
import os, re, subprocess, sys, tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train_decision as T  # noqa: E402

ROOT, PARAMS = T.ROOT, T.PARAMS


def weights_without(story_out, tier, rows):
    """Raw weights and bias of `tier`'s model trained on every trainable story but one."""
    tiers, pairs, y, x = rows
    keep = tiers == tier
    xt, yt = x[keep], y[keep]
    stories = [T.story(p) for p, k in zip(pairs, keep) if k]
    mean, std = xt.mean(0), xt.std(0)
    std[std == 0] = 1.0
    trainable = np.array([not s.startswith("heldout") and s != story_out for s in stories])
    w, b = T.fit(((xt - mean) / std)[trainable], yt[trainable])
    return w / std, b - (w * mean / std).sum()


def with_weights(text, tier, weights, bias):
    suffix = "" if tier == "deep" else "_FAST"
    listed = ", ".join(f"{v:.4f}" for v in weights)
    text = re.sub(rf"pub const DECISION_WEIGHTS{suffix}: \[f32; FEATURES\] = \[[^\]]*\];",
                  f"pub const DECISION_WEIGHTS{suffix}: [f32; FEATURES] = [{listed}];", text)
    return re.sub(rf"pub const DECISION_BIAS{suffix}: f32 = [^;]*;",
                  f"pub const DECISION_BIAS{suffix}: f32 = {bias:.4f};", text)


def main():
    if "--realdev" not in sys.argv:
        raise SystemExit(__doc__)
    realdev = os.path.abspath(sys.argv[sys.argv.index("--realdev") + 1])
    fast = "--fast" in sys.argv
    sys.path.insert(0, realdev)
    import score  # noqa: E402  (the realdev scorer itself)

    rows = T.labelled_rows(realdev)
    binary = os.path.join(ROOT, "target", "release", "parallax")
    runner = binary
    if fast:
        wrapper = tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False)
        wrapper.write(f'#!/bin/sh\nexec "{binary}" "$@" --fast\n')
        wrapper.close()
        os.chmod(wrapper.name, 0o755)
        runner = wrapper.name
    original = open(PARAMS).read()
    scored = []
    try:
        for story in sorted({T.story(p) for p in rows[1] if p.startswith("realdev/")}):
            text = original
            for tier in ("deep", "fast"):
                text = with_weights(text, tier, *weights_without(story, tier, rows))
            open(PARAMS, "w").write(text)
            subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
            prefix = story.split(":", 1)[1]
            for pair in (p for p in score.PAIRS if p.startswith(prefix)):
                g = score.load(pair)
                predicted, _ = score.p_parallax(pair, g, runner)
                p, r, false, _, _ = score.score(g, predicted, pair)
                found, total = score.CONFLICTS[-1]
                scored.append((pair, p, r, false))
                print(f"cross-validated {pair:52s} P={p:.2f} R={r:.2f} false={false:.2f} "
                      f"conflicts={found}/{total}", flush=True)
    finally:
        open(PARAMS, "w").write(original)
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT)
        if fast:
            os.unlink(runner)
    same = [s for s in scored if s[0] not in score.UNRELATED]
    print(f"cross-validated ({'fast' if fast else 'deep'} tier): mean P={np.mean([s[1] for s in same]):.3f} "
          f"R={np.mean([s[2] for s in same]):.3f} ({len(same)} same-event pairs); "
          f"max false={max(s[3] for s in scored):.2f}; "
          f"conflicts found {sum(a for a, _ in score.CONFLICTS)}/{sum(b for _, b in score.CONFLICTS)}; "
          f"false conflicts {sum(score.FALSE_CONFLICTS)}")


if __name__ == "__main__":
    main()
