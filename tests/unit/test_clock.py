"""The build date is today in China Standard Time, or the day of SOURCE_DATE_EPOCH there."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_rectify.clock import BuildDateError, build_date


def test_today_is_the_day_in_china_whatever_the_machines_time_zone() -> None:
    # 16:30 UTC on 21 March is already 00:30 on 22 March in Beijing.
    late = dt.datetime(2022, 3, 21, 16, 30, tzinfo=dt.UTC)
    assert build_date({}, now=late) == dt.date(2022, 3, 22)
    new_york = dt.timezone(dt.timedelta(hours=-4))
    assert build_date({}, now=late.astimezone(new_york)) == dt.date(2022, 3, 22)
    assert build_date({}, now=dt.datetime(2022, 3, 21, 15, 59, tzinfo=dt.UTC)) == dt.date(2022, 3, 21)


def test_source_date_epoch_pins_the_date() -> None:
    late = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    assert build_date({"SOURCE_DATE_EPOCH": "1647880200"}, now=late) == dt.date(2022, 3, 22)  # 16:30 UTC
    assert build_date({"SOURCE_DATE_EPOCH": "1647878399"}, now=late) == dt.date(2022, 3, 21)
    assert build_date({"SOURCE_DATE_EPOCH": ""}, now=late) == dt.date(2030, 1, 1)


@pytest.mark.parametrize("value", ["yesterday", "1.5", "-1", "1e9", "99999999999999999999"])
def test_a_malformed_source_date_epoch_is_an_error(value: str) -> None:
    with pytest.raises(BuildDateError, match="SOURCE_DATE_EPOCH is"):
        build_date({"SOURCE_DATE_EPOCH": value})


def test_the_process_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert build_date() == dt.date(1970, 1, 1)
