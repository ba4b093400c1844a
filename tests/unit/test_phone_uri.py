"""The tel: link of a contact phone dials the number as printed, its extension apart."""

from __future__ import annotations

import pytest

from mkdocs_rectify.views.templating import phone_uri


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("0898-68522090", "tel:0898-68522090"),
        ("12345", "tel:12345"),
        ("(0898) 6872-3456 转 8", "tel:0898-6872-3456;ext=8"),
        ("010-12345678 ext. 12", "tel:010-12345678;ext=12"),
        ("0898-68522090 分机 203", "tel:0898-68522090;ext=203"),
        ("0898-68522090、12345", "tel:0898-68522090"),
        ("0898-68522090，0898-68522091", "tel:0898-68522090"),
        ("+86 898 6872 3457", "tel:+86-898-6872-3457"),
    ],
)
def test_phone_uri(phone: str, uri: str) -> None:
    assert phone_uri(phone) == uri
