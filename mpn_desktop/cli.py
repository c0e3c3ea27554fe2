"""Command-line entry: ``mpn-desktop [--db PATH] [COMMAND ...]``; no command opens the window."""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO, cast

from mpn_desktop.commands.common import UsageError, database_option_refused
from mpn_desktop.commands.parser_words import argparse_in_our_language
from mpn_desktop.domain.vocabulary import (
    _,
    language,
    language_of_environment,
    ngettext,
    use_language,
)
from mpn_desktop.errors import MpnError
from mpn_desktop.input_files import problem_of
from mpn_desktop.logging_setup import configure_logging, log_file_path
from mpn_desktop.paths import data_dir
from mpn_desktop.shown import TerminalSafeText, shown_message, shown_path

log = logging.getLogger(__name__)

# Each module has ``register(subparsers)`` adding its command(s) with
# ``set_defaults(func=...)``, where func takes the parsed Namespace and
# returns the exit code.
# Each command's module (of ``mpn_desktop.commands``) adds its subcommand (in this
# order in --help); the modules import their heavy parts (Qt, the store) only when
# the command runs, and are imported themselves only when a command line is more
# than the window's options (``_window_args``): the window's start needs none.
COMMAND_MODULES = (
    "catalog",
    "status",
    "data",
    "backup",
    "import_exams",
    "import_usage",
    "imports",
    "checklist",
)

CommandFunc = Callable[[argparse.Namespace], int]

QUICK_COMMANDS = frozenset({"status", "checklist"})
"""Commands that read the organisation once and end, run without the garbage collector:
most of their time is importing the store and the engine, where the collector walked
the growing heap again and again (a tenth of ``status``) and found nothing to free."""

MAX_PROBLEMS_SHOWN = 100
"""Problems of one error printed at most: a file wrong on every line must not flood the terminal."""

PROBLEM_LIMIT = 300
"""Characters of one listed problem printed at most."""


def _tolerate_unprintable_text() -> None:
    """Writes what the terminal cannot show as escapes, never failing on it.

    A file name that is not UTF-8 reaches Python as lone surrogates; printed to a
    strict UTF-8 stdout it raised UnicodeEncodeError after the work was done.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _not_empty(value: str) -> str:
    # An empty --db would otherwise quietly mean the default database.
    if not value.strip():
        raise argparse.ArgumentTypeError(_("is empty"))
    return value


LANGUAGE_OPTION = "--language"
LANGUAGE_CHOICES = ("en", "de", "system")
"""What ``--language`` takes; read again before parsing by ``_language_asked``."""


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose usage errors never repeat a huge or control-laden value."""

    def error(self, message: str) -> NoReturn:
        """Prints the usage and the (bounded) message, and exits with 2 as argparse does."""
        super().error(shown_message(message, ARGUMENT_ERROR_LIMIT))


ARGUMENT_ERROR_LIMIT = 300
"""Characters of a usage error printed: an option value of 5,000 digits is cut short."""


class _VersionAction(argparse.Action):
    """``--version``: prints the version (read from the package's metadata only then) and exits."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_options: Any) -> None:
        super().__init__(
            option_strings, dest, nargs=0, help=_("show program's version number and exit")
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_options: Any) -> NoReturn:
        import mpn_desktop

        print(f"mpn-desktop {mpn_desktop.__version__}")  # to stdout, as argparse's own
        parser.exit()


class _NotTheWindow(Exception):
    """The command line is more than the window's options: the whole parser reads it."""


class _WindowParser(argparse.ArgumentParser):
    """The options of the top level alone (no commands, no help), which open the window."""

    def error(self, message: str) -> NoReturn:
        """Leaves every usage error to the whole parser, which says it with its own usage."""
        raise _NotTheWindow(message)


def _window_args(words: list[str]) -> argparse.Namespace | None:
    """The options of a command line that opens the window, else None (a command, help, a
    word or value the top-level options do not take): read without importing a command's
    module (the 8 modules and the whole parser were ~5 ms of the window's start)."""
    if "--" in words:
        return None
    parser = _WindowParser(prog="mpn-desktop", add_help=False)
    _add_top_level_options(parser)
    try:
        args, rest = parser.parse_known_args(words)
    except _NotTheWindow:
        return None
    if rest:
        return None
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, as DESIGN.md's contract describes it."""
    parser = _Parser(
        prog="mpn-desktop",
        # In --language's language (the parser is built once it is chosen), as argparse's
        # own words around them are.
        description=_(
            "Track your organisation's way to a silver or gold MPN cloud competency (2017-2018)\n"
            "and to the Solutions Partner designations (from October 2022).\n"
            "Without a COMMAND, opens the main window."
        ),
        epilog=_(
            "The database is --db PATH, else $MPN_DESKTOP_DB, else\n"
            "  {path}\n"
            "'mpn-desktop COMMAND --help' describes each command.\n"
            "Exit codes: 0 done; 1 nothing done because of errors (each is printed);\n"
            "2 a usage error (a wrong command, option or option value)."
        ).format(path=data_dir() / "tracker.sqlite3"),
        # The epilog's lines are kept as written: textwrap would split the path at its '-'.
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_top_level_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"mpn_desktop.commands.{name}").register(subparsers)
    return parser


def _add_top_level_options(parser: argparse.ArgumentParser) -> None:
    """``--version``, ``--db``, ``--db-url``, ``--catalog`` and ``--language``."""
    parser.add_argument("--version", action=_VersionAction)
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--db",
        metavar="PATH",
        type=_not_empty,
        help=_(
            "the SQLite database file (created if missing by the commands that write; "
            "status, checklist and export refuse a folder that does not exist)"
        ),
    )
    where.add_argument(
        "--db-url",
        metavar="URL",
        type=_not_empty,
        # What it takes, as database_option_refused holds it to: no other database opens.
        help=_(
            "the database as a URL: a SQLite file (sqlite:///FILE) or a PostgreSQL team "
            "database (postgresql://USER@HOST/DATABASE); other databases (MySQL, Oracle, ...) "
            "are refused"
        ),
    )
    parser.add_argument(
        "--catalog",
        metavar="FILE",
        type=_not_empty,
        help=_("a requirements catalogue file to use instead of the shipped one"),
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGE_CHOICES,
        default="en",
        help=_(
            "the language of what the commands write (their help and usage errors too), with "
            "its days and figures (de: 01.07.2018, US$ 1.250,50): en (the default), de, or system "
            "(LANGUAGE, LC_ALL, LC_MESSAGES, LANG); --json keeps its keys, ISO days and "
            "plain numbers in every language; the window follows View > Language instead"
        ),
    )


def _run_with_safe_output(func: CommandFunc, args: argparse.Namespace) -> int:
    """Runs a command with control characters in its output escaped (see TerminalSafeText)."""
    real = sys.stdout
    sys.stdout = cast(TextIO, TerminalSafeText(real))
    try:
        return func(args)
    finally:
        sys.stdout = real


def _parse(parser: argparse.ArgumentParser, words: list[str]) -> argparse.Namespace:
    """Parses the words; an unknown option is reported by its command's parser, with that usage."""
    args, unknown = parser.parse_known_args(words)
    if unknown:
        # argparse would blame the top-level parser ("mpn-desktop: error:
        # unrecognized arguments") and show the usage without the command's options;
        # what follows the command's name is that command's to report.
        name = getattr(args, "command", None)
        after = words[words.index(name) + 1 :] if name in words else []
        mine = name is not None and all(word in after for word in unknown)
        blamed = _command_parser(parser, name) if mine else parser
        blamed.error(_("unrecognized arguments: %s") % " ".join(unknown))
    return args


def _command_parser(
    parser: argparse.ArgumentParser, command: str | None
) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            chosen: argparse.ArgumentParser = action.choices[command]
            return chosen
    return parser


def _language_asked(words: Sequence[str]) -> str:
    """The language ``--language`` asks for, read before argparse parses ``words`` so that
    its own words (usage, error, help) are said in it; "en" when it is not given.

    Read as argparse reads it: the last one given wins, ``--language=de`` and an
    abbreviation (``--lang de``: no other option of the command line begins with
    ``--l``) count, and nothing after ``--``. A value argparse refuses ("fr") is
    refused in English, as the language it asked for is none of ours.
    """
    asked = "en"
    for at, word in enumerate(words):
        if word == "--":
            break
        name, equals, value = word.partition("=")
        if len(name) < len("--l") or not LANGUAGE_OPTION.startswith(name):
            continue
        if not equals:
            value = words[at + 1] if at + 1 < len(words) else ""
        if value in LANGUAGE_CHOICES:
            asked = _language_of(value)
    return asked


def _language_of(choice: str) -> str:
    """The language a ``--language`` choice means ("system": the environment's)."""
    return language_of_environment() if choice == "system" else choice


def _say_usage_error(parser: argparse.ArgumentParser, prog: str, message: str) -> int:
    """Says a usage error found after parsing as argparse says its own: the usage, then
    ``PROG: error: MESSAGE`` (in the chosen language); the exit code, 2."""
    with argparse_in_our_language():
        parser.print_usage(sys.stderr)
    said = _("%(prog)s: error: %(message)s\n")
    sys.stderr.write(said % {"prog": prog, "message": shown_message(message)})
    return 2


def run() -> NoReturn:
    """The process's entry point (``python -m``, the scripts, the bundle): ``main``, then exit."""
    sys.exit(main(ends_process=True))


def main(argv: Sequence[str] | None = None, *, ends_process: bool = False) -> int:
    """Runs one command (or the GUI) and returns the exit code; never shows a traceback.

    ``ends_process``: the process ends when it returns (``run``), so a quick command
    leaves its objects to the operating system instead of to the garbage collector.
    """
    _tolerate_unprintable_text()
    configure_logging()
    words = list(sys.argv[1:] if argv is None else argv)
    before = language()
    # argparse's words, the help and the refusal of an option's value are said in it.
    use_language(_language_asked(words))
    parser: argparse.ArgumentParser | None = None
    with argparse_in_our_language():
        args = _window_args(words)
        if args is None:
            parser = build_parser()
            args = _parse(parser, words)
    func: CommandFunc | None = getattr(args, "func", None)
    if func is not None:
        wanted = _language_of(args.language)
        if wanted != language():
            # Read as argparse reads --language, it is already chosen: the German catalogue
            # is not read again (3 ms of a German status).
            use_language(wanted)
    else:
        # The window chooses its language itself (View > Language), as it did before.
        use_language(before)
    try:
        # The window's start-up box refuses these itself, in the window's language, with
        # a way to open another database: started from a desktop menu, stderr is unseen.
        opens_database = func is not None and getattr(args, "opens_database", True)
        refused = database_option_refused(args) if opens_database else None
        if refused is not None:
            # A bad option value, as DESIGN.md's exit codes say.
            return _say_usage_error(parser or build_parser(), "mpn-desktop", str(refused))
        if func is None:
            from mpn_desktop.app import run_gui

            return run_gui(args)
        if args.command in QUICK_COMMANDS:
            from mpn_desktop.store.collector import collector_paused

            with collector_paused():
                code = _run_with_safe_output(func, args)
                if ends_process:
                    # The collector, back on as the block ends and run once more as the
                    # interpreter exits, walked every object of the store, the engine and
                    # Qt for nothing to free: a tenth of ``checklist --pdf``. Frozen objects
                    # are left out of every later collection.
                    gc.freeze()
                return code
        return _run_with_safe_output(func, args)
    except UsageError as error:
        # Said as argparse says its own usage errors: the command's usage, then what is wrong.
        blamed = _command_parser(parser or build_parser(), args.command)
        return _say_usage_error(blamed, f"mpn-desktop {args.command}", str(error))
    except MpnError as error:
        print(f"mpn-desktop: {shown_message(str(error))}", file=sys.stderr)
        problems = getattr(error, "problems", [])
        for problem in problems[:MAX_PROBLEMS_SHOWN]:
            print(f"  {shown_message(str(problem), PROBLEM_LIMIT)}", file=sys.stderr)
        if len(problems) > MAX_PROBLEMS_SHOWN:
            from mpn_desktop.domain.wording import number

            more = len(problems) - MAX_PROBLEMS_SHOWN
            said = ngettext(
                "... and {count} more problem like these",
                "... and {count} more problems like these",
                more,
            )
            print(f"  {said.format(count=number(more))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"mpn-desktop: {_('interrupted; nothing more was written.')}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error of ours.
        # Point stdout at devnull so the interpreter's final flush stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as error:
        # A file the command had to read or write that the checks before it did not
        # foresee (a path too long, a device that fails): said in one line, like ours.
        log.info("file error in command %r: %s", getattr(args, "command", None), error)
        where = f"{shown_path(error.filename)}: " if error.filename is not None else ""
        print(f"mpn-desktop: {where}{problem_of(error)}", file=sys.stderr)
        return 1
    except Exception:
        log.exception("unexpected error in command %r", getattr(args, "command", None))
        said = _("an unexpected error stopped the command; the details are in {file}.")
        print(f"mpn-desktop: {said.format(file=log_file_path())}", file=sys.stderr)
        return 1
