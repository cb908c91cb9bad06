"""The user's time zone as an IANA zone, so due dates follow daylight-saving rules."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def local_timezone() -> dt.tzinfo:
    """TZ, then /etc/localtime's zone name, then the current fixed UTC offset as a last resort."""
    candidates = []
    if os.environ.get("TZ"):
        candidates.append(os.environ["TZ"].lstrip(":"))
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue  # not an IANA name (e.g. a POSIX TZ string); try the next source
    offset_zone = dt.datetime.now().astimezone().tzinfo
    return offset_zone if offset_zone is not None else dt.UTC
