"""The taxonomy module is the code form of the taxonomy contract; these tests pin its shape."""

import pytest

from sorot.models import taxonomy
from sorot.models.taxonomy import (
    FAMILIES,
    GENDER_SUBTYPES,
    LABEL_NAMES_ID,
    LABELS,
    STAGE_NAMES_ID,
    STAGES,
    TAXONOMY_VERSION,
    VICTIM_FLAGS,
    VIOLENCE_SUBTYPES,
    close_labels,
    family_of,
)


def test_version_and_families():
    assert TAXONOMY_VERSION == "1"
    assert FAMILIES == ("kekerasan", "gender")
    assert VICTIM_FLAGS == ("korban_perempuan", "korban_anak")


def test_subtypes_in_taxonomy_order():
    assert VIOLENCE_SUBTYPES[0] == "kekerasan_fisik"
    assert VIOLENCE_SUBTYPES[-1] == "femisida"
    assert GENDER_SUBTYPES[0] == "kesetaraan_gender"
    assert GENDER_SUBTYPES[-1] == "kebijakan_ppa"
    assert len(VIOLENCE_SUBTYPES) == 9
    assert len(GENDER_SUBTYPES) == 8


def test_labels_are_families_subtypes_then_flags():
    assert LABELS == FAMILIES + VIOLENCE_SUBTYPES + GENDER_SUBTYPES + VICTIM_FLAGS
    assert len(set(LABELS)) == len(LABELS)


def test_stages():
    assert STAGES == ("kejadian", "proses_hukum", "layanan_korban", "pencegahan", "kebijakan", "data", "lainnya")


def test_report_names_cover_every_label_and_stage():
    assert set(LABEL_NAMES_ID) == set(LABELS)
    assert set(STAGE_NAMES_ID) == set(STAGES)
    assert LABEL_NAMES_ID["kekerasan_seksual"] == "Kekerasan seksual"
    assert all(name and name[0].isupper() for name in [*LABEL_NAMES_ID.values(), *STAGE_NAMES_ID.values()])


@pytest.mark.parametrize(
    ("label", "family"),
    [
        ("kekerasan", "kekerasan"),
        ("gender", "gender"),
        ("kdrt", "kekerasan"),
        ("femisida", "kekerasan"),
        ("layanan_ppa", "gender"),
        ("perkawinan_anak", "gender"),
        ("korban_perempuan", "kekerasan"),
        ("korban_anak", "kekerasan"),
        ("olahraga", None),
    ],
)
def test_family_of(label, family):
    assert family_of(label) == family


def test_close_labels_adds_implied_families():
    assert close_labels(["kdrt", "layanan_ppa"]) == ["kekerasan", "gender", "kdrt", "layanan_ppa"]


def test_close_labels_keeps_flags_with_kekerasan_even_when_implied():
    assert close_labels(["korban_anak", "kekerasan_seksual"]) == ["kekerasan", "kekerasan_seksual", "korban_anak"]


def test_close_labels_drops_flags_without_kekerasan():
    assert close_labels(["korban_perempuan", "korban_anak"]) == []
    assert close_labels(["gender", "perkawinan_anak", "korban_anak"]) == ["gender", "perkawinan_anak"]


def test_close_labels_orders_as_labels_and_dedupes():
    closed = close_labels(["korban_anak", "kebijakan_ppa", "kekerasan_fisik", "kekerasan_fisik", "gender"])
    assert closed == ["kekerasan", "gender", "kekerasan_fisik", "kebijakan_ppa", "korban_anak"]
    assert close_labels(closed) == closed
    assert close_labels([]) == []


def test_close_labels_rejects_unknown_labels():
    with pytest.raises(ValueError, match="unknown label"):
        close_labels(["kekerasan", "kriminalitas"])


def test_every_label_has_a_family():
    assert all(taxonomy.family_of(label) in FAMILIES for label in LABELS)
