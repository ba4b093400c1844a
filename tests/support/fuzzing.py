"""Hypothesis settings of the property tests: a short run in the normal suite, a long one on demand.

``RECTIFY_FUZZ=long scripts/test -k fuzz`` runs every property test on 10,000 examples (the
``rectify-long`` profile); without it each runs the few dozen examples of the ``rectify`` profile.
"""

from __future__ import annotations

import contextlib
import os

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis.errors import InvalidArgument

LONG_EXAMPLES = 10_000

settings.register_profile(
    "rectify",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.register_profile("rectify-long", settings.get_profile("rectify"), max_examples=LONG_EXAMPLES)

LONG = os.environ.get("RECTIFY_FUZZ") == "long"


def no_time_limit_when_long() -> list[pytest.MarkDecorator]:
    """Marks of a property-test module: the long run takes longer than the suite's limit per test."""
    return [pytest.mark.timeout(0)] if LONG else []


def fuzz(examples: int = 60) -> settings:
    """Settings of one property test: ``examples`` examples, or 10,000 when ``RECTIFY_FUZZ=long``."""
    if LONG:
        return settings(settings.get_profile("rectify-long"))
    return settings(settings.get_profile("rectify"), max_examples=examples)


def outcome(name: str) -> None:
    """Count ``name`` in the statistics of a property test (``--hypothesis-show-statistics``).

    Outside a property test (a helper reused by a plain test) it does nothing."""
    with contextlib.suppress(InvalidArgument):
        event(name)
