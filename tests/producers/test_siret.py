import pytest
from django.core.exceptions import ValidationError

from producers.siret import (
    luhn_is_valid,
    normalise_siret,
    siret_compose,
    siret_is_valid,
    validate_siret,
)


def test_a_real_siret_is_valid():
    assert siret_is_valid("73282932000074")


def test_spaces_between_digit_groups_are_accepted():
    assert normalise_siret("732 829 320 00074") == "73282932000074"
    assert siret_is_valid("732 829 320 00074")


@pytest.mark.parametrize(
    "value",
    ["73282932000075", "7328293200007", "732829320000745", "7328293200007A", "", "abc"],
)
def test_invalid_sirets(value):
    assert not siret_is_valid(value)
    with pytest.raises(ValidationError) as error:
        validate_siret(value)
    assert error.value.code == "invalid_siret"


def test_siren_part_must_also_be_luhn_valid():
    # Whole number Luhn-valid, but its SIREN (first 9 digits) is not.
    siret = "12345678900007"
    assert luhn_is_valid(siret) and not luhn_is_valid(siret[:9])
    assert not siret_is_valid(siret)


def test_la_poste_follows_its_own_rule():
    siret = "35600000000001"  # digits sum to 15: a multiple of 5
    assert not luhn_is_valid(siret)
    assert siret_is_valid(siret)
    assert not siret_is_valid("35600000000002")


def test_a_composed_siret_is_valid_siren_and_all():
    siret = siret_compose(siren_stem="91234567", establishment="0001")
    assert siret.startswith("91234567") and siret[9:13] == "0001" and len(siret) == 14
    assert luhn_is_valid(siret[:9])
    assert siret_is_valid(siret)
