"""The rules tagger against the taxonomy's hard cases, its evidence spans, and its fast matching engine."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sorot.models.rules import Evidence, LabelHit, RuleTagger, Tagging
from sorot.models.rules.engine import compile_rule, lowered, needles_of
from sorot.models.rules.patterns import CONTEXT_CUES, LABEL_RULES, MASKS, STAGE_RULES, Rule
from sorot.models.rules.tagger import _compiled
from sorot.models.taxonomy import LABELS, STAGES, VICTIM_FLAGS, VIOLENCE_SUBTYPES, close_labels

FIXTURES = Path(__file__).parent.parent / "fixtures"
CASES = [
    json.loads(line)
    for line in (FIXTURES / "tagger" / "hard_cases.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
SEED_TITLE = "Pemkot Palangka Raya susun rencana aksi pencegahan kekerasan terhadap perempuan dan anak"
SEED_TEXT = (FIXTURES / "seed-antara-kalteng-capture.txt").read_text(encoding="utf-8")

ALL_TEXTS = [(case["title"], case["text"]) for case in CASES] + [(SEED_TITLE, SEED_TEXT)]


@pytest.fixture(scope="module")
def tagger() -> RuleTagger:
    return RuleTagger()


def names(tagging: Tagging) -> set[str]:
    return set(tagging.label_names())


def hit(tagging: Tagging, label: str) -> LabelHit:
    return next(h for h in tagging.labels if h.label == label)


# ---------------------------------------------------------------------------------------------------------
# The taxonomy's hard cases (tests/fixtures/tagger/hard_cases.jsonl)
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_hard_case(tagger, case):
    tagging = tagger.tag(case["title"], case["text"])
    got = names(tagging)
    assert set(case["expect"]) <= got, f"{case['note']}: missing {set(case['expect']) - got}"
    assert not got & set(case["forbid"]), f"{case['note']}: should not have {got & set(case['forbid'])}"
    if "tahap" in case:
        assert tagging.tahap in case["tahap"], case["note"]


def test_theft_without_violence_gets_nothing(tagger):
    case = next(c for c in CASES if c["id"] == "pencurian-tanpa-kekerasan")
    tagging = tagger.tag(case["title"], case["text"])
    assert tagging.labels == ()
    assert tagging.tahap == "lainnya"


def test_robbery_with_beating_is_physical_violence_with_evidence(tagger):
    case = next(c for c in CASES if c["id"] == "perampokan-korban-dipukuli")
    tagging = tagger.tag(case["title"], case["text"])
    fisik = hit(tagging, "kekerasan_fisik")
    assert any(e.field == "title" and e.text.lower() == "pukuli" for e in fisik.evidence)
    assert any(e.field == "text" and e.text == "dipukuli" for e in fisik.evidence)
    assert tagging.tahap == "kejadian"


def test_stepfather_child_rape(tagger):
    case = next(c for c in CASES if c["id"] == "ayah-tiri-perkosa-anak")
    tagging = tagger.tag(case["title"], case["text"])
    assert {"kekerasan", "kekerasan_seksual", "kdrt", "korban_anak", "korban_perempuan"} <= names(tagging)
    kdrt_rules = {e.rule for e in hit(tagging, "kdrt").evidence}
    assert "kdrt/kerabat_pelaku" in kdrt_rules  # "Ayah tiri ... perkosa"


def test_same_abuse_of_a_boy_has_no_female_victim_flag(tagger):
    case = next(c for c in CASES if c["id"] == "ayah-tiri-anak-laki")
    got = names(tagger.tag(case["title"], case["text"]))
    assert "korban_anak" in got
    assert "korban_perempuan" not in got


# ---------------------------------------------------------------------------------------------------------
# The founding article
# ---------------------------------------------------------------------------------------------------------


def test_seed_article(tagger):
    tagging = tagger.tag(SEED_TITLE, SEED_TEXT)
    got = names(tagging)
    assert {"kekerasan", "gender", "korban_perempuan", "korban_anak", "kebijakan_ppa"} <= got
    assert not got & {"kekerasan_fisik", "kekerasan_seksual", "femisida", "pemberdayaan_perempuan"}
    assert tagging.tahap in ("kebijakan", "pencegahan")
    kekerasan = hit(tagging, "kekerasan")
    assert any(
        e.field == "title"
        and e.text == "kekerasan terhadap perempuan"
        and e.rule == "kekerasan/terhadap_perempuan_anak"
        for e in kekerasan.evidence
    )
    gender = hit(tagging, "gender")
    assert any(e.field == "title" and e.rule == "kebijakan_ppa/rencana_aksi" for e in gender.evidence)
    # The agency's name ("... Pemberdayaan Perempuan, Perlindungan Anak ...") is not women's empowerment.
    assert all(e.rule.split("/")[0] != "pemberdayaan_perempuan" for e in gender.evidence)


# ---------------------------------------------------------------------------------------------------------
# Evidence and output shape
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "text"), ALL_TEXTS)
def test_evidence_spans_point_exactly_at_the_matched_text(tagger, title, text):
    tagging = tagger.tag(title, text)
    fields = {"title": title, "text": text}
    for label_hit in tagging.labels:
        assert label_hit.evidence, label_hit.label
        for evidence in label_hit.evidence:
            assert isinstance(evidence, Evidence)
            assert fields[evidence.field][evidence.start : evidence.end] == evidence.text
            assert evidence.text.strip()
            assert evidence.rule.split("/")[0] in LABELS


@pytest.mark.parametrize(("title", "text"), ALL_TEXTS)
def test_output_follows_the_taxonomy(tagger, title, text):
    tagging = tagger.tag(title, text)
    labels = tagging.label_names()
    assert labels == close_labels(labels)  # closed and in LABELS order
    assert tagging.tahap in STAGES
    assert tagging.tagger_version == tagger.version == RuleTagger.version
    assert all(0.0 <= h.score <= 1.0 for h in tagging.labels)
    if not {"kekerasan", "gender"} & set(labels):
        assert tagging.tahap == "lainnya"


def test_family_evidence_carries_its_subtypes_evidence(tagger):
    case = next(c for c in CASES if c["id"] == "kdrt-istri")
    tagging = tagger.tag(case["title"], case["text"])
    family = set(hit(tagging, "kekerasan").evidence)
    assert set(hit(tagging, "kdrt").evidence) <= family
    assert set(hit(tagging, "kekerasan_fisik").evidence) <= family


def test_empty_article(tagger):
    tagging = tagger.tag("", "")
    assert tagging.labels == ()
    assert tagging.tahap == "lainnya"
    assert tagger.tag(None, None).labels == ()  # type: ignore[arg-type]  # sources without a title


# ---------------------------------------------------------------------------------------------------------
# Subject, not passing mention
# ---------------------------------------------------------------------------------------------------------

FILLER = (
    "Pemerintah kota menggelar rapat koordinasi tentang pembangunan pasar tradisional yang baru. Rapat dihadiri "
    "para camat, lurah dan perwakilan pedagang. Wali kota meminta proyek selesai tepat waktu dan anggaran "
    "digunakan secara transparan. Pedagang berharap lapak baru lebih bersih dan mudah dijangkau pembeli. "
)


def test_one_strong_cue_in_the_title_makes_the_subject(tagger):
    tagging = tagger.tag("Pedagang pasar dianiaya preman di Cirebon", FILLER * 3)
    assert {"kekerasan", "kekerasan_fisik"} <= names(tagging)


def test_one_strong_cue_in_the_lead_makes_the_subject(tagger):
    tagging = tagger.tag("Kabar dari Cirebon", "Seorang pedagang pasar dianiaya preman di Cirebon. " + FILLER * 3)
    assert "kekerasan_fisik" in names(tagging)


def test_one_strong_cue_deep_in_the_body_is_a_passing_mention(tagger):
    text = FILLER * 3 + "Pasar lama pernah menjadi lokasi kasus penganiayaan beberapa tahun lalu."
    assert tagger.tag("Pemkot bangun pasar tradisional baru", text).labels == ()


def test_several_strong_cues_in_the_body_make_the_subject(tagger):
    text = FILLER * 2 + (
        "Di sela rapat, warga melaporkan seorang pedagang dianiaya dan dikeroyok preman. Penganiayaan itu "
        "direkam warga. Korban dipukuli hingga pingsan."
    )
    assert "kekerasan_fisik" in names(tagger.tag("Rapat pembangunan pasar", text))


# ---------------------------------------------------------------------------------------------------------
# Guards: each is shown to be what blocks the tag (the same text without it is tagged)
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("blocked", "plain"),
    [
        (
            "Polisi memastikan tidak ada kekerasan seksual terhadap siswi itu.",
            "Polisi memastikan ada kekerasan seksual terhadap siswi itu.",
        ),
        ("Guru itu membantah melakukan pelecehan seksual terhadap muridnya.", "Guru itu melakukan pelecehan seksual."),
        ("Kejadian itu bukan pencabulan, kata polisi.", "Kejadian itu pencabulan, kata polisi."),
        ("Kabar penculikan dan pembunuhan anak itu hoaks.", "Kabar penculikan dan pembunuhan anak itu menggemparkan."),
    ],
)
def test_negation_guard(tagger, blocked, plain):
    assert "kekerasan" not in names(tagger.tag("", blocked))
    assert "kekerasan" in names(tagger.tag("", plain))


def test_not_only_is_not_a_negation(tagger):
    tagging = tagger.tag("", "Korban tidak hanya dianiaya, tetapi juga diperkosa oleh pelaku.")
    assert {"kekerasan_fisik", "kekerasan_seksual"} <= names(tagging)


@pytest.mark.parametrize(
    ("blocked", "plain"),
    [
        ("KKB menembak dan membunuh dua guru di Beoga.", "Seorang pria membunuh dua guru di Beoga."),
        ("Teroris itu membunuh tiga warga dengan bom rakitan.", "Pria itu membunuh tiga warga dengan parang."),
        ("Demonstran dipukuli aparat saat unjuk rasa di depan DPRD.", "Pedagang dipukuli preman di depan DPRD."),
        ("Seekor kucing dianiaya pemiliknya hingga mati.", "Seorang pembantu dianiaya pemiliknya hingga pingsan."),
    ],
)
def test_out_of_scope_context_guard(tagger, blocked, plain):
    assert not names(tagger.tag(blocked, blocked)) & set(VIOLENCE_SUBTYPES)
    assert "kekerasan" in names(tagger.tag(plain, plain))


def test_armed_conflict_in_the_title_discounts_the_whole_article(tagger):
    title = "Serangan KKB di Intan Jaya, dua warga sipil jadi korban"
    text = "Dua warga sipil tewas dibunuh dalam serangan itu. Satu korban lainnya dibacok dan dirawat di puskesmas."
    assert "kekerasan" not in names(tagger.tag(title, text))
    assert "kekerasan" in names(tagger.tag("Dua warga sipil jadi korban di Intan Jaya", text))


def test_scare_quotes_are_figurative(tagger):
    assert tagger.tag("Real Madrid 'dihajar' Barcelona di El Clasico", "Real Madrid 'dihajar' 4-0.").labels == ()
    plain = tagger.tag("Pemuda dihajar orang tak dikenal di Sleman", "Seorang pemuda dihajar orang tak dikenal.")
    assert "kekerasan_fisik" in names(plain)


def test_former_partner_is_a_femicide_cue_but_former_police_chief_is_not(tagger):
    assert "femisida" in names(tagger.tag("Perempuan di Kendari dibunuh mantan suaminya", ""))
    assert tagger.tag("Mantan Kapolres Kendari kini menjabat di Mabes Polri", "").labels == ()
    record = "Mantan napi kasus pembunuhan itu kini menjadi pengusaha sukses."
    assert tagger.tag("Kisah mantan napi jadi pengusaha", record).labels == ()


def test_mining_exploitation_is_not_exploitation_of_people(tagger):
    assert tagger.tag("Eksploitasi tambang pasir di Merapi dikritik warga", "").labels == ()
    assert "eksploitasi" in names(tagger.tag("Polisi bongkar eksploitasi anak di tempat hiburan malam", ""))


def test_agency_names_are_not_empowerment(tagger):
    text = (
        "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kota Bandung meresmikan taman kota. "
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak juga menanam pohon bersama warga."
    )
    got = names(tagger.tag("Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak resmikan taman", text))
    assert not got & {"pemberdayaan_perempuan", "perlindungan_anak"}


def test_charges_are_not_child_protection_policy(tagger):
    text = (
        "Seorang pria di Banyumas ditangkap karena mencabuli tetangganya. Pelaku dijerat Pasal 82 "
        "Undang-Undang Nomor 35 Tahun 2014 tentang Perlindungan Anak dengan ancaman 15 tahun penjara."
    )
    got = names(tagger.tag("Pria di Banyumas cabuli tetangga", text))
    assert "kekerasan_seksual" in got
    assert not got & {"kebijakan_ppa", "perlindungan_anak", "gender"}


def test_victim_flags_only_with_kekerasan(tagger):
    text = "Forum Anak Kota Blitar menggelar diskusi tentang hak anak dan pencegahan perkawinan anak di sekolah."
    got = names(tagger.tag("Forum Anak Blitar bahas hak anak", text))
    assert "perlindungan_anak" in got
    assert not got & set(VICTIM_FLAGS)


# ---------------------------------------------------------------------------------------------------------
# Indonesian morphology: affixes, passives, enclitics, acronyms
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "word", "label"),
    [
        ("Pedagang di Bandung dianiaya orang tak dikenal", "dianiaya", "kekerasan_fisik"),
        ("Polisi usut penganiayaan pedagang di Bandung", "penganiayaan", "kekerasan_fisik"),
        ("Pria menganiaya pedagang di Bandung", "menganiaya", "kekerasan_fisik"),
        ("Remaja dikeroyok di Bandung", "dikeroyok", "kekerasan_fisik"),
        ("Gadis di Bandung diperkosa kenalannya", "diperkosa", "kekerasan_seksual"),
        ("Kasus pemerkosaan di Bandung terungkap", "pemerkosaan", "kekerasan_seksual"),
        ("Pria di Bandung rudapaksa kenalannya", "rudapaksa", "kekerasan_seksual"),
        ("Bocah di Bandung dicabuli tetangga", "dicabuli", "kekerasan_seksual"),
        ("Polisi tangani pencabulan di Bandung", "pencabulan", "kekerasan_seksual"),
        ("Remaja di Bandung disetubuhi kenalannya", "disetubuhi", "kekerasan_seksual"),
        ("Pria di Bandung tega mencabulinya", "mencabulinya", "kekerasan_seksual"),
        ("Kasus KDRT di Bandung meningkat", "KDRT", "kdrt"),
        ("Polisi ungkap TPPO di Bandung", "TPPO", "perdagangan_orang"),
        ("Siswa di Bandung dirundung kakak kelas", "dirundung", "perundungan"),
    ],
)
def test_affixed_and_passive_forms(tagger, title, word, label):
    tagging = tagger.tag(title, "")
    assert label in names(tagging)
    assert any(e.field == "title" and e.text == word for e in hit(tagging, label).evidence)


# ---------------------------------------------------------------------------------------------------------
# Stages
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "tahap"),
    [
        ("Pria di Sleman tewas dianiaya tetangganya", "kejadian"),
        ("Polisi tangkap pelaku penganiayaan pria di Sleman", "proses_hukum"),
        ("Pelaku penganiayaan di Sleman divonis 5 tahun penjara oleh hakim", "proses_hukum"),
    ],
)
def test_stage_follows_what_the_title_reports(tagger, title, tahap):
    assert tagger.tag(title, "").tahap == tahap


# ---------------------------------------------------------------------------------------------------------
# The pattern tables and the engine
# ---------------------------------------------------------------------------------------------------------


def test_rule_tables_are_consistent():
    ids = [rule.id for rule in LABEL_RULES]
    assert len(ids) == len(set(ids))
    assert {rule.label for rule in LABEL_RULES} <= set(LABELS)
    assert {rule.label for rule in STAGE_RULES} <= set(STAGES)
    assert all(0.0 < rule.weight <= 2.0 for rule in (*LABEL_RULES, *STAGE_RULES))
    assert {rule.label for rule in LABEL_RULES} == set(LABELS)  # every label has rules
    assert len(CONTEXT_CUES) >= 7 and set(MASKS) == {"agency", "charge"}


def test_every_rule_is_gated_by_needles():
    """A rule without needles would run on every article; the engine's speed depends on there being none."""
    compiled = _compiled()
    for table in (compiled.labels, compiled.flags, compiled.stages, compiled.masks, compiled.context.table):
        ungated = [c.rule.id for c in table.rules if not c.requirements]
        assert ungated == []


@pytest.mark.parametrize(("title", "text"), ALL_TEXTS)
def test_needle_gate_never_hides_a_match(title, text):
    compiled = _compiled()
    present = compiled.finder.find([lowered(title), lowered(text)])
    for table in (compiled.labels, compiled.flags, compiled.stages, compiled.masks, compiled.context.table):
        for rule in table.rules:
            if rule.regex.search(lowered(title)) or rule.regex.search(lowered(text)):
                assert rule.possible(present), rule.rule.id


def test_needles_of():
    assert needles_of("pug|arg") == (frozenset({"=pug", "=arg"}),)
    assert needles_of(r"dianiaya|menganiaya") == (frozenset({"=dianiaya", "=menganiaya"}),)
    assert needles_of(r"(?:dianiaya|menganiaya)\s+\w+") == (frozenset({"dianiaya", "menganiaya"}),)
    # The parser factors "i" out of "ipg|idg"; the needles still get whole words.
    assert needles_of(r"ipg\s+\d+|idg\s+\d+") == (frozenset({"ipg", "idg"}),)
    assert frozenset({"nganiaya"}) in needles_of(r"(?:di|me)?nganiaya")
    assert needles_of(r"\d+") == ()


def test_patterns_must_be_lower_case():
    with pytest.raises(ValueError, match="lower case"):
        compile_rule(Rule("kdrt/upper", "KDRT", 1.0))
    assert compile_rule(Rule("kdrt/lower", r"kdrt\s+\d+", 1.0)).regex.search("kdrt 12")


def test_importing_compiles_nothing():
    code = (
        "import sorot.models.rules as rules\n"
        "from sorot.models.rules import tagger\n"
        "assert tagger._compiled.cache_info().currsize == 0\n"
        "rules.RuleTagger()\n"
        "assert tagger._compiled.cache_info().currsize == 1\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "ok"


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("Pria memerkosa gadis di bawah umur", "kekerasan_seksual"),  # the KBBI me- form of "perkosa"
        ("Pengamen menempeleng pengunjung warung", "kekerasan_fisik"),
        ("Pengunjung ditabok pengamen di rumah makan", "kekerasan_fisik"),
        ("Pemuda ditonjok orang tak dikenal", "kekerasan_fisik"),
    ],
)
def test_rules_1_2_morphology(tagger, title, label):
    assert label in names(tagger.tag(title, title + "."))


def test_active_shooting_is_weak_evidence_with_the_passive_guards(tagger):
    lead = "Seorang pria menembak rekannya di sebuah gudang. Korban tewas di tempat."
    assert "kekerasan_fisik" in tagger.analyse("Pria tembak rekan kerja", lead)[1].label_scores
    guarded = "Polisi menembak kaki tersangka yang melawan saat ditangkap."
    assert "kekerasan_fisik" not in tagger.analyse("Tersangka ditangkap", guarded)[1].label_scores
