"""Expression + Context -> Resolution: TIMEX3 type and value, with the resolver that decided and why.

Resolvers are tried in order (the way dateparser tries its parsers); the first that fits decides. A value
that needs the publication date is left underspecified (XXXX-10, XXXX-WXX-2) or None when it is unknown;
a value is never completed from today's date or from a guess.
"""

from __future__ import annotations

from collections.abc import Callable

from . import periods, resolvers
from .calendar import VALUE_SHAPE
from .context import Context, Resolution, clean_expression

Resolver = Callable[[str, Context], "Resolution | None"]

# Order matters where two resolvers could read the same words: the truncated date must win over the month and
# day, clock times over the date they sit on, "the following year" over the duration reading of "year".
RESOLVERS: tuple[tuple[str, Resolver], ...] = (
    ("truncated", resolvers.resolve_truncated),
    ("numeric_date", resolvers.resolve_numeric_date),
    ("month_day", resolvers.resolve_month_day),
    ("month", resolvers.resolve_month),
    ("weekday", resolvers.resolve_weekday),
    ("deictic", resolvers.resolve_deictic),
    ("part_of_day", resolvers.resolve_part_of_day),
    ("clock", resolvers.resolve_clock),
    ("relative_unit", resolvers.resolve_relative_unit),
    ("edge_of_unit", periods.resolve_edge_of_unit),
    ("anaphoric", resolvers.resolve_anaphoric),
    ("ago", resolvers.resolve_ago),
    ("year", periods.resolve_year),
    ("year_quarter", periods.resolve_year_quarter),
    ("year_words", periods.resolve_year_words),
    ("the_unit", periods.resolve_the_unit),
    ("year_end", periods.resolve_year_end),
    ("quarter", periods.resolve_quarter),
    ("year_ago_period", periods.resolve_year_ago_period),
    ("decade", periods.resolve_decade),
    ("century", periods.resolve_century),
    ("season", periods.resolve_season),
    ("set", periods.resolve_set),
    ("into", periods.resolve_into),
    ("duration", periods.resolve_duration),
    ("vague_units", periods.resolve_vague_units),
    ("ahead", periods.resolve_ahead),
)


def normalize_timex(text: str, context: Context | None = None) -> Resolution:
    """The TIMEX3 reading of one expression; never raises, and any value it gives has the TIMEX3 shape."""
    context = context or Context()
    expr = clean_expression(text)
    for name, resolve in RESOLVERS:
        try:
            found = resolve(expr, context)
        except Exception as error:  # a resolver tripping on odd input must not sink the article
            found = Resolution("DATE", None, name, f"could not resolve: {type(error).__name__}")
        if found is None:
            continue
        if found.value is not None and not VALUE_SHAPE.match(found.value):
            return Resolution(found.type, None, f"{name}: malformed value withheld", found.problem)
        return Resolution(found.type, found.value, f"{name}: {found.reason}", found.problem, found.moves_reference)
    return Resolution("DATE", None, "no resolver fits")
