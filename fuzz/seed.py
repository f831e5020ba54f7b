#!/usr/bin/env python3
"""Seeds each fuzz target's corpus from our own fixtures and samples (all invented text).

Run from the repository root: python3 fuzz/seed.py. Inputs are named by their content's
SHA-1, as libFuzzer names what it adds, so running it again adds nothing twice.
"""
import hashlib
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def put(target, data):
    folder = ROOT / "fuzz" / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def files(*patterns):
    for pattern in patterns:
        yield from sorted(ROOT.glob(pattern))


# article: the first byte picks the format (0 text, 1 Markdown, 2 web page, 3 feed).
for path in files("tests/fixtures/articles/*", "sample-articles/*"):
    data = path.read_bytes()
    put("article", bytes([0 if path.suffix == ".txt" else 1]) + data)
for path in files("tests/fixtures/web/*.html"):
    put("article", b"\x02" + path.read_bytes())
for path in files("tests/fixtures/web/*.rss", "tests/fixtures/web/*.atom", "tests/fixtures/web/*.json"):
    put("article", b"\x03" + path.read_bytes())

for path in files("tests/fixtures/config/*.toml", "config/*.toml"):
    put("config", path.read_bytes())

for path in files("tests/fixtures/articles/*", "sample-articles/*"):
    put("sentences", path.read_bytes())

# compare: two texts split at a 0xFF byte; pairs of reports of one invented event, cut to
# the length libFuzzer works with.
events = {}
for path in files("tests/fixtures/articles/*", "sample-articles/*"):
    events.setdefault(path.name.split("-")[0], []).append(path.read_bytes()[:1800])
for texts in events.values():
    for a, b in zip(texts, texts[1:]):
        put("compare", a + b"\xff" + b)
