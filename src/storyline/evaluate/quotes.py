"""`storyline eval quotes`: the quote stage scored on PolNeAR dev beside textacy, and run on the reference story.

Spans are compared on their letters and digits only, so quotation marks, the comma before "he said"
and surrounding spaces never decide a match. exact = the same letters; overlap = at least one letter in
common (pairs matched one to one, largest overlap first). A predicted attribution is the union of the
quotes that share one cue (a quote split by its attribution, a partial quote inside its reported
clause), as PolNeAR annotates it. Source is right when the speaker mention overlaps the gold source
(or both are absent).

Beside these, the same run reports span metrics as Citron defines them (cue, source and content spans
exact and word overlap, whole quotes exact), the quantities of Citron's published figures: see `quote_spans`.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..models import Article, Block, Published, Quote
from .polnear import GoldAttribution, GoldDocument, load_polnear
from .quote_spans import CITRON_PARC3, SpanTally

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    content: Spans
    cue: Spans
    source: Spans


def letters(text: str, spans: Spans) -> frozenset[int]:
    return frozenset(i for start, end in spans for i in range(start, end) if text[i].isalnum())


def match_pairs(
    text: str, predicted: Sequence[Attribution], gold: Sequence[Attribution]
) -> list[tuple[int, int, bool]]:
    """One-to-one (predicted index, gold index, exact) pairs of overlapping contents, largest overlap first."""
    pred_letters = [letters(text, p.content) for p in predicted]
    gold_letters = [letters(text, g.content) for g in gold]
    candidates = []
    for i, p in enumerate(pred_letters):
        for j, g in enumerate(gold_letters):
            common = len(p & g)
            if common:
                candidates.append((common, i, j))
    pairs, used_p, used_g = [], set(), set()
    for _, i, j in sorted(candidates, reverse=True):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j, pred_letters[i] == gold_letters[j]))
    return pairs


def source_right(text: str, predicted: Attribution, gold: Attribution) -> bool:
    if not gold.source or not predicted.source:
        return not gold.source and not predicted.source
    return bool(letters(text, predicted.source) & letters(text, gold.source))


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    exact: int = 0
    overlap: int = 0
    source: int = 0
    cue_predicted: int = 0
    cue_gold: int = 0
    cue_matched: int = 0

    def add(self, text: str, predicted: Sequence[Attribution], gold: Sequence[Attribution]) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        for i, j, exact in match_pairs(text, predicted, gold):
            self.overlap += 1
            self.exact += exact
            self.source += source_right(text, predicted[i], gold[j])
        predicted_cues = [Attribution(p.cue, (), ()) for p in predicted if p.cue]
        gold_cues = [Attribution(g.cue, (), ()) for g in gold if g.cue]
        self.cue_predicted += len(predicted_cues)
        self.cue_gold += len(gold_cues)
        self.cue_matched += len(match_pairs(text, predicted_cues, gold_cues))

    def scores(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            **_prf("exact", self.exact, self.predicted, self.gold),
            **_prf("overlap", self.overlap, self.predicted, self.gold),
            **_prf("source", self.source, self.predicted, self.gold),
            "source_accuracy": round(self.source / self.overlap, 3) if self.overlap else 0.0,
            **_prf("cue", self.cue_matched, self.cue_predicted, self.cue_gold),
        }


def _prf(name: str, hits: int, predicted: int, gold: int) -> dict[str, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f"{name}_p": round(precision, 3), f"{name}_r": round(recall, 3), f"{name}_f1": round(f1, 3)}


def group_quotes(quotes: Iterable[Quote], kinds: frozenset[str]) -> list[Attribution]:
    """Quotes sharing a cue are one attribution (the union of their spans); cue-less quotes stand alone."""
    groups: dict[object, list[Quote]] = {}
    for number, quote in enumerate(quotes):
        if quote.kind not in kinds:
            continue
        key = (quote.cue.start, quote.cue.end) if quote.cue else number
        groups.setdefault(key, []).append(quote)
    found = []
    for members in groups.values():
        first = members[0]
        mention = first.speaker.mention
        found.append(
            Attribution(
                tuple((q.start, q.end) for q in members),
                ((first.cue.start, first.cue.end),) if first.cue else (),
                (mention,) if mention else (),
            )
        )
    return found


def gold_attributions(gold: Iterable[GoldAttribution], kinds: frozenset[str]) -> list[Attribution]:
    return [Attribution(g.content, g.cue, g.source) for g in gold if g.kind in kinds]


def polnear_article(document: GoldDocument) -> Article:
    """The text as one article: its first line is the headline, every other line body."""
    text = document.text
    blocks = []
    position = 0
    for number, line in enumerate(text.split("\n")):
        if line.strip():
            blocks.append(Block(position, position + len(line), "heading" if not blocks else "body"))
        position += len(line) + 1
        del number
    return Article(document.name, document.name, None, None, Published(), text, tuple(blocks))


def textacy_attributions(doc: object) -> list[Attribution]:
    from textacy.extract.triples import direct_quotations

    found = []
    for triple in direct_quotations(doc):
        speaker = [(t.idx, t.idx + len(t.text)) for t in triple.speaker]
        cue = [(t.idx, t.idx + len(t.text)) for t in triple.cue]
        source = ((min(s for s, _ in speaker), max(e for _, e in speaker)),) if speaker else ()
        found.append(
            Attribution(((triple.content.start_char, triple.content.end_char),), tuple(cue[:1]), source)
        )
    return found


DIRECT = frozenset({"direct"})
ALL_GOLD = frozenset({"direct", "mixed", "indirect"})
ALL_PREDICTED = frozenset({"direct", "partial", "mixed", "indirect"})


def evaluate_polnear(folder: Path, limit: int | None) -> dict[str, object]:
    """Score the quote stage and textacy on the same parsed PolNeAR documents; time both against the parse."""
    from ..pipeline import load_nlp
    from ..stages.entities import find_entities
    from ..stages.quotes import extract_quotes

    documents = load_polnear(folder, limit)
    nlp = load_nlp()
    started = time.perf_counter()
    docs = list(nlp.pipe(d.text for d in documents))
    parse_seconds = time.perf_counter() - started
    tallies = {
        name: Tally() for name in ("storyline_direct", "storyline_all", "textacy_direct", "textacy_all")
    }
    span_tallies = {name: SpanTally() for name in tallies}
    kinds: Counter[str] = Counter()
    stage_seconds = 0.0
    textacy_errors = 0
    for document, doc in zip(documents, docs, strict=True):
        article = polnear_article(document)
        entities = find_entities(article, doc)
        started = time.perf_counter()
        quotes = extract_quotes(doc, article.blocks, entities)
        stage_seconds += time.perf_counter() - started
        kinds.update(q.kind for q in quotes)
        try:
            theirs = textacy_attributions(doc)
        except Exception:  # textacy raises on unbalanced quotation marks; counted, not fatal
            textacy_errors += 1
            theirs = []
        gold_direct = gold_attributions(document.attributions, DIRECT)
        gold_all = gold_attributions(document.attributions, ALL_GOLD)
        pairs = {
            "storyline_direct": (group_quotes(quotes, DIRECT), gold_direct),
            "storyline_all": (group_quotes(quotes, ALL_PREDICTED), gold_all),
            "textacy_direct": (theirs, gold_direct),
            "textacy_all": (theirs, gold_all),
        }
        for name, (predicted, gold) in pairs.items():
            tallies[name].add(document.text, predicted, gold)
            span_tallies[name].add(document.text, predicted, gold)
    return {
        "documents": len(documents),
        "scores": {name: tally.scores() for name, tally in tallies.items()},
        "span_scores": {name: tally.scores() for name, tally in span_tallies.items()},
        "textacy_errors": textacy_errors,
        "predicted_kinds": dict(kinds),
        "parse_seconds": round(parse_seconds, 2),
        "stage_seconds": round(stage_seconds, 3),
        "stage_share_of_parse": round(stage_seconds / parse_seconds, 3) if parse_seconds else None,
    }


def evaluate_story(path: Path) -> dict[str, object]:
    """The reference story run as the pipeline runs it (split, entities, quotes): quotes of each kind,
    direct and partial quotes with a named speaker (and how many through a pronoun or a description),
    claims taken from an article's headline, quotes outside body blocks and the headline (must be none:
    no section heading, caption or boilerplate is anyone's speech), and textacy's direct quotes on the
    same parsed articles."""
    from ..models import RawItem
    from ..pipeline import analyze_articles, load_nlp
    from ..split import split_item
    from ..stages import entities, quotes
    from ..stages.quotes.headlines import find_headline

    articles = split_item(RawItem(source=str(path), text=path.read_text(encoding="utf-8"), format="text"))
    found: list[tuple[str, Quote]] = []
    outside_body, in_headline = 0, 0
    for analysis in analyze_articles(articles, stages=[entities.STAGE, quotes.STAGE]):
        text = analysis.article.text
        body = [(b.start, b.end) for b in analysis.article.blocks if b.kind == "body"]
        headline = find_headline(analysis.article.blocks)
        for quote in analysis.quotes:
            found.append((text, quote))
            if headline and headline[0] <= quote.start and quote.end <= headline[1]:
                in_headline += 1
            else:
                outside_body += not any(start <= quote.start and quote.end <= end for start, end in body)
    attributed = [(t, q) for t, q in found if q.kind in ("direct", "partial")]
    named = [(t, q) for t, q in attributed if q.speaker.name]
    indirectly = [
        (t, q) for t, q in named if q.speaker.mention and t[slice(*q.speaker.mention)][:1].islower()
    ]
    nlp = load_nlp()
    textacy_found, textacy_errors = 0, 0
    for article in articles:
        try:
            textacy_found += len(textacy_attributions(nlp(article.text)))
        except Exception:  # textacy raises on unbalanced quotation marks; counted, not fatal
            textacy_errors += 1
    return {
        "articles": len(articles),
        "quotes": len(found),
        "kinds": dict(Counter(q.kind for _, q in found)),
        "direct_and_partial_with_named_speaker": f"{len(named)}/{len(attributed)}",
        "named_through_pronoun_or_description": len(indirectly),
        "headline_claims": in_headline,
        "quotes_outside_body_blocks_and_headline": outside_body,
        "textacy_direct_quotes": textacy_found,
        "textacy_errors": textacy_errors,
    }


ROWS = ("storyline_direct", "textacy_direct", "storyline_all", "textacy_all")
COLUMNS = (
    "gold",
    "predicted",
    "exact_f1",
    "overlap_p",
    "overlap_r",
    "overlap_f1",
    "source_accuracy",
    "source_f1",
    "cue_f1",
)

SPAN_COLUMNS = (
    "cue_exact_f1",
    "cue_overlap_f1",
    "source_exact_f1",
    "source_overlap_f1",
    "content_exact_f1",
    "content_overlap_p",
    "content_overlap_r",
    "content_overlap_f1",
    "quote_exact_f1",
)


def print_rows(scores: dict[str, dict[str, object]], columns: Sequence[str], width: int) -> None:
    print(f"{'':18}" + "".join(f"{column:>{width}}" for column in columns))
    for row in ROWS:
        print(f"{row:18}" + "".join(f"{scores[row][column]:>{width}}" for column in columns))


def print_table(result: dict[str, object]) -> None:
    polnear = result["polnear"]
    print(f"PolNeAR dev, {polnear['documents']} documents: attributions paired one to one by content")  # type: ignore[index]
    print_rows(polnear["scores"], COLUMNS, 16)  # type: ignore[index]
    print()
    print("span metrics, Citron's definitions (word tokens; see storyline.evaluate.quote_spans)")
    print_rows(polnear["span_scores"], SPAN_COLUMNS, 19)  # type: ignore[index]
    print(
        "Citron en_2021-11-15 on PARC 3.0 test (published; other data): "
        + ", ".join(f"{name} {value}" for name, value in CITRON_PARC3.items())
    )
    print()
    print(f"textacy errors (documents): {polnear['textacy_errors']}")  # type: ignore[index]
    print(f"predicted kinds: {polnear['predicted_kinds']}")  # type: ignore[index]
    print(
        f"throughput: spaCy parse {polnear['parse_seconds']}s, quote stage {polnear['stage_seconds']}s "  # type: ignore[index]
        f"= {polnear['stage_share_of_parse']:.1%} of the parse"  # type: ignore[index]
    )
    if result.get("story"):
        print(f"reference story: {result['story']}")


def main(data_dir: Path | None, limit: int | None, as_json: bool) -> int:
    from .. import settings

    data_dir = data_dir or settings.DATA_DIR
    result: dict[str, object] = {"polnear": evaluate_polnear(data_dir / "polnear", limit)}
    story = data_dir.parent / "seed" / "story.txt"
    result["story"] = evaluate_story(story) if story.exists() else None
    if as_json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(None, int(sys.argv[1]) if len(sys.argv) > 1 else None, "--json" in sys.argv))
