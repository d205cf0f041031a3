"""Gold files and synthetic pastes -> split scores: article boundaries (exact, ±1 line) and block kinds.

A gold file (JSON) names its source text relative to the gold file, the 1-based line where each article
starts, and the kind of every non-blank line (the kind of its first block), with a few words as a check.
The synthetic measure pastes GUM Wikinews articles (CC BY 2.5) together in a seeded random order, so the
truth is known by construction and nobody tuned a gold file to the splitter; it is run three ways: with
each article's headline and date line, with the headline only, and with the body only.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

from .. import settings
from ..models import BLOCK_KINDS, RawItem
from ..split import split_item
from ..split.blocks import classify_lines, is_date_line

PACKAGE = Path(__file__).resolve().parents[1]
REPO_GOLD = PACKAGE.parents[1] / "tests" / "gold" / "story-split.json"
EXAMPLE_GOLD = PACKAGE / "example" / "gold"
FLOORS = Path(__file__).resolve().parent / "floors" / "split.json"
SYNTHETIC_SEED = 20260203
SYNTHETIC_PER_PASTE = 4
SYNTHETIC_VARIANTS = ("headline_and_date", "headline_only", "body_only")


def default_gold_files() -> list[Path]:
    files = [REPO_GOLD] if REPO_GOLD.exists() else []
    return files + sorted(EXAMPLE_GOLD.glob("*.split.json"))


def _prf(true_positive: int, found: int, expected: int) -> dict[str, float]:
    precision = true_positive / found if found else (1.0 if not expected else 0.0)
    recall = true_positive / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def match_boundaries(found: list[int], expected: list[int], tolerance: int = 0) -> int:
    """How many found starts match an expected start within `tolerance` lines, one to one."""
    unmatched = sorted(expected)
    hits = 0
    for line in sorted(found):
        best = next((gold for gold in unmatched if abs(gold - line) <= tolerance), None)
        if best is not None:
            unmatched.remove(best)
            hits += 1
    return hits


def score_boundaries(found: list[int], expected: list[int]) -> dict[str, Any]:
    """Exact and ±1 line precision/recall/F1 of article starts (the start of the text excluded)."""
    scores: dict[str, Any] = {"found": len(found), "expected": len(expected)}
    for name, tolerance in (("exact", 0), ("within_1", 1)):
        hits = match_boundaries(found, expected, tolerance)
        scores[name] = _prf(hits, len(found), len(expected)) | {"hits": hits}
    return scores


def score_kinds(found: dict[int, str], expected: dict[int, str]) -> dict[str, Any]:
    """Accuracy over the gold lines and P/R/F1 per block kind."""
    lines = sorted(expected)
    correct = sum(1 for line in lines if found.get(line) == expected[line])
    per_kind = {}
    for kind in BLOCK_KINDS:
        gold_lines = {line for line in lines if expected[line] == kind}
        found_lines = {line for line in lines if found.get(line) == kind}
        if not gold_lines and not found_lines:
            continue
        per_kind[kind] = _prf(len(gold_lines & found_lines), len(found_lines), len(gold_lines)) | {
            "support": len(gold_lines)
        }
    return {"accuracy": round(correct / len(lines), 4) if lines else 1.0, "lines": len(lines), "per_kind": per_kind}


def _line_number(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def evaluate_split(gold_path: Path) -> dict:
    """Scores of the splitter against one gold file; {"skipped": reason} when its source is absent."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    source = (Path(gold_path).parent / gold["source"]).resolve()
    result: dict[str, Any] = {"gold": Path(gold_path).name, "source": str(source)}
    if not source.exists():
        return result | {"skipped": f"source text not found: {source}"}
    text = source.read_text(encoding="utf-8")
    articles = split_item(RawItem(source.name, text, "text"))
    found_starts = [_line_number(text, article.source_span[0]) for article in articles if article.source_span]
    gold_starts = [article["start_line"] for article in gold["articles"]]
    result["starts"] = {"found": found_starts, "gold": gold_starts}
    result["boundaries"] = score_boundaries(found_starts[1:], gold_starts[1:])
    found_kinds = {line.index + 1: line.kind for line in classify_lines(text)}
    expected_kinds = {line: kind for line, kind, *_ in gold["lines"]}
    result["blocks"] = score_kinds(found_kinds, expected_kinds)
    result["dates"] = _score_dates(articles, gold["articles"], text)
    return result


def _score_dates(articles: list, gold_articles: list[dict], text: str) -> dict[str, Any]:
    """Publication dates of the gold articles that carry one, matched by start line."""
    by_start = {_line_number(text, article.source_span[0]): article for article in articles if article.source_span}
    dated = [article for article in gold_articles if article.get("published")]
    correct = sum(
        1 for article in dated if by_start.get(article["start_line"]) is not None
        and by_start[article["start_line"]].published.value == article["published"]
    )
    return {"correct": correct, "gold": len(dated)}


def gum_articles(data_dir: Path | None = None) -> list[tuple[str, list[str]]]:
    """The GUM Wikinews texts as (name, lines): line 1 the title, line 2 usually the date line."""
    folder = (data_dir or settings.DATA_DIR) / "gum-wikinews" / "text"
    if not folder.is_dir():
        return []
    return [
        (path.stem, [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])
        for path in sorted(folder.glob("*.txt"))
    ]


def _variant_lines(lines: list[str], variant: str) -> list[str]:
    if variant == "headline_and_date":
        return lines
    body = lines[1:]
    if body and is_date_line(body[0]):
        body = body[1:]
    return ([lines[0]] + body) if variant == "headline_only" else body


def build_pastes(
    articles: list[tuple[str, list[str]]], variant: str, seed: int = SYNTHETIC_SEED
) -> list[tuple[str, list[int]]]:
    """Seeded pastes of SYNTHETIC_PER_PASTE articles each: (text, 1-based start lines of the articles)."""
    order = list(articles)
    random.Random(seed).shuffle(order)
    pastes = []
    for begin in range(0, len(order), SYNTHETIC_PER_PASTE):
        group = order[begin:begin + SYNTHETIC_PER_PASTE]
        if len(group) < 2:
            continue
        lines: list[str] = []
        starts = []
        for _, article_lines in group:
            starts.append(len(lines) + 1)
            lines.extend(_variant_lines(article_lines, variant))
        pastes.append(("\n".join(lines) + "\n", starts))
    return pastes


def evaluate_synthetic(data_dir: Path | None = None, seed: int = SYNTHETIC_SEED) -> dict[str, Any]:
    """Boundary scores on GUM pastes, per variant; {"skipped": reason} without the data."""
    articles = gum_articles(data_dir)
    if not articles:
        return {"skipped": f"GUM Wikinews texts not found under {(data_dir or settings.DATA_DIR)}"}
    results: dict[str, Any] = {"articles": len(articles), "seed": seed}
    for variant in SYNTHETIC_VARIANTS:
        found_all: list[int] = []
        gold_all: list[int] = []
        for number, (text, starts) in enumerate(build_pastes(articles, variant, seed)):
            found = [_line_number(text, article.source_span[0]) for article in split_item(RawItem("paste", text, "text"))]
            # Lines of different pastes must not match each other: offset them apart.
            found_all += [number * 100_000 + line for line in found[1:]]
            gold_all += [number * 100_000 + line for line in starts[1:]]
        results[variant] = score_boundaries(found_all, gold_all)
    return results


# GUM paragraph types (CoNLL-U "# newpar_block") -> block kinds; date lines are not annotated there.
_GUM_KINDS = {"head": "heading", "figure": "caption", "caption": "caption"}


def gum_line_kinds(data_dir: Path | None = None) -> list[tuple[str, list[str], list[str]]]:
    """(name, lines, gold kinds) for each GUM text whose paragraphs line up with its lines."""
    folder = (data_dir or settings.DATA_DIR) / "gum-wikinews"
    documents = []
    for name, lines in gum_articles(data_dir):
        conllu = folder / "conllu" / f"{name}.conllu"
        if not conllu.exists():
            continue
        kinds = []
        for row in conllu.read_text(encoding="utf-8").splitlines():
            if row.startswith("# newpar_block = "):
                value = row.removeprefix("# newpar_block = ")
                first = value.split()[0]
                kind = "caption" if "caption" in value.split("|")[-1] else _GUM_KINDS.get(first, "body")
                kinds.append(kind)
        if len(kinds) == len(lines):
            documents.append((name, lines, kinds))
    return documents


def evaluate_gum_blocks(data_dir: Path | None = None) -> dict[str, Any]:
    """Line kinds against GUM's own paragraph types (heading, caption, body); date lines left out."""
    documents = gum_line_kinds(data_dir)
    if not documents:
        return {"skipped": f"GUM Wikinews CoNLL-U not found under {(data_dir or settings.DATA_DIR)}"}
    found: dict[int, str] = {}
    expected: dict[int, str] = {}
    for number, (_, lines, kinds) in enumerate(documents):
        text = "\n".join(lines)
        for line in classify_lines(text):
            if is_date_line(line.text):
                continue
            key = number * 100_000 + line.index
            found[key] = "body" if line.kind in ("dateline", "byline") else line.kind
            expected[key] = kinds[line.index]
    return {"documents": len(documents)} | score_kinds(found, expected)


def evaluate_single_articles(data_dir: Path | None = None) -> dict[str, Any]:
    """Precision where it hurts most: each GUM text alone is one article; every cut is a false boundary."""
    articles = gum_articles(data_dir)
    if not articles:
        return {"skipped": f"GUM Wikinews texts not found under {(data_dir or settings.DATA_DIR)}"}
    cuts = [len(split_item(RawItem(name, "\n".join(lines) + "\n", "text"))) - 1 for name, lines in articles]
    return {
        "texts": len(articles),
        "texts_cut": sum(1 for cut in cuts if cut),
        "false_boundaries": sum(cuts),
        "uncut_rate": round(sum(1 for cut in cuts if not cut) / len(cuts), 4),
    }


def collect_scores(gold: list[Path] | None = None) -> dict[str, Any]:
    files = gold or default_gold_files()
    return {
        "gold": {Path(path).name: evaluate_split(Path(path)) for path in files},
        "synthetic": evaluate_synthetic(),
        "gum_blocks": evaluate_gum_blocks(),
        "single_articles": evaluate_single_articles(),
    }


def flat_scores(scores: dict[str, Any]) -> dict[str, float]:
    """The headline figures under dotted names, as the floors file records them."""
    flat: dict[str, float] = {}
    for name, result in scores["gold"].items():
        if "skipped" in result:
            continue
        flat[f"{name}.boundary_f1"] = result["boundaries"]["exact"]["f1"]
        flat[f"{name}.boundary_f1_within_1"] = result["boundaries"]["within_1"]["f1"]
        flat[f"{name}.block_accuracy"] = result["blocks"]["accuracy"]
    gum = scores.get("gum_blocks", {})
    if "accuracy" in gum:
        flat["gum_blocks.accuracy"] = gum["accuracy"]
        for kind in ("heading", "caption"):
            if kind in gum["per_kind"]:
                flat[f"gum_blocks.{kind}_f1"] = gum["per_kind"][kind]["f1"]
    single = scores.get("single_articles", {})
    if "uncut_rate" in single:
        flat["single_articles.uncut_rate"] = single["uncut_rate"]
    synthetic = scores["synthetic"]
    for variant in SYNTHETIC_VARIANTS:
        if variant in synthetic:
            flat[f"synthetic.{variant}.boundary_f1"] = synthetic[variant]["exact"]["f1"]
            flat[f"synthetic.{variant}.boundary_f1_within_1"] = synthetic[variant]["within_1"]["f1"]
    return flat


def check_floors(flat: dict[str, float], floors_path: Path = FLOORS) -> list[str]:
    """The scores that fell below their recorded floor (scores not measured here are not checked)."""
    if not floors_path.exists():
        return []
    floors = json.loads(floors_path.read_text(encoding="utf-8"))["floors"]
    return [
        f"{name}: {flat[name]:.4f} < floor {floor:.4f}" for name, floor in floors.items()
        if name in flat and flat[name] < floor
    ]


def _print_table(scores: dict[str, Any]) -> None:
    out = sys.stdout
    for name, result in scores["gold"].items():
        if "skipped" in result:
            out.write(f"{name}: skipped ({result['skipped']})\n")
            continue
        exact, near = result["boundaries"]["exact"], result["boundaries"]["within_1"]
        out.write(
            f"{name}: starts found {result['starts']['found']} gold {result['starts']['gold']}\n"
            f"  boundaries exact P {exact['precision']:.3f} R {exact['recall']:.3f} F1 {exact['f1']:.3f}"
            f" | within 1 line P {near['precision']:.3f} R {near['recall']:.3f} F1 {near['f1']:.3f}\n"
            f"  block kinds accuracy {result['blocks']['accuracy']:.3f} over {result['blocks']['lines']} lines;"
            f" dates {result['dates']['correct']}/{result['dates']['gold']}\n"
        )
        for kind, prf in result["blocks"]["per_kind"].items():
            out.write(
                f"    {kind:<12} P {prf['precision']:.3f} R {prf['recall']:.3f} F1 {prf['f1']:.3f}"
                f" (n={prf['support']})\n"
            )
    gum = scores["gum_blocks"]
    if "skipped" in gum:
        out.write(f"GUM line kinds: skipped ({gum['skipped']})\n")
    else:
        out.write(
            f"GUM line kinds against GUM's paragraph types ({gum['documents']} texts, {gum['lines']} lines):"
            f" accuracy {gum['accuracy']:.3f}\n"
        )
        for kind, prf in gum["per_kind"].items():
            out.write(
                f"    {kind:<12} P {prf['precision']:.3f} R {prf['recall']:.3f} F1 {prf['f1']:.3f}"
                f" (n={prf['support']})\n"
            )
    single = scores["single_articles"]
    if "skipped" not in single:
        out.write(
            f"GUM texts alone (each one article): {single['texts'] - single['texts_cut']}/{single['texts']} left whole,"
            f" {single['false_boundaries']} false boundaries\n"
        )
    synthetic = scores["synthetic"]
    if "skipped" in synthetic:
        out.write(f"synthetic GUM pastes: skipped ({synthetic['skipped']})\n")
        return
    out.write(
        f"synthetic GUM pastes ({synthetic['articles']} articles, {SYNTHETIC_PER_PASTE} per paste,"
        f" seed {synthetic['seed']}):\n"
    )
    for variant in SYNTHETIC_VARIANTS:
        exact, near = synthetic[variant]["exact"], synthetic[variant]["within_1"]
        out.write(
            f"  {variant:<18} exact P {exact['precision']:.3f} R {exact['recall']:.3f} F1 {exact['f1']:.3f}"
            f" | within 1 P {near['precision']:.3f} R {near['recall']:.3f} F1 {near['f1']:.3f}"
            f" ({synthetic[variant]['expected']} boundaries)\n"
        )


def main(gold: list[Path] | None, as_json: bool) -> int:
    """Print the split scores; exit status 1 when a score fell below its floor."""
    scores = collect_scores(gold)
    below = check_floors(flat_scores(scores))
    if as_json:
        print(json.dumps(scores | {"below_floor": below}, indent=2, ensure_ascii=False))
    else:
        _print_table(scores)
        for line in below:
            print(f"BELOW FLOOR {line}")
    return 1 if below else 0
