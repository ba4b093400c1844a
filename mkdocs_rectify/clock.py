"""The build date: the day a build publishes, in China Standard Time.

Content dates are checked against it (nothing is completed after the build), and later, what is
overdue is judged by it. A reproducible build pins it with ``SOURCE_DATE_EPOCH`` (seconds since
1970-01-01 UTC, as in https://reproducible-builds.org/specs/source-date-epoch/). Imports nothing
from MkDocs.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping

from mkdocs_rectify.messages import Message

__all__ = ["CHINA_STANDARD_TIME", "BuildDateError", "build_date"]

CHINA_STANDARD_TIME = dt.timezone(dt.timedelta(hours=8), "UTC+08:00")
"""The time zone of the reports' dates: mainland China keeps UTC+8 all year."""

_EPOCH = re.compile(r"[0-9]+")


class BuildDateError(ValueError):
    """``SOURCE_DATE_EPOCH`` is set but is not a whole number of seconds."""


def build_date(environ: Mapping[str, str] | None = None, now: dt.datetime | None = None) -> dt.date:
    """Today in China Standard Time, or the day of ``SOURCE_DATE_EPOCH`` there when it is set.

    ``environ`` defaults to the process environment and ``now`` to the current time; both are
    parameters so that callers and tests can pin them.
    """
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip():
        if not _EPOCH.fullmatch(epoch.strip()):
            raise BuildDateError(Message("clock.not_seconds", epoch=epoch))
        try:
            moment = dt.datetime.fromtimestamp(int(epoch.strip()), CHINA_STANDARD_TIME)
        except (OverflowError, OSError, ValueError):
            raise BuildDateError(Message("clock.too_far", epoch=epoch)) from None
        return moment.date()
    current = now if now is not None else dt.datetime.now(dt.UTC)
    return current.astimezone(CHINA_STANDARD_TIME).date()
