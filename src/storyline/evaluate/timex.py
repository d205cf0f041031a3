"""TimeBank (TempEval-3) + the reference story -> timex recognition and normalization scores beside dateparser's.

TimeBank is read in place from ../shared/data/timebank (internal evaluation only; no text is copied). Scoring
follows TempEval-3: the document creation time is given; strict (exact) and relaxed (overlapping) span
precision/recall/F1; value and type accuracy on relaxed matches; value F1 where a true positive needs both a
match and the right value. dateparser's `search_dates` (RELATIVE_BASE = the creation time) is scored in the same
run, and the throughput of the timex stage is timed against spaCy's parse of the same documents.
"""

from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .. import settings

STORY = Path(__file__).resolve().parents[3] / ".." / "shared" / "seed" / "story.txt"
FLOORS = Path(__file__).parent / "floors" / "timex.json"
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True)
class GoldDocument:
    name: str
    dct: str
    text: str
    timexes: tuple[Mention, ...]


@dataclass
class Score:
    """Counts for one system; the figures are computed from them."""

    gold: int = 0
    found: int = 0
    strict: int = 0
    relaxed: int = 0
    value_right: int = 0
    type_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, gold: Sequence[Mention], found: Sequence[Mention], text: str) -> None:
        self.gold += len(gold)
        self.found += len(found)
        used: set[int] = set()
        for mention in gold:
            match = next((i for i, item in enumerate(found) if i not in used and item.start < mention.end
                          and mention.start < item.end), None)
            if match is None:
                self.misses.append(f"miss {text[mention.start:mention.end]!r} {mention.value}")
                continue
            used.add(match)
            item = found[match]
            self.relaxed += 1
            self.strict += (item.start, item.end) == (mention.start, mention.end)
            self.type_right += item.type == mention.type
            if item.value == mention.value:
                self.value_right += 1
            else:
                self.misses.append(f"value {text[item.start:item.end]!r} {item.value} != {mention.value}")

    def figures(self) -> dict[str, float | int]:
        def f1(hits: int) -> tuple[float, float, float]:
            precision = hits / self.found if self.found else 0.0
            recall = hits / self.gold if self.gold else 0.0
            return precision, recall, (2 * precision * recall / (precision + recall) if hits else 0.0)

        strict, relaxed, value = f1(self.strict), f1(self.relaxed), f1(self.value_right)
        return {
            "gold": self.gold, "found": self.found,
            "strict_p": strict[0], "strict_r": strict[1], "strict_f1": strict[2],
            "relaxed_p": relaxed[0], "relaxed_r": relaxed[1], "relaxed_f1": relaxed[2],
            "value_accuracy": self.value_right / self.relaxed if self.relaxed else 0.0,
            "value_f1": value[2],
            "type_accuracy": self.type_right / self.relaxed if self.relaxed else 0.0,
        }


def read_tml(path: Path) -> GoldDocument:
    """One TimeML file -> its plain text (tags removed, entities decoded) and its TIMEX3 spans (DCT excluded)."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    source = body.group(1) if body else ""
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes = []
    position = 0
    for tag in _TAG.finditer(source):
        chunk = html.unescape(source[position:tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):
            if open_timex is not None:
                attributes = open_timex[1]
                timexes.append(Mention(open_timex[0], length, attributes.get("type", "DATE"), attributes.get("value")))
            open_timex = None
        else:
            open_timex = (length, dict(_ATTRIBUTE.findall(tag.group(3))))
    parts.append(html.unescape(source[position:]))
    dct = (dct_match.group(1) if dct_match else "")[:10]
    return GoldDocument(path.stem, dct, "".join(parts), tuple(timexes))


def read_timebank(folder: Path, limit: int | None = None) -> list[GoldDocument]:
    paths = sorted(folder.glob("*.tml"))
    return [read_tml(path) for path in paths[:limit] if path.is_file()]


def search_dateparser(text: str, dct: str) -> list[Mention]:
    """dateparser's `search_dates` as a timex tagger: each found substring located in order, its date the value."""
    from dateparser.search import search_dates

    try:
        base = datetime.fromisoformat(dct)
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    except Exception:  # dateparser raising on a document counts as finding nothing there
        return []
    mentions = []
    position = 0
    for substring, moment in found:
        start = text.find(substring, position)
        if start < 0:
            continue
        position = start + len(substring)
        mentions.append(Mention(start, position, "DATE", moment.date().isoformat()))
    return mentions


def evaluate_timebank(documents: Iterable[GoldDocument], with_dateparser: bool = True) -> dict:
    from ..pipeline import load_nlp
    from ..stages.timexes import resolve_timexes

    documents = list(documents)
    nlp = load_nlp()
    ours, baseline = Score(), Score()
    parse_seconds = stage_seconds = baseline_seconds = 0.0
    started = time.perf_counter()
    docs = list(nlp.pipe(document.text for document in documents))
    parse_seconds = time.perf_counter() - started
    for document, doc in zip(documents, docs, strict=True):
        started = time.perf_counter()
        found = resolve_timexes(doc, document.dct)
        stage_seconds += time.perf_counter() - started
        ours.add(document.timexes, [Mention(f.timex.start, f.timex.end, f.timex.type, f.timex.value)
                                    for f in found], document.text)
        if with_dateparser:
            started = time.perf_counter()
            baseline.add(document.timexes, search_dateparser(document.text, document.dct), document.text)
            baseline_seconds += time.perf_counter() - started
    return {
        "documents": len(documents),
        "storyline": ours.figures(),
        "dateparser": baseline.figures() if with_dateparser else None,
        "seconds": {"spacy_parse": parse_seconds, "timex_stage": stage_seconds, "dateparser": baseline_seconds},
        "stage_share_of_parse": stage_seconds / parse_seconds if parse_seconds else 0.0,
        "misses": ours.misses,
    }


# The reference story's checks: general expectations (a weekday resolved against its own article, months
# without a year, the traps) read against the one text the project started from.
STORY_EXPECTED: tuple[tuple[str, str, str], ...] = (
    ("But on Tuesday, Trump welcomed", "Tuesday", "2026-02-03"),
    ("sanctioned Petro in October", "October", "2025-10"),
    ("from power on January 3", "January 3", "2026-01-03"),
    ("presidential election in May", "May", "2026-05"),
    ("On January 7, the two", "January 7", "2026-01-07"),
    ("a turning point last month", "last month", "2026-01"),
    ("expected to meet Tuesday", "Tuesday", "2026-02-03"),
    ("In November, Petro announced", "November", "2025-11"),
    ("in March 1990. The following month", "The following month", "1990-04"),
    ("on October 24, 202", "October 24, 202", "XXXX-10-24"),
)
STORY_TRAPS = (r"M-19", r"Bolivar 83", r"\d+%", r"\b\d+(?:st|nd|rd|th) session", r"\bmay\b", r"\bwe\b",
               r"\bWe\b", r"\d+ tons", r"6-by-12")


def evaluate_story(path: Path = STORY) -> dict:
    """Split the reference story, run the timex stage on each article, check the expectations and traps."""
    from ..models import RawItem
    from ..pipeline import analyze_articles, split_items
    from ..stages.timexes import STAGE

    items = [RawItem(source=str(path), text=path.read_text(encoding="utf-8"), format="text")]
    analyses = list(analyze_articles(split_items(items), stages=[STAGE]))
    checks = []
    for context, expression, expected in STORY_EXPECTED:
        got = None
        for analysis in analyses:
            where = analysis.article.text.find(context)
            if where < 0:
                continue
            got = next((t.value for t in analysis.timexes if where <= t.start < where + len(context)
                        and t.text.endswith(expression)), "not found")
        checks.append({"context": context, "expected": expected, "got": got, "ok": got == expected})
    fired = [t.text for analysis in analyses for t in analysis.timexes
             if any(re.search(trap, t.text) for trap in STORY_TRAPS)]
    baseline = [m for analysis in analyses if analysis.article.published.value
                for m in _story_dateparser(analysis.article.text, analysis.article.published.value)]
    return {
        "articles": len(analyses),
        "published": [a.article.published.value for a in analyses],
        "timexes": sum(len(a.timexes) for a in analyses),
        "checks": checks,
        "traps_fired": fired,
        "dateparser_traps_fired": [text for text in baseline if any(re.search(trap, text) for trap in STORY_TRAPS)],
    }


def _story_dateparser(text: str, published: str) -> list[str]:
    return [text[m.start:m.end] for m in search_dateparser(text, published)]


def check_floors(result: dict, floors: dict | None = None) -> list[str]:
    """The figures that fell below their floor (or a stage share above its ceiling), as readable lines."""
    floors = floors or json.loads(FLOORS.read_text(encoding="utf-8"))
    failures = []
    timebank = result.get("timebank")
    if timebank:
        for name, floor in floors["floors"].items():
            if timebank["storyline"][name] < floor:
                failures.append(f"{name} {timebank['storyline'][name]:.3f} < floor {floor}")
        ceiling = floors["stage_share_of_parse_max"]
        if timebank["stage_share_of_parse"] > ceiling:
            failures.append(f"stage share of parse {timebank['stage_share_of_parse']:.3f} > {ceiling}")
    story = result.get("story")
    if story:
        failures += [f"story: {c['context']!r} gave {c['got']}, expected {c['expected']}"
                     for c in story["checks"] if not c["ok"]]
        failures += [f"story: false date {text!r}" for text in story["traps_fired"]]
    return failures


def print_report(result: dict, echo: Callable[[str], None] = print) -> None:
    timebank = result.get("timebank")
    if timebank:
        echo(f"TimeBank: {timebank['documents']} documents, {timebank['storyline']['gold']} gold timexes")
        names = ("strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "value_accuracy",
                 "value_f1", "type_accuracy")
        echo(f"{'figure':16} {'storyline':>10} {'dateparser':>11}")
        for name in names:
            theirs = timebank["dateparser"][name] if timebank["dateparser"] else float("nan")
            echo(f"{name:16} {timebank['storyline'][name]:10.3f} {theirs:11.3f}")
        seconds = timebank["seconds"]
        echo(f"time: spaCy parse {seconds['spacy_parse']:.2f}s, timex stage {seconds['timex_stage']:.2f}s "
             f"({100 * timebank['stage_share_of_parse']:.1f}% of parse), dateparser {seconds['dateparser']:.2f}s")
    story = result.get("story")
    if story:
        passed = sum(check["ok"] for check in story["checks"])
        echo(f"Reference story: {story['articles']} articles (published {story['published']}), "
             f"{story['timexes']} timexes, checks {passed}/{len(story['checks'])}, traps fired: {story['traps_fired']}")
        traps = story["dateparser_traps_fired"]
        echo(f"  dateparser on the same articles: {len(traps)} false dates, e.g. {sorted(set(traps))[:8]}")
        for check in story["checks"]:
            echo(f"  {'ok ' if check['ok'] else 'BAD'} {check['context']!r}: {check['got']} (expected {check['expected']})")


def main(data_dir: Path | None, limit: int | None, as_json: bool, with_dateparser: bool = True) -> int:
    folder = (data_dir or settings.DATA_DIR) / "timebank"
    result: dict = {}
    if folder.is_dir():
        result["timebank"] = evaluate_timebank(read_timebank(folder, limit), with_dateparser)
    else:
        print(f"no TimeBank folder at {folder}: skipped")
    if STORY.is_file():
        result["story"] = evaluate_story()
    if as_json:
        print(json.dumps({key: value for key, value in result.items()}, indent=2, default=str))
    else:
        print_report(result)
    return 0
