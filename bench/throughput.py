"""Throughput of storyline end to end against spaCy's nlp.pipe alone, on the same texts, in the same run.

    python bench/throughput.py [PATH ...] [--repeat N] [--json]

With no PATH it reads the bundled example corpus, the reference story (../shared/seed/story.txt) and the
GUM Wikinews texts (../shared/data/gum-wikinews/text) when they are there. Both sides run over the same
article texts with the same model and batch size; the best of N repeats is kept for each side. Reports
tokens per second for each, their ratio, the time of each analysis stage as a share of spaCy's time, and
the foundation's own work (reading and splitting, timed apart on the same inputs, and the store), with
what remains unaccounted (the stage loop and timing noise).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from storyline import settings
from storyline.ingest import read_inputs
from storyline.pipeline import RunContext, load_nlp, run_pipeline, split_items
from storyline.store import Store

ROOT = Path(__file__).resolve().parents[1]


def default_paths() -> list[str]:
    paths = [ROOT / "src" / "storyline" / "example" / "corpus", ROOT / ".." / "shared" / "seed" / "story.txt"]
    paths.append(ROOT / ".." / "shared" / "data" / "gum-wikinews" / "text")
    return [str(p) for p in paths if p.exists()]


def time_spacy(nlp, texts: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=settings.BATCH_SIZE))
    return time.perf_counter() - started, tokens


def time_storyline(nlp, paths: list[str]) -> tuple[float, RunContext, int]:
    """Read, split, parse, run the stages and store; the store's time goes into run.seconds["store"]."""
    run = RunContext()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with Store(Path(folder) / "bench.db") as store:
            count = 0
            for analysis in run_pipeline(read_inputs(paths), nlp=nlp, run=run):
                saving = time.perf_counter()
                store.save(analysis)
                run.seconds["store"] = run.seconds.get("store", 0.0) + time.perf_counter() - saving
                count += 1
        elapsed = time.perf_counter() - started
    return elapsed, run, count


def time_reading(paths: list[str]) -> float:
    started = time.perf_counter()
    list(split_items(read_inputs(paths)))
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    paths = args.paths or default_paths()
    texts = [article.text for article in split_items(read_inputs(paths))]
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # warm up: load vectors and caches outside the timed runs

    spacy_runs, story_runs = [], []
    for _ in range(args.repeat):  # interleaved, so a busy moment of the machine hits both sides alike
        spacy_runs.append(time_spacy(nlp, texts))
        story_runs.append(time_storyline(nlp, paths))
    reading_seconds = min(time_reading(paths) for _ in range(args.repeat))
    spacy_seconds, tokens = min(spacy_runs)
    story_seconds, run, articles = min(story_runs, key=lambda r: r[0])

    store_seconds = run.seconds.pop("store", 0.0)
    stage_seconds = dict(sorted(run.seconds.items()))
    # The foundation's own work, timed directly: reading and splitting (timed apart, same inputs) and
    # the store. The residual (end to end minus everything timed) is the loop and measurement noise.
    foundation = reading_seconds + store_seconds
    residual = story_seconds - spacy_seconds - sum(stage_seconds.values()) - foundation
    result = {
        "model": settings.MODEL,
        "articles": articles,
        "tokens": tokens,
        "spacy_seconds": round(spacy_seconds, 3),
        "storyline_seconds": round(story_seconds, 3),
        "spacy_tokens_per_second": round(tokens / spacy_seconds),
        "storyline_tokens_per_second": round(tokens / story_seconds),
        "ratio_storyline_to_spacy_time": round(story_seconds / spacy_seconds, 3),
        "stage_share_of_spacy": {name: round(s / spacy_seconds, 3) for name, s in stage_seconds.items()},
        "foundation_share_of_spacy": {
            "read_and_split": round(reading_seconds / spacy_seconds, 3),
            "store": round(store_seconds / spacy_seconds, 3),
            "total": round(foundation / spacy_seconds, 3),
        },
        "unaccounted_share_of_spacy": round(residual / spacy_seconds, 3),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{articles} articles, {tokens} tokens, model {settings.MODEL}, best of {args.repeat}")
    print(f"spaCy nlp.pipe alone : {spacy_seconds:8.2f} s  {result['spacy_tokens_per_second']:>8} tokens/s")
    print(f"storyline end to end : {story_seconds:8.2f} s  {result['storyline_tokens_per_second']:>8} tokens/s")
    print(f"ratio (time)         : {result['ratio_storyline_to_spacy_time']:.3f} x spaCy")
    for name, share in result["stage_share_of_spacy"].items():
        print(f"  stage {name:<14}: {share:7.1%} of spaCy's time")
    for name, share in result["foundation_share_of_spacy"].items():
        print(f"  foundation {name:<9}: {share:7.1%} of spaCy's time")
    print(f"  unaccounted (loop, noise): {result['unaccounted_share_of_spacy']:7.1%} of spaCy's time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
