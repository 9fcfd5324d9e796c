"""The topic taxonomy (v1): labels, victim flags and stages, in one place.

This module is the code form of the taxonomy contract (the project's copy of ``docs/taxonomy.md``): every
tagger, annotation tool, report and warehouse column names labels through these constants, so that a label
added or renamed here is renamed everywhere, and ``TAXONOMY_VERSION`` tells stored taggings which contract they
followed. Order matters: reports and ``Tagging.labels`` list labels in ``LABELS`` order (families first, then
the subtypes in the taxonomy's table order, then the victim flags).
"""

from __future__ import annotations

from collections.abc import Iterable

TAXONOMY_VERSION: str = "1"

FAMILIES: tuple[str, ...] = ("kekerasan", "gender")

# Forms of violence as SIMFONI-PPA counts them, refined by UU PKDRT and UU TPKS; each implies `kekerasan`.
VIOLENCE_SUBTYPES: tuple[str, ...] = (
    "kekerasan_fisik",
    "kekerasan_psikis",
    "kekerasan_seksual",
    "kdrt",
    "penelantaran",
    "eksploitasi",
    "perdagangan_orang",
    "perundungan",
    "femisida",
)

# Gender-equality, women's-rights and child-rights subtypes; each implies `gender`.
GENDER_SUBTYPES: tuple[str, ...] = (
    "kesetaraan_gender",
    "pemberdayaan_perempuan",
    "kepemimpinan_perempuan",
    "perlindungan_anak",
    "perkawinan_anak",
    "layanan_ppa",
    "keluarga_pengasuhan",
    "kebijakan_ppa",
)

# Who the victim is; meaningful only beside `kekerasan`, so they never imply it.
VICTIM_FLAGS: tuple[str, ...] = ("korban_perempuan", "korban_anak")

LABELS: tuple[str, ...] = FAMILIES + VIOLENCE_SUBTYPES + GENDER_SUBTYPES + VICTIM_FLAGS

# One value per article; `lainnya` is the value for articles outside both families.
STAGES: tuple[str, ...] = (
    "kejadian",
    "proses_hukum",
    "layanan_korban",
    "pencegahan",
    "kebijakan",
    "data",
    "lainnya",
)

# Names as they appear in the weekly reports (Bahasa Indonesia, sentence case).
LABEL_NAMES_ID: dict[str, str] = {
    "kekerasan": "Kekerasan",
    "gender": "Gender dan hak anak",
    "kekerasan_fisik": "Kekerasan fisik",
    "kekerasan_psikis": "Kekerasan psikis",
    "kekerasan_seksual": "Kekerasan seksual",
    "kdrt": "Kekerasan dalam rumah tangga (KDRT)",
    "penelantaran": "Penelantaran",
    "eksploitasi": "Eksploitasi",
    "perdagangan_orang": "Perdagangan orang (TPPO)",
    "perundungan": "Perundungan",
    "femisida": "Femisida",
    "kesetaraan_gender": "Kesetaraan gender",
    "pemberdayaan_perempuan": "Pemberdayaan perempuan",
    "kepemimpinan_perempuan": "Kepemimpinan perempuan",
    "perlindungan_anak": "Perlindungan anak",
    "perkawinan_anak": "Perkawinan anak",
    "layanan_ppa": "Layanan perempuan dan anak",
    "keluarga_pengasuhan": "Keluarga dan pengasuhan",
    "kebijakan_ppa": "Kebijakan perempuan dan anak",
    "korban_perempuan": "Korban perempuan",
    "korban_anak": "Korban anak",
}

STAGE_NAMES_ID: dict[str, str] = {
    "kejadian": "Kejadian",
    "proses_hukum": "Proses hukum",
    "layanan_korban": "Layanan korban",
    "pencegahan": "Pencegahan",
    "kebijakan": "Kebijakan",
    "data": "Data dan tren",
    "lainnya": "Lainnya",
}

_FAMILY_OF: dict[str, str] = {
    **{family: family for family in FAMILIES},
    **{label: "kekerasan" for label in VIOLENCE_SUBTYPES},
    **{label: "gender" for label in GENDER_SUBTYPES},
    **{flag: "kekerasan" for flag in VICTIM_FLAGS},
}

_ORDER: dict[str, int] = {label: index for index, label in enumerate(LABELS)}


def family_of(label: str) -> str | None:
    """Return the family a label belongs to (a family is its own), or None for an unknown label.

    Victim flags belong to `kekerasan` because they describe its victims, although (unlike subtypes) they
    do not imply it: see `close_labels`.
    """
    return _FAMILY_OF.get(label)


def close_labels(labels: Iterable[str]) -> list[str]:
    """Make a label set consistent with the taxonomy, in `LABELS` order.

    Subtypes imply their family (an annotator or a model that marks `kdrt` has said `kekerasan`), and a victim
    flag without `kekerasan` says nothing, so it is dropped. Unknown labels raise ValueError rather than pass
    through silently, because a misspelt label in gold data would otherwise vanish from every count.
    """
    chosen: set[str] = set()
    for label in labels:
        if label not in _ORDER:
            raise ValueError(f"unknown label {label!r} (taxonomy v{TAXONOMY_VERSION})")
        chosen.add(label)
    for label in list(chosen):
        if label in VIOLENCE_SUBTYPES or label in GENDER_SUBTYPES:
            chosen.add(_FAMILY_OF[label])
    if "kekerasan" not in chosen:
        chosen.difference_update(VICTIM_FLAGS)
    return sorted(chosen, key=_ORDER.__getitem__)
