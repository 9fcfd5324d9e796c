"""Facets: regions from the official list (Kabupaten/Kota, common-word names), and quoted people."""

from pathlib import Path

from sorot.pipeline.facets import extract_facets
from sorot.pipeline.facets.quotes import find_quoted, split_role_name
from sorot.pipeline.facets.regions import find_regions

SEED = (Path(__file__).parent.parent / "fixtures" / "seed-antara-kalteng-capture.txt").read_text(encoding="utf-8")


def regencies(regions):
    return [r.regency for r in regions]


def test_dateline_place_with_a_different_official_spelling():
    regions = find_regions("", "Pemerintah kota terus berupaya.", dateline="Palangka Raya")
    assert regions[0].regency == "Kota Palangkaraya"
    assert regions[0].province == "Kalimantan Tengah"
    assert regions[0].source == "dateline"


def test_kabupaten_and_kota_of_the_same_name():
    text = "Wali Kota Bekasi meninjau banjir. Bupati Bekasi juga hadir. Polisi di Bogor berjaga."
    regions = find_regions("", text)
    assert "Kota Bekasi" in regencies(regions)
    assert "Kabupaten Bekasi" in regencies(regions)
    bogor = next(r for r in regions if r.mention == "Bogor")
    assert bogor.regency is None  # no level word: kept ambiguous ...
    assert bogor.province == "Jawa Barat"  # ... but the province is certain
    assert set(bogor.candidates) == {"Kabupaten Bogor", "Kota Bogor"}


def test_common_word_names_need_a_place_context():
    assert find_regions("", "Batu besar menutup jalan. Tulang rusuk dan bone marrow. Pati singkong.") == []
    assert regencies(find_regions("", "Warga Kota Batu menanam apel.")) == ["Kota Batu"]
    assert regencies(find_regions("", "Kejadian di Pati membuat warga resah.")) == ["Kabupaten Pati"]
    assert regencies(find_regions("", "Pemkab Bone menyalurkan bantuan.")) == ["Kabupaten Bone"]
    # a person's name that starts with a place name is not the place
    assert find_regions("", "Bima Arya memberi sambutan.") == []


def test_province_abbreviation_and_province_dropped_when_a_regency_is_named():
    assert [r.province for r in find_regions("", "Banjir melanda Kalteng.")] == ["Kalimantan Tengah"]
    regions = find_regions("", "Kota Palangka Raya, Kalimantan Tengah (Kalteng), menyusun rencana aksi.")
    assert [(r.province, r.regency) for r in regions] == [("Kalimantan Tengah", "Kota Palangkaraya")]


def test_the_seed_articles_head_of_office_is_quoted_with_his_role():
    quoted = find_quoted(SEED)
    head = next(q for q in quoted if q.name == "Muhammad Fitriyanto Laksono")
    assert head.role.startswith("Kepala Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan")
    assert head.role.endswith("Kota Palangka Raya")
    assert head.mentions >= 2  # "kata Fitriyanto" later joins the full mention
    assert all(q.name != "Fitriyanto" for q in quoted)


def test_attribution_before_the_verb_and_with_a_rank():
    text = (
        "Kasat Reskrim Polres Metro Jakarta Pusat, AKBP Roby Heri Saputra, mengatakan pihaknya menyelidiki. "
        '"Sudah jadi tersangka," kata Kanit 1 Subdit Resmob Kompol Dimitri Mahendra saat dihubungi, Rabu. '
        '"Kami dalami," ujarnya.'
    )
    quoted = {q.name: q.role for q in find_quoted(text)}
    assert quoted["Roby Heri Saputra"] == "Kasat Reskrim Polres Metro Jakarta Pusat, AKBP"
    assert quoted["Dimitri Mahendra"] == "Kanit 1 Subdit Resmob Kompol"
    assert len(quoted) == 2  # "ujarnya" is a pronoun: not guessed


def test_menurut_and_role_only_attributions():
    quoted = find_quoted('Menurut Ketua KPAI Ai Maryati Solihah, kasus meningkat. "Ini serius," kata Kapolres.')
    assert ("Ai Maryati Solihah", "Ketua KPAI") in {(q.name, q.role) for q in quoted}
    assert split_role_name("Kapolres") == ("Kapolres", None)


def test_extract_facets_reads_the_dateline_from_the_text():
    facets = extract_facets("Judul", 'Semarang - Polisi menangkap pria. "Ditahan," kata Kapolrestabes Semarang Budi.')
    assert facets.regions[0].source == "dateline"
    assert facets.regions[0].province == "Jawa Tengah"
    data = facets.to_json()
    assert data["quoted"] == [{"name": "Budi", "role": "Kapolrestabes Semarang", "mentions": 1}]
