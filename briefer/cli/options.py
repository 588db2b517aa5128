"""What every `briefer-cli` option shares: a value given is never silently empty, and a
number is within the bounds the workspace can hold.

`Parser` is the parser class of every command: errors are one line and no usage dump; an
option given an empty value ("--date ''") is an error naming the option, unless the option
is free text a user may clear; an integer must fit SQLite's 64-bit integers and a decimal
must be finite.  `count(low, high)` is the argparse `type` of a bounded whole number.
"""

from __future__ import annotations

import argparse
import math
from typing import Any, Callable

EXIT_USAGE = 2

# Free-text options whose empty value means "none" (a summary, a note, the BLUF, a marking…);
# never a repeatable one (`search --type ''` would match nothing, silently).
MAY_BE_EMPTY = frozenset({
    "summary", "notes", "description", "quote", "bluf", "marking", "title", "desk", "text", "place",
    "country", "url", "event_type", "author", "outlet", "colour", "color",
})

INT64 = 2 ** 63


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump
        self.exit(EXIT_USAGE, f"briefer-cli: {message} (see briefer-cli --help)\n")

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        may_be_empty = action.dest in MAY_BE_EMPTY and not isinstance(action, argparse._AppendAction)
        if action.option_strings and not may_be_empty and not arg_string.strip():
            self.error(f"{_name(action)}: the value is empty; give one or leave the option out")
        value = super()._get_value(action, arg_string)
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and not -INT64 <= value < INT64:
            self.error(f"{_name(action)} {arg_string} is too large a number")
        if isinstance(value, float) and not math.isfinite(value):
            self.error(f"{_name(action)} {arg_string} is not a finite number")
        return value


def _name(action: argparse.Action) -> str:
    return "/".join(action.option_strings) if action.option_strings else (action.metavar or action.dest)


def count(low: int, high: int) -> Callable[[str], int]:
    """The argparse type of a whole number from LOW to HIGH (argparse names the option)."""

    def parse(text: str) -> int:
        shown = text if len(text) <= 40 else text[:20] + "…"
        try:
            value = int(text.strip().replace("_", "").replace(",", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{shown}' is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{shown} is not a whole number from {low:,} to {high:,}")
        return value

    parse.__name__ = "whole number"
    return parse
