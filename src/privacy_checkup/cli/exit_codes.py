"""The command line's exit codes, defined once: scripts, login hooks and device-management tools rely on them."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0         # everything checked is fine (validate: every file valid; status: nothing needs attention)
    ATTENTION = 1  # validate: a file has problems; status: something needs the person's attention
    ERROR = 2      # the command could not do its work (the message on stderr says why)


EPILOG = ("exit status: 0 when everything is fine, 1 when something needs attention (the command's "
          "help says what), 2 when the command could not run (the message says why)")
