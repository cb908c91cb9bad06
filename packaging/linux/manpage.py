"""Write privacy-checkup(1) from the command line's own parser, so the manual lists every subcommand.

    python packaging/linux/manpage.py OUTPUT.1

Run with the build environment's Python (it imports privacy_checkup.cli). The date on the page is
SOURCE_DATE_EPOCH's, so two builds of one commit write the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def roff(text: str) -> str:
    """Text as roff prints it literally: backslashes escaped, minus signs as \\-, no line starting a request."""
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    lines = [("\\&" + line) if line.startswith((".", "'")) else line for line in escaped.splitlines()]
    return "\n".join(lines)


def sentence(text: str | None) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def subcommands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str | None, argparse.ArgumentParser]]:
    """(name, one-line help, parser) of each subcommand, in the order the parser lists them."""
    for action in parser._actions:  # argparse keeps subcommands only here
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                yield name, helps.get(name), sub


def visible_options(parser: argparse.ArgumentParser, with_help: bool) -> list[argparse.Action]:
    """The arguments the manual describes: every shown one; -h/--help only where asked (the top level)."""
    return [action for action in parser._actions
            if action.help != argparse.SUPPRESS and not isinstance(action, argparse._SubParsersAction)
            and (with_help or not isinstance(action, argparse._HelpAction))]


def option_label(action: argparse.Action) -> str:
    if not action.option_strings:
        return f"\\fI{roff(action.metavar or action.dest)}\\fR"
    takes_value = action.nargs != 0
    if takes_value:
        value = action.metavar or (("{" + ",".join(map(str, action.choices)) + "}") if action.choices
                                   else action.dest.upper())
    labels = []
    for option in action.option_strings:
        label = f"\\fB{roff(option)}\\fR"
        if takes_value:
            label += f" \\fI{roff(str(value))}\\fR"
        labels.append(label)
    return ", ".join(labels)


def usage(parser: argparse.ArgumentParser) -> str:
    text = parser.format_usage().strip()
    return " ".join(text.removeprefix("usage:").split())


def describe_options(parser: argparse.ArgumentParser, with_help: bool = False) -> list[str]:
    out = []
    for action in visible_options(parser, with_help):
        out += [".TP", option_label(action), roff(sentence(action.help)) if action.help else ""]
    return out


def describe_command(path: list[str], parser: argparse.ArgumentParser, summary: str | None) -> list[str]:
    out = [".SS " + '"' + roff(" ".join(path)) + '"', ".nf", roff(usage(parser)), ".fi"]
    text = parser.description or summary
    if text:
        out += [".PP", roff(sentence(text))]
    options = describe_options(parser)
    if options:
        out += [".RS", *options, ".RE"]
    for name, help_text, sub in subcommands(parser):
        out += describe_command([*path, name], sub, help_text)
    return out


def exit_status(parser: argparse.ArgumentParser) -> str:
    """The parser's own words on exit codes (its epilog), or the convention the commands follow."""
    epilog = " ".join((parser.epilog or "").split())
    if epilog.lower().startswith("exit status:"):
        return sentence(epilog.split(":", 1)[1].strip())
    return ("Unless a command says otherwise above: 0 on success, 1 when the check it ran found problems, "
            "2 on an error (a file that cannot be read, a wrong argument).")


def manual(parser: argparse.ArgumentParser, version: str, date: dt.date) -> str:
    prog = parser.prog
    # The description reads "App name: what it is. Run without..."; NAME takes the part after the colon.
    what = (parser.description or "").split(":", 1)[-1].split(". ")[0].strip().rstrip(".")
    lines = [
        f'.TH {roff(prog.upper())} 1 "{date.isoformat()}" "{roff(prog)} {roff(version)}" "User Commands"',
        ".nh",  # no hyphenation: option names and file names must be copied as they are
        ".SH NAME", f"{roff(prog)} \\- {roff(what)}",
        ".SH SYNOPSIS", f"\\fB{roff(prog)}\\fR [\\fIOPTION\\fR]...",
        ".br", f"\\fB{roff(prog)}\\fR \\fICOMMAND\\fR [\\fIARGUMENT\\fR]...",
        ".SH DESCRIPTION", roff(sentence(parser.description)),
        ".PP", "The commands below serve scripts and offices: each prints its result and exits with a status "
               "that says whether it succeeded.",
        ".SH OPTIONS",
        *describe_options(parser, with_help=True),
        ".SH COMMANDS",
    ]
    for name, help_text, sub in subcommands(parser):
        lines += describe_command([prog, name], sub, help_text)
    lines += [
        ".SH EXIT STATUS",
        roff(exit_status(parser)),
        ".SH FILES",
        ".TP", "\\fI/etc/xdg/privacy\\-checkup/\\fR",
        "The office folder: an office's policy.json and its checklists, which no user setting can replace.",
        ".SH SEE ALSO",
        "The guides for offices and for checklist authors in \\fI/usr/share/doc/privacy\\-checkup/\\fR "
        "and in the project's docs folder.",
    ]
    return "\n".join(line for line in lines if line != "") + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: manpage.py OUTPUT.1", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from privacy_checkup import __version__
    from privacy_checkup.cli import build_parser

    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or int(dt.datetime.now(dt.UTC).timestamp())
    date = dt.datetime.fromtimestamp(epoch, dt.UTC).date()
    os.environ["COLUMNS"] = "100"  # argparse wraps usage lines to the terminal: fix the width for the same bytes
    Path(argv[0]).write_text(manual(build_parser(), __version__, date), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
