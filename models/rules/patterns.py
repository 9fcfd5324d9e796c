"""The declarative pattern tables of the rules tagger: what counts as evidence for each label and stage.

Everything a reviewer needs to audit a tagging is here, as data: each rule has an id (``label/name``, shown
in the evidence of every hit), a regular expression, a weight, and optional guards. The engine (``engine.py``)
compiles these tables; the tagger (``tagger.py``) decides from the weighted matches. Changing a table changes
the tagger's output, so bump ``RULES_VERSION`` with it.

How patterns are written:
- In lower case: they run on the lower-cased title and text (guards run on the original, case-insensitively).
  The engine adds word boundaries around every pattern and accepts the enclitic "-nya" at its end, so a pattern
  is written as the phrase itself (``dianiaya`` also finds "Dianiaya" and "dianiayanya").
- Indonesian morphology is spelt out rather than stemmed: ``dianiaya|menganiaya|penganiayaan|aniaya``. Common
  stemmers over-strip (kekerasan -> keras, pelaku -> laku), and spelt-out forms keep the evidence readable.
- Gaps between words are explicit closed lists (``_FILL``), never ``.*``: a victim noun counts only when it is
  next to the act, which is how regexes approximate "the victim is a woman".

Weights (``STRONG``/``MEDIUM``/``WEAK``) say how much one match says that the label is the article's subject:
- STRONG (1.0): a term that names the label's kind of event or institution unambiguously (pemerkosaan, KDRT,
  TPPO, UPTD PPA). One match in the title or the lead is enough.
- MEDIUM (0.6): usually relevant but also used loosely (dipukul, intimidasi, Unit PPA in a crime report).
  Needs a second cue.
- WEAK (0.3): generic words (kekerasan alone, perempuan dan anak) that only add up.
Weights in between (0.4, 0.5, 0.8, 0.9) place a rule nearer one of these. The thresholds and position
factors that turn weights into decisions live in ``scoring.py``.

Guards:
- ``unless_before`` / ``unless_after``: a regex tested on the few words just before / after the match; if it
  matches, the match is not evidence (``pukul 10.00`` is a time, ``diancam hukuman`` is a penalty).
- ``outside``: names of ``MASKS``; a match inside a masked span is not evidence (``Dinas Pemberdayaan
  Perempuan dan Perlindungan Anak`` is an agency's name, not women's empowerment; ``dijerat Pasal 81 UU
  Perlindungan Anak`` is a charge, not child-protection policy).
- ``negatable``: whether the shared negation guard (``NEGATION_BEFORE`` / ``NEGATION_AFTER``) applies; it also
  treats a word in scare quotes ("Real Madrid 'Dihajar' Barcelona") as figurative.
- Every rule of the `kekerasan` family (its subtypes and the victim flags too) is also subject to the
  out-of-scope context guards in ``CONTEXT_CUES`` (armed conflict, terrorism, clashes between groups, police
  against protesters, animals, fiction, sport) and to ``PAST_RECORD_BEFORE``.
"""

from __future__ import annotations

from dataclasses import dataclass

RULES_VERSION = "1.2"

STRONG = 1.0
MEDIUM = 0.6
WEAK = 0.3


@dataclass(frozen=True)
class Rule:
    """One explainable pattern: a match is evidence for the label (or stage) named before the slash."""

    id: str
    pattern: str
    weight: float
    unless_before: str | None = None
    unless_after: str | None = None
    outside: tuple[str, ...] = ()
    negatable: bool = True

    @property
    def label(self) -> str:
        return self.id.split("/", 1)[0]


@dataclass(frozen=True)
class ContextCue:
    """A word that puts nearby violence out of the taxonomy's scope (see the module docstring).

    ``scope`` is ``"sentence"`` (a cue anywhere in the same sentence guards the match) or a number of
    characters (the cue must be that close): fiction, sport and animal words are common in articles that are
    still about real violence against a person, so they only guard what is right next to them.
    ``hard`` cues (armed conflict, terrorism, clashes, protests) in the title also discount the whole
    article's violence evidence (``scoring.TITLE_CONTEXT_FACTOR``).
    """

    id: str
    pattern: str
    scope: str | int
    hard: bool


def _alt(*parts: str) -> str:
    """Join alternatives into one non-capturing group (longer alternatives should come first)."""
    return "(?:" + "|".join(parts) + ")"


# ---------------------------------------------------------------------------------------------------------
# Shared vocabulary
# ---------------------------------------------------------------------------------------------------------

_NYA = r"(?:nya)?"

# A place after a noun ("di Lampung Tengah", "warga Desa Sukamaju").
_PLACE = (
    r"(?:di|dari|asal|warga)\s+(?:kabupaten\s+|kota\s+|kecamatan\s+|desa\s+|kampung\s+)?[a-z]+"
    r"(?:\s+(?:tengah|utara|selatan|barat|timur|raya|baru|lama|besar|kidul|lor|wetan|kulon))?"
)

# Short, closed filler between a victim noun and the act ("siswi berusia 13 tahun itu dicabuli").
_FILL = (
    r"(?:(?:yang masih|yang|itu|tersebut|malang|muda|belia|hamil|kecil|kandung|tiri|sendiri|kini|telah|sempat"
    r"|diduga|juga|pun|masih|seorang|berusia \d+ tahun|berumur \d+ tahun|usia \d+ tahun|\d+ tahun"
    r"|berinisial [a-z.]+|inisial [a-z.]+|\(\d+\)|\([a-z]{2,5}\)|[a-z]{1,4}\s*\(\d+\)|babak belur|tak berdaya|tewas"
    r"|"
    + _PLACE
    + r"|(?:penjaga|pedagang|pemilik|karyawan|pegawai|pekerja|buruh|guru|pemandu|penjual|pengemudi|sopir|petugas)"
    r"\s+[a-z]+|perempuan|laki-laki|cilik|kelas\s+\w+|sd|smp|sma|smk|mi|mts|paud|tk|sekolah\s+dasar"
    r"|sekolah\s+menengah\s+(?:pertama|atas|kejuruan))[\s,]+)"
)
_FILL_UP_TO_4 = _FILL + "{0,4}"

# Filler between a perpetrator and the act ("ayah tiri yang tega mencabuli").
_PERP_FILL = (
    r"(?:(?:yang|itu|tersebut|tega|nekat|diduga|bejat|sendiri|kandung|tiri|sang|juga|kini|" + _PLACE + r")\s+){0,3}"
)

# Acts done to a victim, passive voice ("dianiaya", "dicabuli").
_PASSIVE = _alt(
    "dianiaya",
    "dihajar",
    "dipukuli",
    "dipukul",
    "ditendangi",
    "ditendang",
    "dikeroyok",
    "ditusuk",
    "ditikam",
    "dibacok",
    "disiksa",
    "dicekik",
    "dibunuh",
    "dihabisi",
    "ditampar",
    "dijambak",
    "disiram air keras",
    "dibakar",
    "dimutilasi",
    "diperkosa",
    "dirudapaksa",
    "dicabuli",
    "disetubuhi",
    "digauli",
    "dilecehkan",
    "disodomi",
    "dihamili",
    "digerayangi",
    "diancam",
    "diteror",
    "diintimidasi",
    "dirundung",
    "di-?bully",
    "ditelantarkan",
    "dibuang",
    "dijual",
    "diperdagangkan",
    "dieksploitasi",
    "disekap",
    "diculik",
    "diperbudak",
)

# The same acts, active voice, as they precede the victim ("mencabuli siswi", "bunuh istri").
_ACTIVE = _alt(
    "menganiaya",
    "aniaya",
    "menghajar",
    "memukuli",
    "memukul",
    "menendang",
    "mengeroyok",
    "keroyok",
    "menusuk",
    "tusuk",
    "menikam",
    "tikam",
    "membacok",
    "bacok",
    "menyiksa",
    "siksa",
    "mencekik",
    "cekik",
    "membunuh",
    "bunuh",
    "menghabisi",
    "habisi",
    "menampar",
    "tampar",
    "menjambak",
    "menyiram",
    "membakar",
    "memutilasi",
    "mutilasi",
    "memperkosa",
    "memerkosa",  # v1.2: the standard (KBBI) me- form of "perkosa"
    "perkosa",
    "merudapaksa",
    "rudapaksa",
    "mencabuli",
    "cabuli",
    "menyetubuhi",
    "setubuhi",
    "menggauli",
    "gauli",
    "melecehkan",
    "lecehkan",
    "menyodomi",
    "sodomi",
    "menghamili",
    "hamili",
    "menggerayangi",
    "mengancam",
    "meneror",
    "merundung",
    "rundung",
    "mem-?bully",
    "menelantarkan",
    "telantarkan",
    "menjual",
    "memperdagangkan",
    "mengeksploitasi",
    "eksploitasi",
    "menyekap",
    "sekap",
    "menculik",
    "culik",
    "memperbudak",
)

# Abuse nouns that take the victim after "terhadap/pada/kepada".
_ABUSE_NOUN = _alt(
    "kekerasan seksual",
    "kekerasan fisik",
    "kekerasan psikis",
    "kekerasan berbasis gender",
    "kekerasan",
    "kdrt",
    "pelecehan seksual",
    "pelecehan",
    "penganiayaan",
    "pembunuhan",
    "pemerkosaan",
    "perkosaan",
    "pencabulan",
    "persetubuhan",
    "eksploitasi",
    "perundungan",
    "penelantaran",
    "diskriminasi dan kekerasan",
)

_TOWARDS = r"\s+(?:terhadap|pada|kepada|atas|bagi)\s+(?:kaum\s+|para\s+|seorang\s+|sejumlah\s+)?"

# A woman or girl, as a victim noun.
_FEMALE = (
    _alt(
        "ibu rumah tangga",
        "ibu hamil",
        "ibu muda",
        "mantan istri",
        "remaja putri",
        "anak perempuan",
        "anak gadis",
        "bocah perempuan",
        "balita perempuan",
        "bayi perempuan",
        "pelajar putri",
        "murid perempuan",
        "cucu perempuan",
        "adik perempuan",
        "kakak perempuan",
        "keponakan perempuan",
        "pekerja migran perempuan",
        "buruh perempuan",
        "pekerja perempuan",
        "wanita muda",
        "perempuan muda",
        "perempuan",
        "wanita",
        "istri",
        "irt",
        r"ibu(?!\s*(?:kota|negara|korban|pelaku))",
        "siswi",
        "gadis",
        "karyawati",
        "pramugari",
        "wartawati",
        "biarawati",
        "pelayan wanita",
        "pekerja seks",
        r"putri(?=nya|\s+(?:kandung|tiri|sulung|bungsu))",
        "mahasiswi",
        "santriwati",
        "janda",
        "nenek",
        "tkw",
        "biduanita",
        "biduan",
        "polwan",
    )
    + _NYA
)

# A child, as a victim noun ("anak buah" is a subordinate, "anak usaha" a subsidiary, and so on).
_CHILD = (
    _alt(
        "anak di bawah umur",
        r"anak(?:-anak)?(?:\s+(?:kandung|tiri|angkat|laki-laki|perempuan|sulung|bungsu|balita))?",
        "balita",
        "bayi",
        "bocah",
        "siswa",
        "siswi",
        "pelajar",
        "santriwati",
        "santri",
        "murid",
        "remaja",
        "abg",
        r"putra(?=nya)",
        r"putri(?=nya)",
        "cucu",
        "keponakan",
    )
    + _NYA
    + r"(?!\s+(?:buah|perusahaan|usaha|sungai|tangga|muda|cucu|bangsa|kos|kost|band|gaul|emas|panah|kunci"
    r"|ayam|kucing|anjing|tikus|kambing|sapi|perahu|kapal|didik\s+(?:kpk|partai)))"
)

# Relatives and household members, as perpetrators of household violence (UU PKDRT's circle).
_KIN = (
    _alt(
        "mantan suami",
        "mantan istri",
        "suami",
        "istri",
        "ayah tiri",
        "bapak tiri",
        "ibu tiri",
        "ayah kandung",
        "bapak kandung",
        "ibu kandung",
        "ayah angkat",
        "ibu angkat",
        "ayah",
        "bapak",
        "ibu",
        "paman",
        "kakek",
        "nenek",
        "kakak ipar",
        "adik ipar",
        "kakak",
        "adik",
        "mertua",
        "menantu",
        "sepupu",
        "orang tua",
        "ortu",
        "majikan",
        "anak kandung",
        "anak tiri",
        "anak",
    )
    + r"(?:\s+(?:kandung|tiri|angkat|sendiri))?"
    + _NYA
)

# Perpetrators of femicide by the taxonomy's definition: partners, former partners, family, household.
_KIN_FEMICIDE = (
    _alt(
        "mantan suami",
        "mantan pacar",
        "mantan kekasih",
        "suami",
        "pacar",
        "kekasih",
        "selingkuhan",
        "teman kencan",
        "ayah tiri",
        "ayah kandung",
        "ayah",
        "bapak",
        "anak kandung",
        "anak",
        "menantu",
        "kakak",
        "adik",
        "paman",
        "majikan",
    )
    + _NYA
)

_FEMALE_FEMICIDE_VICTIM = (
    _alt(
        "mantan istri",
        "ibu rumah tangga",
        "remaja putri",
        "anak perempuan",
        "istri",
        "pacar",
        "kekasih",
        "perempuan",
        "wanita",
        "gadis",
        "siswi",
        "mahasiswi",
        "irt",
        r"ibu(?!\s*(?:kota|negara))",
        "nenek",
        "janda",
        r"putri(?=nya)",
    )
    + _NYA
)

_KILLED = _alt(
    r"(?:tewas\s+|meninggal\s+)?(?:dibunuh|dihabisi|ditikam|ditusuk|dicekik|dibacok|dimutilasi|dibakar)",
    r"dianiaya\s+(?:hingga|sampai)\s+(?:tewas|meninggal)",
    r"tewas\s+dianiaya",
)
_KILL_ACTIVE = _alt(
    "menghabisi nyawa",
    "membunuh",
    "bunuh",
    "menghabisi",
    "habisi",
    "menikam",
    "tikam",
    "mencekik",
    "cekik",
    "membacok",
    "bacok",
    "memutilasi",
    "mutilasi",
)
_SEXUAL_PASSIVE = _alt("diperkosa", "dirudapaksa", "disetubuhi", "dicabuli", "digauli")

# Words before "pelecehan"/"melecehkan" that make it an insult, not sexual harassment.
_NOT_SEXUAL_HARASSMENT = (
    r"\s*(?:terhadap\s+)?(?:profesi|lambang|agama|bendera|negara|simbol|pancasila|lagu|kitab|nabi|ulama"
    r"|hukum|pengadilan|institusi|lembaga|martabat\s+bangsa|kedaulatan|presiden)"
)
# Nature and resources: their "eksploitasi" is mining, not a person being exploited.
_NATURE = (
    r"(?:hutan|alam|tambang|sumber\s+daya(?:\s+alam)?|lahan|laut|pasir|nikel|batu\s*bara|mineral|migas|minyak"
    r"|gas|emas|air\s+tanah|kawasan|pulau|sda)"
)
# Land and property can be "ditelantarkan" (left idle) too.
_LAND_AFTER = r"\s*(?:lahan|tanah|aset|gedung|bangunan|proyek|hewan|kebun|sawah|pasien\s+covid)"

# ---------------------------------------------------------------------------------------------------------
# Masks: spans whose words are names or charges, not the subject (see Rule.outside)
# ---------------------------------------------------------------------------------------------------------

MASKS: dict[str, str] = {
    # The women's and children's agency at every level carries both phrases in its name.
    "agency": _alt(
        r"pemberdayaan\s+perempuan,?\s+(?:dan\s+)?perlindungan\s+anak",
        r"pemberdayaan\s+perempuan\s+(?:dan|&)\s+anak",
        r"(?:dinas|badan|bidang|kementerian|kementrian|menteri|kemen|deputi|biro|seksi|kantor|kabid|kadis"
        r"|kepala\s+dinas)\s+pemberdayaan\s+perempuan(?:,?\s+(?:dan\s+)?perlindungan\s+anak)?",
    ),
    # "dijerat Pasal 81 UU Perlindungan Anak" names the charge of a criminal case.
    "charge": _alt(
        r"(?:pasal|ps\.?)\s*\d+[^.\n]{0,160}",
        r"(?:dijerat|dikenakan|dikenai|disangkakan|didakwa|dituntut|terancam|diancam)\s+(?:dengan\s+)?"
        r"(?:pasal|undang-undang|uu|hukuman|pidana|ancaman)[^.\n]{0,160}",
    ),
}

# Shared negation: "tidak ada kekerasan", "bukan pelecehan", "membantah melakukan penganiayaan".
NEGATION_BEFORE = (
    r"(?:(?:tidak|tak|bukan|tanpa|nihil)\s+(?:(?:ada|ditemukan|terdapat|terjadi|terbukti|pernah|melakukan"
    r"|mengalami|unsur|tanda|tanda-tanda|bekas|bentuk|tindak|tindakan|aksi|sama|sekali|merupakan|kasus|dugaan"
    r"|karena|akibat|soal|masalah|termasuk|adanya|lagi)\s+){0,3}"
    r"|(?:membantah|dibantah|bantah|menampik|ditampik|tampik|menyangkal|disangkal|sangkal|menepis|ditepis|tepis)"
    r"\s+(?:(?:telah|pernah|melakukan|adanya|ada|tudingan|tuduhan|isu|kabar|dugaan|terjadi|bahwa|terlibat|soal"
    r"|tindak|tindakan|aksi|kasus|dia|ia|pihaknya|kliennya|anaknya)\s+){0,3})"
)
NEGATION_AFTER = (
    r"\s*(?:[a-z]+\s+){0,2}?(?:itu\s+|tersebut\s+|ini\s+)?(?:tidak\s+benar|hoaks|hoax|bohong|tidak\s+terbukti|palsu)"
)

# "mantan napi kasus pembunuhan" is a person's record, not the article's violence.
PAST_RECORD_BEFORE = (
    r"(?:mantan|eks|bekas|residivis)\s+(?:napi|narapidana|terpidana|tahanan|terdakwa|pelaku)\s+(?:kasus\s+)?"
)

# Lines that link or credit other stories; their words are not this article's evidence.
NOISE_LINE = (
    r"(?im)^[ \t]*(?:baca\s+juga|simak\s+juga|lihat\s+juga|berita\s+terkait|baca\s+selengkapnya|pewarta"
    r"|editor|copyright|advertisement|scroll\s+to\s+continue)\b.*$"
)

# ---------------------------------------------------------------------------------------------------------
# Out-of-scope contexts for violence (taxonomy: armed conflict, terrorism, riots between groups, state/police
# violence against protesters, animal cruelty, violence in fiction and sport)
# ---------------------------------------------------------------------------------------------------------

CONTEXT_CUES: tuple[ContextCue, ...] = (
    ContextCue(
        "konteks/konflik_bersenjata",
        _alt(
            "kkb",
            "kkst",
            "opm",
            "tpnpb",
            "separatis",
            "kelompok kriminal bersenjata",
            "kelompok separatis",
            "kontak tembak",
            "baku tembak",
            "perang",
            "serangan udara",
            "rudal",
            "militer israel",
            "tentara israel",
            "pasukan israel",
            "zionis",
            "gaza",
            "junta",
            "pemberontak",
            "milisi",
            "hamas",
            "hizbullah",
            "idf",
            "israel",
            "palestina",
            "ukraina",
            "rohingya",
            r"konflik\s+bersenjata",
            r"(?:kelompok|orang-orang|gerombolan|milisi)\s+bersenjata",
            "gencatan senjata",
            "mortir",
            "artileri",
            "pasukan",
            r"(?:serangan|operasi|agresi)\s+militer",
        ),
        "sentence",
        True,
    ),
    ContextCue(
        "konteks/terorisme",
        _alt("teroris", "terorisme", "bom bunuh diri", "densus 88", "densus", "isis", "jamaah islamiyah"),
        "sentence",
        True,
    ),
    ContextCue(
        "konteks/bentrok_kelompok",
        _alt(
            r"bentrok(?:an)?\s+(?:antar\w*|dua\s+kelompok|massa|warga|suporter|ormas)",
            r"bentrok(?:an)?",
            "kerusuhan",
            "rusuh",
            r"konflik\s+(?:antar\w*|sosial|komunal|horizontal)",
            r"penyerangan\s+(?:kampung|desa|markas|pos)",
            "perang antarsuku",
            r"perkelahian\s+antar\w+",
            "antarnarapidana",
            "antarnapi",
            "perang suku",
        ),
        "sentence",
        True,
    ),
    ContextCue(
        "konteks/aparat_demonstran",
        _alt(
            "demonstran",
            "pengunjuk rasa",
            "unjuk rasa",
            r"aksi\s+demo",
            r"demo\s+(?:mahasiswa|buruh|ojol|tolak|menolak|ricuh)",
            "massa aksi",
            "gas air mata",
            "water cannon",
            "represif",
            r"pembubaran\s+(?:paksa\s+)?(?:demo|aksi|massa)",
        ),
        "sentence",
        True,
    ),
    ContextCue(
        "konteks/hewan",
        _alt(
            "hewan",
            "binatang",
            "satwa",
            "anjing",
            "kucing",
            "monyet",
            "kera",
            "orangutan",
            "sapi",
            "kambing",
            "kerbau",
            "kuda",
            "gajah",
            "harimau",
            "buaya",
            "ular",
            "penyu",
            "lumba-lumba",
            "kukang",
            "beruang",
        ),
        40,
        False,
    ),
    ContextCue(
        "konteks/fiksi",
        # "aktris sinetron" is a real person; the lookbehinds keep her real.
        r"(?<!aktris )(?<!aktor )(?<!artis )(?<!pemain )(?<!bintang )(?<!pemeran )"
        + _alt(
            "film",
            "sinetron",
            r"serial\s+(?:tv|televisi|drama|netflix|animasi|web)",
            "series",
            "drama",
            r"novel\s+(?:karya|berjudul|fiksi|grafis)",
            "komik",
            "gim",
            "game",
            "adegan",
            "trailer",
            "sutradara",
            "skenario",
            "berkisah",
            "novelis",
            "fiksi",
            "mengisahkan",
            r"tokoh\s+(?:utama|fiksi)",
            "karakter",
            "diperankan",
            "memerankan",
            "episode",
            "bioskop",
            "webtoon",
            "anime",
        ),
        60,
        False,
    ),
    ContextCue(
        "konteks/olahraga",
        _alt(
            "pertandingan",
            "laga",
            "wasit",
            "gol",
            "tinju",
            "petinju",
            "ronde",
            r"knock\s*out",
            "mma",
            "ufc",
            "sparring",
            "sasana",
            "bertanding",
            r"sepak\s*bola",
            r"pesepak\s*bola",
            "liga",
            "turnamen",
            "kejuaraan",
            "medali",
            r"babak\s+(?:pertama|kedua|final|semifinal|perempat|penyisihan|kualifikasi|tambahan|gugur)",
            r"menit\s+ke",
            r"kartu\s+(?:merah|kuning)",
            "penalti",
            "petarung",
            "pegulat",
            "smackdown",
        ),
        60,
        False,
    ),
)

# ---------------------------------------------------------------------------------------------------------
# Label rules
# ---------------------------------------------------------------------------------------------------------

_R = Rule

_KEKERASAN: tuple[Rule, ...] = (
    _R(
        "kekerasan/terhadap_perempuan_anak",
        r"kekerasan\s+(?:seksual\s+|fisik\s+|psikis\s+)?(?:terhadap|pada|kepada)\s+(?:kaum\s+)?"
        + _alt("perempuan", "anak", "istri", "wanita", "ibu", "remaja", "pelajar", "siswa", "siswi"),
        STRONG,
    ),
    _R("kekerasan/kbg", r"kekerasan\s+berbasis\s+gender", STRONG),
    _R("kekerasan/hari_anti_kekerasan", r"(?:16\s+)?hari\s+anti\s*-?\s*kekerasan|haktp|16\s+haktp", STRONG),
    _R("kekerasan/korban_kekerasan", r"korban\s+(?:tindak\s+)?kekerasan", MEDIUM),
    _R("kekerasan/anti_kekerasan", r"anti\s*-?\s*kekerasan|stop\s+kekerasan|zero\s+tolerance", MEDIUM),
    _R(
        "kekerasan/kasus_kekerasan",
        r"(?:kasus|tindak|tindakan|aksi|bentuk|praktik|perilaku)\s+kekerasan",
        0.5,
        unless_after=r"\s*(?:oleh\s+)?(?:aparat|polisi|tni|militer)",
    ),
    _R(
        "kekerasan/kekerasan",
        r"kekerasan",
        WEAK,
        unless_before=r"(?:dengan|pencurian\s+dengan)\s+",
        unless_after=r"\s*(?:oleh\s+)?(?:aparat|polisi|tni|militer)",
    ),
)

_FISIK: tuple[Rule, ...] = (
    _R("kekerasan_fisik/kekerasan_fisik", r"kekerasan\s+fisik", STRONG),
    _R("kekerasan_fisik/penganiayaan", r"penganiayaan|dianiaya|menganiaya|aniaya", STRONG),
    _R("kekerasan_fisik/pengeroyokan", r"pengeroyokan|dikeroyok|mengeroyok|keroyok", STRONG),
    _R("kekerasan_fisik/dihajar", r"dihajar", MEDIUM),
    _R("kekerasan_fisik/menghajar", r"menghajar", 0.4),
    _R(
        "kekerasan_fisik/pembunuhan",
        r"pembunuhan|menghabisi\s+nyawa|dihabisi",
        STRONG,
        unless_before=r"(?:ancam|mengancam|diancam|ancaman|ancamannya)\s+(?:akan\s+)?(?:melakukan\s+)?",
    ),
    _R("kekerasan_fisik/dibunuh", r"dibunuh|terbunuh", 0.8),
    _R(
        "kekerasan_fisik/pembunuh",
        r"pembunuh",
        MEDIUM,
        unless_before=r"(?:si|sang|mesin|raksasa)\s+",
        unless_after=r"\s*(?:bayaran\s+)?(?:waktu|kuman|bakteri|virus|rumput|gulma|hama|nyamuk|senyap)",
    ),
    _R(
        "kekerasan_fisik/membunuh",
        r"membunuh|bunuh",
        0.5,
        unless_before=r"(?:bom|aksi|upaya|percobaan|ancam|mengancam|diancam|ancaman|berniat|hendak|ingin|mau)\s+(?:akan\s+)?",
        unless_after=r"\s*(?:waktu|kebosanan|karakter|nyamuk|kuman|bakteri|virus|sel|diri)",
    ),
    _R("kekerasan_fisik/mutilasi", r"mutilasi|dimutilasi|memutilasi", STRONG),
    _R("kekerasan_fisik/pembacokan", r"pembacokan|dibacok|membacok|bacok", 0.9),
    _R("kekerasan_fisik/penusukan", r"penusukan|ditusuk|penikaman|ditikam", 0.8),
    _R(
        "kekerasan_fisik/menusuk",
        r"menusuk|menikam|tusuk|tikam",
        0.5,
        unless_after=r"\s*(?:(?:hingga\s+|sampai\s+|ke\s+)?(?:tulang|hati|kalbu|jantung\s+kota|hidung|mata))",
    ),
    _R("kekerasan_fisik/penyiksaan", r"penyiksaan|disiksa|menyiksa", 0.8),
    _R("kekerasan_fisik/pencekikan", r"dicekik|mencekik", 0.8),
    _R(
        "kekerasan_fisik/pemukulan",
        r"pemukulan|dipukuli|dipukul|memukuli|memukul|pukuli",
        MEDIUM,
        unless_after=r"\s*(?:mundur|rata|gong|bedug|beduk|kentongan|drum|bola|kok|shuttlecock|palu)",
    ),
    _R("kekerasan_fisik/penamparan", r"ditampar|menampar|tamparan|dijambak|menjambak", MEDIUM),
    # v1.2: the everyday verbs for slapping and punching, in their di-/me- forms (tempeleng, tabok, tonjok,
    # gebuk; "tinju" only as a verb: the noun is also the sport)
    _R(
        "kekerasan_fisik/pemukulan_sehari_hari",
        r"ditempeleng|menempeleng|ditabok|menabok|ditonjok|menonjok|digebuki|menggebuki|digebuk|menggebuk"
        r"|ditinju|meninju",
        MEDIUM,
    ),
    _R(
        "kekerasan_fisik/penendangan",
        r"ditendangi|ditendang|menendangi|menendang",
        0.5,
        unless_after=r"\s*(?:bola|pintu|tendangan)",
    ),
    _R("kekerasan_fisik/air_keras", r"(?:disiram|menyiram|penyiraman)\s+air\s+keras", STRONG),
    _R("kekerasan_fisik/dibakar_hidup", r"dibakar\s+hidup-hidup", STRONG),
    _R("kekerasan_fisik/tewas_dianiaya", r"tewas\s+(?:dianiaya|dibunuh|ditusuk|dibacok|dikeroyok|dipukuli)", STRONG),
    _R("kekerasan_fisik/main_hakim", r"main\s+hakim\s+sendiri|dihakimi\s+massa|diamuk\s+massa", 0.8),
    _R("kekerasan_fisik/carok_tawuran", r"carok|tawuran", 0.8),
    _R("kekerasan_fisik/perkelahian", r"perkelahian|berkelahi|duel\s+maut", MEDIUM),
    _R(
        "kekerasan_fisik/luka",
        r"luka\s+lebam|lebam|memar|babak\s+belur|luka\s+tusuk|luka\s+bacok|bersimbah\s+darah",
        0.4,
    ),
    _R(
        "kekerasan_fisik/ditembak",
        # v1.2: the active forms too ("menembak mati dua warga"), with the same guards
        r"ditembak|penembakan|menembak|menembaki",
        0.4,
        unless_after=r"\s*(?:(?:di\s+)?(?:bagian\s+)?(?:kaki|betis|paha|lutut)|mati\s+(?:petugas|polisi)|gas)",
    ),
    _R("kekerasan_fisik/pencurian_dengan_kekerasan", r"pencurian\s+dengan\s+kekerasan|curas", 0.4),
    # v1.1: vocabulary met in the labelled data (models/data), kept general (see MODEL_CARD.md)
    _R(
        "kekerasan_fisik/penembakan",
        r"penembakan\s+(?:massal|brutal|membabi\s+buta)|tewas\s+ditembak|ditembak\s+(?:hingga|sampai)\s+(?:tewas|mati)"
        r"|menembaki\s+(?:warga|pengunjung|korban|siswa|jemaah)",
        0.8,
    ),
    _R("kekerasan_fisik/diracun", r"diracun|meracuni|peracunan", 0.8),
    _R("kekerasan_fisik/serangan_air_keras", r"(?:siraman|serangan|teror)\s+air\s+keras|air\s+keras", 0.8),
    _R(
        "kekerasan_fisik/penyekapan",
        r"penyekapan|disekap|menyekap|penyanderaan|disandera|menyandera|penculikan|diculik|menculik",
        MEDIUM,
        unless_after=r"\s*(?:data|akun|pesawat)",
    ),
    _R("kekerasan_fisik/pemalakan", r"pemalakan|dipalak|memalak", MEDIUM),
    _R("kekerasan_fisik/tewas_dikeroyok", r"(?:tewas|meninggal(?:\s+dunia)?)\s+(?:akibat|setelah|usai)\s+"
       r"(?:dikeroyok|dianiaya|dipukuli|ditusuk|dibacok|ditembak)", STRONG),
)

_PSIKIS: tuple[Rule, ...] = (
    _R(
        "kekerasan_psikis/kekerasan_psikis",
        r"kekerasan\s+(?:psikis|psikologis|verbal|emosional|mental)",
        STRONG,
    ),
    _R("kekerasan_psikis/pengancaman", r"pengancaman|ancaman\s+pembunuhan", STRONG),
    _R(
        "kekerasan_psikis/diancam",
        r"diancam\s+(?:akan\s+)?(?:dibunuh|dibakar|disebar\w*|dipukul|dibacok|dianiaya|diculik|diviralkan)"
        r"|diancam\s+(?:dengan|pakai|menggunakan)\s+(?:senjata\s+tajam|sajam|pisau|parang|golok|celurit|pistol"
        r"|senpi|airsoft\s+gun|senjata)",
        STRONG,
    ),
    _R(
        "kekerasan_psikis/mengancam",
        r"mengancam\s+(?:akan\s+)?(?:membunuh|menyebarkan|membakar|menganiaya|memukul|membacok|memviralkan)",
        STRONG,
    ),
    _R("kekerasan_psikis/intimidasi", r"intimidasi|diintimidasi|mengintimidasi", MEDIUM),
    _R("kekerasan_psikis/teror", r"diteror|meneror|teror(?=\s+(?:terhadap|kepada|pada))", MEDIUM),
    _R("kekerasan_psikis/trauma", r"trauma\s+(?:psikis|psikologis|mendalam|berat)", 0.4),
    _R(
        "kekerasan_psikis/ancam_senjata",
        r"(?:mengancam|ancam|menodong|menodongkan|ditodong|todong)\s+(?:\w+\s+){0,3}?(?:dengan|pakai|menggunakan)?\s*"
        r"(?:pisau|senjata|senapan|parang|golok|celurit|pistol|senpi|sajam|senjata\s+tajam|senjata\s+api)"
        r"|perampokan\s+bersenjata|menodongkan\s+(?:senjata|pistol|senapan|pisau)",
        0.8,
    ),
    _R("kekerasan_psikis/persekusi", r"persekusi|dipersekusi|mempersekusi", MEDIUM),
)

_SEKSUAL: tuple[Rule, ...] = (
    _R("kekerasan_seksual/kekerasan_seksual", r"kekerasan\s+seksual", STRONG),
    _R("kekerasan_seksual/tpks", r"tpks", MEDIUM),
    _R(
        "kekerasan_seksual/pemerkosaan",
        # v1.2: "memerkosa" is the standard (KBBI) me- form of "perkosa", as common in news as "memperkosa"
        r"pemerkosaan|perkosaan|diperkosa|memperkosa|memerkosa|perkosa|pemerkosa|rudapaksa|dirudapaksa|merudapaksa",
        STRONG,
    ),
    _R("kekerasan_seksual/pencabulan", r"pencabulan|dicabuli|mencabuli|cabuli|cabul", STRONG),
    _R("kekerasan_seksual/persetubuhan", r"persetubuhan|disetubuhi|menyetubuhi|setubuhi", STRONG),
    _R("kekerasan_seksual/sodomi", r"sodomi|disodomi|menyodomi", STRONG),
    _R("kekerasan_seksual/pelecehan_seksual", r"pelecehan\s+seksual|dilecehkan\s+secara\s+seksual", STRONG),
    _R(
        "kekerasan_seksual/pelecehan",
        r"pelecehan|dilecehkan|melecehkan|lecehkan",
        MEDIUM,
        unless_after=_NOT_SEXUAL_HARASSMENT,
    ),
    _R("kekerasan_seksual/asusila", r"asusila", MEDIUM, unless_before=r"(?:video|konten|foto|gambar|situs)\s+"),
    _R("kekerasan_seksual/digauli", r"digauli|menggauli|dihamili|menghamili", 0.8),
    _R("kekerasan_seksual/diraba", r"digerayangi|menggerayangi|diraba-raba|meraba-raba|begal\s+payudara", STRONG),
    _R(
        "kekerasan_seksual/ekshibisionis",
        r"eksibisionis\w*|ekshibisionis\w*|(?:memamerkan|pamer)\s+alat\s+kelamin",
        STRONG,
    ),
    _R(
        "kekerasan_seksual/kbgo",
        r"kbgo|ksbe|kekerasan\s+berbasis\s+gender\s+online|kekerasan\s+seksual\s+berbasis\s+elektronik"
        r"|sekstorsi|sextortion|revenge\s+porn|pornografi\s+balas\s+dendam",
        STRONG,
    ),
    _R(
        "kekerasan_seksual/konten_intim",
        r"(?:penyebaran|menyebarkan|disebarkan|sebar)\s+(?:konten|video|foto)\s+(?:intim|asusila|porno|syur|bugil)",
        0.8,
    ),
    _R("kekerasan_seksual/eksploitasi_seksual", r"eksploitasi\s+seksual|pornografi\s+anak", STRONG),
    _R("kekerasan_seksual/prostitusi_anak", r"prostitusi\s+anak|pelacuran\s+anak|mucikari", 0.8),
    _R("kekerasan_seksual/predator", r"predator\s+(?:seks|seksual|anak)|pedofil\w*", MEDIUM),
    _R("kekerasan_seksual/budak_seks", r"budak\s+seks\w*|perbudakan\s+seksual", STRONG),
    _R("kekerasan_seksual/child_grooming", r"child\s+grooming|grooming\s+(?:anak|seksual|terhadap)", STRONG),
    _R(
        "kekerasan_seksual/mengintip",
        r"mengintip\s+(?:\w+\s+){0,4}?(?:mandi|ganti\s+baju|di\s+kamar\s+mandi|di\s+toilet)"
        r"|(?:merekam|memotret|mengambil\s+foto)\s+(?:\w+\s+){0,3}?(?:sedang|yang\s+sedang)\s+mandi",
        0.8,
    ),
    _R("kekerasan_seksual/muncikari", r"muncikari|germo|prostitusi\s+(?:anak|sejenis|gay)", 0.8),
    _R(
        "kekerasan_seksual/kawin_paksa",
        r"kawin\s+paksa|nikah\s+paksa|perkawinan\s+paksa|pemaksaan\s+perkawinan|dipaksa\s+menikah",
        STRONG,
    ),
)

_KDRT: tuple[Rule, ...] = (
    _R("kdrt/kdrt", r"kdrt|kekerasan\s+dalam\s+rumah\s+tangga", STRONG, unless_before=r"(?:uu|undang-undang)\s+p"),
    _R(
        "kdrt/kerabat_pelaku",
        _KIN + r"\s+" + _PERP_FILL + _ACTIVE,
        STRONG,
    ),
    _R(
        "kdrt/oleh_kerabat",
        _PASSIVE + r"\s+(?:oleh\s+)?(?:sang\s+)?" + _KIN,
        STRONG,
        unless_after=r"\s*(?:kota|negara)",
    ),
    _R(
        "kdrt/terhadap_kerabat",
        _ACTIVE
        + r"\s+(?:sang\s+)?"
        + _alt(
            "anak",
            "putri",
            "putra",
            "istri",
            "suami",
            "cucu",
            "keponakan",
            "adik",
            "kakak",
            "ibu",
            "ayah",
            "bapak",
            "mertua",
            "menantu",
            "anak tiri",
            "anak kandung",
        )
        + r"\s*(?:(?:kandung|tiri|angkat)(?:nya)?|nya|sendiri)",
        STRONG,
    ),
    _R(
        "kdrt/kekerasan_terhadap_kerabat",
        _alt("penganiayaan", "kekerasan", "pembunuhan", "pencabulan", "pemerkosaan", "penelantaran")
        + r"\s+(?:terhadap\s+)?(?:istri|suami|anak\s+kandung|anak\s+tiri|ayah\s+kandung|ibu\s+kandung)"
        + _NYA,
        STRONG,
    ),
    _R("kdrt/ayah_tiri", r"ayah\s+tiri|bapak\s+tiri|ibu\s+tiri", 0.5),
    _R(
        "kdrt/pekerja_rumah_tangga",
        _alt("prt", "art", "asisten rumah tangga", "pembantu rumah tangga", "pekerja rumah tangga")
        + r"\s+"
        + _FILL_UP_TO_4
        + _PASSIVE,
        STRONG,
    ),
    _R("kdrt/penelantaran_rumah_tangga", r"penelantaran\s+(?:dalam\s+)?rumah\s+tangga", STRONG),
)

_PENELANTARAN: tuple[Rule, ...] = (
    _R("penelantaran/penelantaran", r"penelantaran", STRONG, unless_after=_LAND_AFTER),
    _R(
        "penelantaran/ditelantarkan",
        r"ditelantarkan|menelantarkan|telantarkan",
        0.8,
        unless_after=_LAND_AFTER,
        unless_before=r"(?:lahan|tanah|aset|gedung|bangunan|proyek|kebun|sawah)\s+(?:\w+\s+){0,2}",
    ),
    _R(
        "penelantaran/bayi_dibuang",
        r"bayi\s+(?:\w+\s+){0,2}(?:dibuang|ditemukan|tergeletak|ditinggal)|pembuangan\s+bayi"
        r"|(?:membuang|buang)\s+bayi",
        STRONG,
    ),
    _R(
        "penelantaran/tidak_dinafkahi",
        r"(?:tidak|tak)\s+(?:pernah\s+)?(?:dinafkahi|menafkahi|(?:diberi|memberi)\s+nafkah)",
        0.8,
        negatable=False,
    ),
    _R("penelantaran/anak_terlantar", r"anak\s+(?:terlantar|telantar)", MEDIUM),
)

_EKSPLOITASI: tuple[Rule, ...] = (
    _R(
        "eksploitasi/eksploitasi_anak",
        r"eksploitasi\s+(?:ekonomi\s+)?(?:terhadap\s+)?(?:anak|perempuan|pekerja|buruh|pmi|tki|pekerja\s+migran)"
        r"|eksploitasi\s+ekonomi",
        STRONG,
    ),
    _R("eksploitasi/pekerja_anak", r"pekerja\s+anak|buruh\s+anak|mempekerjakan\s+anak", STRONG),
    _R("eksploitasi/diperbudak", r"memperbudak|diperbudak|dipaksa\s+bekerja", STRONG),
    _R("eksploitasi/perbudakan", r"perbudakan|kerja\s+paksa", 0.4),
    _R(
        "eksploitasi/dipaksa_mengemis",
        r"(?:anak|bocah|balita)\s+(?:\w+\s+){0,2}(?:dipaksa|disuruh|diperalat|dimanfaatkan)\s+(?:untuk\s+)?"
        r"(?:mengemis|bekerja|mengamen|berjualan|meminta-minta)|(?:mengemis|pengemis)\s+(?:\w+\s+)?"
        r"(?:menggunakan|membawa|memanfaatkan)\s+(?:anak|bayi|balita)",
        STRONG,
    ),
    _R(
        "eksploitasi/dieksploitasi",
        r"dieksploitasi|mengeksploitasi",
        0.5,
        unless_before=_NATURE + r"\s+(?:\w+\s+){0,2}",
        unless_after=r"\s*" + _NATURE,
    ),
)

_TPPO: tuple[Rule, ...] = (
    _R("perdagangan_orang/tppo", r"tppo", STRONG),
    _R(
        "perdagangan_orang/perdagangan_orang",
        r"perdagangan\s+(?:orang|manusia|anak|bayi|perempuan)|penjualan\s+(?:bayi|anak|orang|manusia)"
        r"|human\s+trafficking|trafficking|trafiking",
        STRONG,
    ),
    _R(
        "perdagangan_orang/pmi_nonprosedural",
        r"(?:calon\s+)?(?:cpmi|pmi|tki|tkw|pekerja\s+migran(?:\s+indonesia)?)\s+(?:non\s*-?\s*prosedural|ilegal"
        r"|unprosedural|tidak\s+resmi)",
        0.8,
        negatable=False,
    ),
    _R(
        "perdagangan_orang/diperdagangkan",
        r"(?:orang|anak|perempuan|wanita|gadis|bayi|korban|pmi|tki|tkw|manusia|warga)\s+(?:\w+\s+){0,2}?"
        r"(?:diperdagangkan|dijual)|memperdagangkan\s+(?:\w+\s+)?(?:orang|anak|perempuan|wanita|gadis|bayi|manusia"
        r"|pmi|tki|tkw)",
        0.8,
    ),
    _R(
        "perdagangan_orang/dijual",
        r"dijual\s+(?:ke|kepada|sebagai|untuk)\s+(?:\w+\s+){0,2}(?:psk|pekerja\s+seks|mucikari|pria\s+hidung"
        r"\s+belang|tempat\s+hiburan)",
        0.8,
    ),
    _R(
        "perdagangan_orang/sindikat",
        r"sindikat\s+(?:perdagangan|penyaluran|pengiriman)\s+(?:orang|pmi|tki|pekerja\s+migran)",
        0.8,
    ),
    _R(
        "perdagangan_orang/migran_disekap_dijual",
        r"(?:cpmi|pmi|tki|tkw|pekerja\s+migran)\s+(?:\w+\s+){0,3}?(?:disekap|dijual|diperjualbelikan|terjebak"
        r"|ditelantarkan)|(?:penyekapan|penyanderaan)\s+(?:\d+\s+)?(?:orang\s+)?(?:cpmi|pmi|tki|tkw)"
        r"|(?:merekrut|perekrut|mengirim|pengiriman)\s+(?:\w+\s+){0,3}?(?:cpmi|pmi|tki|tkw|pekerja\s+migran)"
        r"(?:\s+indonesia)?\s+(?:\(cpmi\)\s+)?(?:ilegal|nonprosedural|non-prosedural|secara\s+ilegal)",
        0.8,
    ),
    _R(
        "perdagangan_orang/menjual_orang",
        r"menjual\s+(?:\w+\s+){0,2}?(?:perempuan|wanita|gadis|anak|bayi|remaja)(?:\s+di\s+bawah\s+umur)?"
        r"(?=\s+(?:kepada|ke|untuk|sebagai|dari|dengan|melalui|lewat|secara))",
        0.8,
    ),
)

_PERUNDUNGAN: tuple[Rule, ...] = (
    _R(
        "perundungan/perundungan",
        r"perundungan|dirundung|merundung|rundung|cyber\s*bullying|bullying|perpeloncoan|diplonco|plonco",
        STRONG,
    ),
    _R("perundungan/bully", r"di-?bully|mem-?bully|bully", MEDIUM),
)

_FEMISIDA: tuple[Rule, ...] = (
    _R("femisida/femisida", r"femisida|feminisida|femicide|feminicide", STRONG),
    _R(
        "femisida/dibunuh_pasangan_kerabat",
        _FEMALE_FEMICIDE_VICTIM + r"\s+" + _FILL_UP_TO_4 + _KILLED + r"\s+(?:oleh\s+)?(?:sang\s+)?" + _KIN_FEMICIDE,
        STRONG,
    ),
    _R(
        "femisida/pasangan_kerabat_membunuh",
        _KIN_FEMICIDE + r"\s+" + _PERP_FILL + _KILL_ACTIVE + r"\s+(?:sang\s+)?" + _FEMALE_FEMICIDE_VICTIM,
        STRONG,
    ),
    _R(
        "femisida/bunuh_pasangan",
        _KILL_ACTIVE
        + r"\s+"
        + _alt("mantan istri", "mantan pacar", "mantan kekasih", "istri", "pacar", "kekasih", "selingkuhan")
        + r"(?:nya|\s+sendiri)",
        0.9,
    ),
    _R(
        "femisida/pembunuhan_pasangan",
        r"pembunuhan\s+(?:terhadap\s+)?(?:istri|mantan\s+istri|pacar|kekasih|ibu\s+kandung)" + _NYA,
        0.9,
    ),
    _R(
        "femisida/kekerasan_seksual_lalu_dibunuh",
        _SEXUAL_PASSIVE + r"\s+(?:\w+\s+){0,2}(?:lalu\s+|kemudian\s+|dan\s+|sebelum\s+|hingga\s+|sampai\s+)(?:\w+\s+)?"
        r"(?:dibunuh|tewas|meninggal|dihabisi)"
        r"|(?:dibunuh|tewas|dihabisi)\s+(?:\w+\s+){0,2}(?:setelah|usai|sesudah|lalu|dan|kemudian)\s+"
        + _SEXUAL_PASSIVE
        + r"|(?:memperkosa|perkosa|merudapaksa|rudapaksa|mencabuli|cabuli)\s+(?:\w+\s+){0,2}"
        r"(?:lalu|dan|kemudian|sebelum|sebelumnya|sesudah|setelah)\s+(?:\w+\s+)?(?:membunuh|bunuh|menghabisi)",
        STRONG,
    ),
    _R(
        # The killer is her partner or relative. Not enough alone: the tagger also needs a killing and a female
        # victim (see tagger.FEMICIDE_*).
        "femisida/relasi_pelaku",
        r"(?:pelaku|tersangka|pembunuh)\s+(?:\w+\s+){0,4}?(?:yang\s+)?(?:merupakan|adalah|ialah|yakni|tak\s+lain)"
        r"\s+(?:\w+\s+)?"
        + _KIN_FEMICIDE
        + r"(?:\s+(?:korban|sendiri))?|(?:pelaku|tersangka)\s+(?:pembunuhan\s+)?(?:(?!bukan\b|tidak\b)\w+\s+)?"
        + _alt("mantan suami", "mantan pacar", "mantan kekasih", "suami", "pacar", "kekasih", "selingkuhan")
        + r"(?:\s+korban)?",
        0.5,
    ),
)

_KORBAN_PEREMPUAN: tuple[Rule, ...] = (
    _R("korban_perempuan/kekerasan_terhadap_perempuan", _ABUSE_NOUN + _TOWARDS + _FEMALE, STRONG),
    _R(
        "korban_perempuan/pembunuhan_perempuan",
        _alt(
            "pembunuhan",
            "penganiayaan",
            "pemerkosaan",
            "pencabulan",
            "penculikan",
            "pembunuh",
            "penganiaya",
            "pemerkosa",
        )
        + r"\s+(?:seorang\s+)?"
        + _FEMALE,
        STRONG,
    ),
    _R(
        "korban_perempuan/korban_perempuan",
        r"korban(?:nya)?[\s,]+(?:(?:yang\s+merupakan|yakni|yaitu|adalah|merupakan|ialah|seorang|sang|yang"
        r"|masih)[\s,]+){0,3}" + _FEMALE,
        STRONG,
        unless_after=r"\s*(?:dan\s+anak\s+)?(?:mengatakan|menyebut|menjelaskan|menuturkan|bercerita|melapor)",
    ),
    _R(
        "korban_perempuan/perempuan_menjadi_korban",
        _FEMALE
        + r"\s+"
        + _FILL_UP_TO_4
        + _alt(
            r"(?:menjadi|jadi)\s+korban",
            r"(?:mengalami|alami)\s+(?:kekerasan|kdrt|pelecehan|penganiayaan|pemerkosaan|pencabulan)",
            r"tewas\s+(?:dibunuh|dianiaya|ditusuk|dibacok)",
            r"ditemukan\s+(?:tewas|meninggal|tak\s+bernyawa|tewas\s+mengenaskan)",
            _PASSIVE,
        ),
        STRONG,
    ),
    _R(
        # Looser: up to eight words between the woman and a killing or wounding ("wanita pemilik toko emas di
        # Pasar Anyar, Tangerang, tewas dibunuh"), so it weighs less.
        "korban_perempuan/perempuan_dekat_tindakan",
        _FEMALE
        + r"(?!\s+(?:pelaku|korban|tersangka|dari|dan))(?:[\s,]+[^\s.!?]+){0,8}?[\s,]+"
        + _alt(
            r"tewas\s+(?:dibunuh|dianiaya|ditusuk|ditikam|dibacok|dikeroyok)",
            "dibunuh",
            "dianiaya",
            "ditusuk",
            "ditikam",
            "dibacok",
            "diperkosa",
            "dirudapaksa",
            "dicabuli",
            "dimutilasi",
        ),
        MEDIUM,
    ),
    _R(
        "korban_perempuan/pelaku_terhadap_perempuan",
        _ACTIVE
        + r"(?:\s+dan\s+[a-z]+)?\s+(?:sang\s+|seorang\s+|para\s+|dua\s+|tiga\s+|sejumlah\s+|terhadap\s+|kepada\s+)?"
        + _FEMALE,
        STRONG,
    ),
    _R(
        "korban_perempuan/perempuan_korban",
        _FEMALE
        + r"\s+korban\s+(?:tindak\s+)?"
        + _alt(
            "kekerasan",
            "kdrt",
            "pemerkosaan",
            "perkosaan",
            "pencabulan",
            "pelecehan",
            "penganiayaan",
            "perdagangan",
            "tppo",
            "pembunuhan",
            "femisida",
        ),
        STRONG,
    ),
    _R(
        "korban_perempuan/kematian_perempuan",
        r"(?:tewasnya|kematian|meninggalnya|jasad|mayat|jenazah)\s+(?:seorang\s+)?" + _FEMALE,
        MEDIUM,
    ),
    _R(
        "korban_perempuan/menimpa_perempuan",
        r"(?:menimpa|dialami|dialami\s+oleh|terhadap)\s+(?:seorang\s+)?" + _FEMALE,
        MEDIUM,
    ),
)

_KORBAN_ANAK: tuple[Rule, ...] = (
    _R(
        "korban_anak/kekerasan_terhadap_anak",
        _ABUSE_NOUN + _TOWARDS + r"(?:perempuan\s+(?:dan|serta)\s+)?" + _CHILD,
        STRONG,
    ),
    _R(
        "korban_anak/korban_anak",
        r"korban(?:nya)?[\s,]+(?:(?:yang\s+merupakan|yakni|yaitu|adalah|merupakan|ialah|seorang|sang|yang"
        r"|masih)[\s,]+){0,3}" + _CHILD,
        STRONG,
        unless_after=r"\s*(?:mengatakan|menyebut|menjelaskan|menuturkan|bercerita|melapor)",
    ),
    _R(
        "korban_anak/anak_menjadi_korban",
        _CHILD
        + r"\s+"
        + _FILL_UP_TO_4
        + _alt(
            r"(?:menjadi|jadi)\s+korban",
            r"(?:mengalami|alami)\s+(?:kekerasan|pelecehan|penganiayaan|pemerkosaan|pencabulan|perundungan)",
            r"tewas\s+(?:dibunuh|dianiaya|ditusuk|dibacok|dikeroyok)",
            r"ditemukan\s+(?:tewas|meninggal|tak\s+bernyawa)",
            _PASSIVE,
        ),
        STRONG,
        unless_before=r"(?:pelaku|tersangka)\s+",
    ),
    _R(
        "korban_anak/pelaku_terhadap_anak",
        _ACTIVE
        + r"(?:\s+dan\s+[a-z]+)?\s+(?:sang\s+|seorang\s+|para\s+|dua\s+|tiga\s+|sejumlah\s+|terhadap\s+|kepada\s+)?"
        + _CHILD,
        STRONG,
    ),
    _R(
        "korban_anak/pembunuhan_anak",
        _alt(
            "pembunuhan",
            "penganiayaan",
            "pemerkosaan",
            "pencabulan",
            "penculikan",
            "pembunuh",
            "penganiaya",
            "pemerkosa",
        )
        + r"\s+(?:seorang\s+)?"
        + _CHILD,
        STRONG,
    ),
    _R(
        "korban_anak/kematian_anak",
        r"(?:tewasnya|kematian|meninggalnya|jasad|mayat|jenazah)\s+(?:seorang\s+)?" + _CHILD,
        MEDIUM,
    ),
    _R(
        "korban_anak/anak_korban",
        _CHILD
        + r"\s+korban\s+(?:tindak\s+)?"
        + _alt(
            "kekerasan",
            "pemerkosaan",
            "perkosaan",
            "pencabulan",
            "pelecehan",
            "penganiayaan",
            "perundungan",
            "bullying",
            "perdagangan",
            "tppo",
            "eksploitasi",
            "penelantaran",
        ),
        STRONG,
    ),
    _R(
        "korban_anak/di_bawah_umur",
        r"di\s+bawah\s+umur",
        STRONG,
        unless_before=r"(?:pelaku|tersangka|pelakunya)\s+(?:yang\s+)?(?:masih\s+)?(?:anak\s+)?|perkawinan\s+|"
        r"pernikahan\s+|menikah\s+",
    ),
    _R(
        "korban_anak/usia_korban",
        r"korban(?:nya)?\s+(?:yang\s+)?(?:masih\s+)?(?:berusia|berumur|usia|umur)\s+(?:[1-9]|1[0-7])\s+tahun"
        r"|korban[^.\n]{0,40}\((?:[1-9]|1[0-7])\)",
        0.8,
    ),
    _R("korban_anak/bocah_balita", r"bocah|balita", 0.5, unless_before=r"(?:pelaku|tersangka)\s+(?:seorang\s+)?"),
)

_KESETARAAN: tuple[Rule, ...] = (
    _R(
        "kesetaraan_gender/kesetaraan",
        r"(?:kesetaraan|keadilan|ketidaksetaraan|ketidakadilan|kesenjangan|ketimpangan)\s+gender|gender\s+equality",
        STRONG,
    ),
    _R(
        "kesetaraan_gender/pengarusutamaan",
        r"pengarusutamaan\s+gender|anggaran\s+responsif\s+gender|perencanaan\s+dan\s+penganggaran\s+responsif"
        r"\s+gender|responsif\s+gender|pprg",
        STRONG,
    ),
    _R("kesetaraan_gender/pug", r"pug|arg", 0.5),
    _R(
        "kesetaraan_gender/indeks_gender",
        r"indeks\s+(?:pembangunan|pemberdayaan|ketimpangan)\s+gender",
        STRONG,
    ),
    _R("kesetaraan_gender/ipg_idg", r"ipg|idg|ikg", 0.4),
    _R(
        "kesetaraan_gender/diskriminasi",
        r"diskriminasi\s+(?:gender|terhadap\s+perempuan|perempuan|berbasis\s+gender)|bias\s+gender"
        r"|stereotip\w*\s+gender|seksisme|seksis|misogini\w*",
        STRONG,
    ),
    _R("kesetaraan_gender/patriarki", r"patriarki\w*|patriarkal", 0.8),
    _R(
        "kesetaraan_gender/larangan_perempuan",
        r"(?:melarang|larangan|dilarang|membolehkan|mengizinkan|diizinkan|dibolehkan|hak)\s+(?:bagi\s+)?(?:kaum\s+)?"
        r"(?:perempuan|wanita)\s+(?:untuk\s+)?(?:menyetir|mengemudi|memasuki|masuk|bekerja|sekolah|bersekolah"
        r"|memilih|berpakaian|keluar)|hak-hak\s+(?:kaum\s+)?(?:perempuan|wanita)",
        0.8,
    ),
    _R("kesetaraan_gender/feminis", r"feminis\w*|gerakan\s+perempuan|emansipasi", MEDIUM),
    _R("kesetaraan_gender/perspektif_gender", r"(?:perspektif|sensitif|ramah|berwawasan|isu)\s+gender", 0.8),
    _R(
        "kesetaraan_gender/ape",
        r"(?:anugerah\s+)?parahita\s+ekapraya|(?:penghargaan|anugerah|predikat|trofi)\s+ape",
        STRONG,
    ),
)

_PEMBERDAYAAN: tuple[Rule, ...] = (
    _R(
        "pemberdayaan_perempuan/pemberdayaan",
        r"pemberdayaan\s+(?:ekonomi\s+)?(?:perempuan|wanita|kaum\s+ibu)",
        STRONG,
        outside=("agency",),
    ),
    _R(
        "pemberdayaan_perempuan/wirausaha",
        r"(?:perempuan|wanita)\s+(?:pengusaha|wirausaha|pelaku\s+umkm|pelaku\s+usaha|pengrajin|perajin)"
        r"|(?:pengusaha|wirausaha|wirausahawan|umkm|pelaku\s+umkm|pelaku\s+usaha|usaha\s+mikro)\s+(?:perempuan"
        r"|wanita)|wirausahawati|womenpreneur\w*|pengusaha\s+muda\s+perempuan",
        STRONG,
    ),
    _R("pemberdayaan_perempuan/pekka", r"pekka|perempuan\s+kepala\s+keluarga", STRONG),
    _R("pemberdayaan_perempuan/kwt", r"kelompok\s+wanita\s+tani|kwt", 0.6),
    _R(
        "pemberdayaan_perempuan/pelatihan",
        r"(?:pelatihan|keterampilan|bimtek|bimbingan\s+teknis)\s+(?:\w+\s+){0,3}(?:bagi|untuk|kepada)\s+"
        r"(?:kaum\s+)?(?:perempuan|wanita|ibu-ibu|kaum\s+ibu|ibu\s+rumah\s+tangga)",
        0.8,
    ),
    _R(
        "pemberdayaan_perempuan/pekerja_perempuan",
        r"(?:hak\s+)?(?:buruh|pekerja|tenaga\s+kerja)\s+(?:perempuan|wanita)|hak\s+maternitas"
        r"|cuti\s+(?:melahirkan|haid)|ruang\s+laktasi",
        0.8,
    ),
    _R(
        "pemberdayaan_perempuan/ekonomi_perempuan",
        r"ekonomi\s+perempuan|perempuan\s+berdaya|kemandirian\s+(?:ekonomi\s+)?perempuan",
        0.8,
    ),
)

_KEPEMIMPINAN: tuple[Rule, ...] = (
    _R("kepemimpinan_perempuan/keterwakilan", r"keterwakilan\s+perempuan", STRONG),
    _R(
        "kepemimpinan_perempuan/kuota",
        r"kuota\s+(?:30\s+persen\s+)?(?:perempuan|keterwakilan)|30\s+persen\s+(?:keterwakilan\s+)?perempuan",
        STRONG,
    ),
    _R(
        "kepemimpinan_perempuan/calon_perempuan",
        r"(?:caleg|calon\s+legislatif|calon\s+anggota\s+legislatif|calon\s+kepala\s+daerah|calon\s+bupati"
        r"|calon\s+wali\s*kota|calon\s+gubernur|anggota\s+dprd?|anggota\s+dewan|legislator|politisi|politikus"
        r"|kepala\s+daerah|kepala\s+desa)\s+(?:perempuan|wanita)",
        STRONG,
    ),
    _R("kepemimpinan_perempuan/kepemimpinan", r"kepemimpinan\s+perempuan|pemimpin\s+perempuan", STRONG),
    _R(
        "kepemimpinan_perempuan/politik_perempuan",
        r"partisipasi\s+politik\s+perempuan|perempuan\s+(?:dalam|di)\s+(?:politik|parlemen|legislatif|pemilu"
        r"|pilkada)|politik\s+perempuan",
        STRONG,
    ),
    _R("kepemimpinan_perempuan/kaukus", r"kaukus\s+perempuan(?:\s+parlemen)?|kppri", MEDIUM),
    _R(
        "kepemimpinan_perempuan/perempuan_pertama",
        r"(?:bupati|wali\s*kota|gubernur|kepala\s+desa|ketua\s+dprd?|rektor|menteri)\s+perempuan\s+pertama"
        r"|(?:perempuan|wanita)\s+pertama\s+yang\s+(?:menjabat|memimpin|menjadi\s+(?:bupati|wali\s*kota|gubernur|ketua"
        r"|kepala|menteri|presiden|wakil|pemimpin|direktur|rektor|kapolda|kapolres|jenderal|hakim))",
        0.8,
    ),
)

_PERLINDUNGAN_ANAK: tuple[Rule, ...] = (
    _R(
        "perlindungan_anak/perlindungan_anak",
        r"perlindungan\s+(?:terhadap\s+|bagi\s+|kepada\s+|khusus\s+)?(?:hak\s+)?anak",
        0.8,
        outside=("agency", "charge"),
        unless_before=r"(?:uu|undang-undang|tentang)\s+",
    ),
    _R(
        "perlindungan_anak/perlindungan_perempuan_dan_anak",
        r"perlindungan\s+(?:terhadap\s+|bagi\s+|kepada\s+)?perempuan\s+dan\s+anak",
        MEDIUM,
        outside=("agency", "charge"),
        unless_before=r"(?:unit|uptd|upt|pusat\s+pelayanan\s+terpadu)\s+",
    ),
    _R("perlindungan_anak/hak_anak", r"(?:pemenuhan\s+)?hak(?:-hak)?\s+anak", 0.8, outside=("charge",)),
    _R(
        "perlindungan_anak/layak_anak",
        r"(?:kota|kabupaten|kab\.?|provinsi|desa|kelurahan|kecamatan|sekolah|puskesmas|ruang\s+bermain|masjid"
        r"|gereja|pesantren|kampung|rw)\s+(?:layak|ramah)\s+anak",
        STRONG,
    ),
    _R("perlindungan_anak/kla", r"kla", MEDIUM),
    _R("perlindungan_anak/ramah_anak", r"ramah\s+anak", MEDIUM),
    _R("perlindungan_anak/melindungi_anak", r"(?:melindungi|lindungi)\s+(?:hak\s+)?anak(?:-anak)?", MEDIUM),
    _R("perlindungan_anak/forum_anak", r"forum\s+anak", 0.8),
    _R(
        "perlindungan_anak/kpai",
        r"kpai|kpad|komisi\s+perlindungan\s+anak|komnas\s+(?:pa|anak|perlindungan\s+anak)"
        r"|lembaga\s+perlindungan\s+anak|lpa",
        STRONG,
    ),
    _R("perlindungan_anak/identitas_anak", r"akta\s+kelahiran|akte\s+kelahiran|kartu\s+identitas\s+anak", 0.8),
    _R(
        "perlindungan_anak/abh",
        r"anak\s+(?:yang\s+)?(?:berhadapan|berkonflik)\s+dengan\s+hukum|abh|lpka|diversi",
        0.8,
    ),
    _R("perlindungan_anak/hari_anak", r"hari\s+anak(?:\s+nasional|\s+sedunia|\s+internasional)?", STRONG),
    _R(
        "perlindungan_anak/patbm",
        r"patbm|perlindungan\s+anak\s+terpadu\s+berbasis\s+masyarakat|satgas\s+perlindungan\s+anak",
        STRONG,
    ),
    _R("perlindungan_anak/anak_jalanan", r"anak\s+jalanan|anjal", MEDIUM),
    _R("perlindungan_anak/verifikasi_usia", r"verifikasi\s+usia|batas\s+usia\s+(?:minimal\s+)?pengguna", MEDIUM),
)

_PERKAWINAN_ANAK: tuple[Rule, ...] = (
    _R(
        "perkawinan_anak/perkawinan_anak",
        r"perkawinan\s+(?:usia\s+)?anak|(?:perkawinan|pernikahan|kawin|nikah)\s+(?:usia\s+anak|dini"
        r"|(?:anak\s+)?di\s+bawah\s+umur)|kawin\s+anak",
        STRONG,
    ),
    _R(
        # "pernikahan anak Jokowi" is the wedding of someone's child: a capitalised name or a kinship word follows.
        "perkawinan_anak/pernikahan_anak",
        r"pernikahan\s+anak",
        MEDIUM,
        unless_after=r"\s*(?:nya|(?-i:\s+[A-Z])|\s+(?:sulung|bungsu|pertama|kedua|ketiga|semata|presiden|gubernur"
        r"|bupati|menteri|wali|artis|pejabat|sang|dari|mereka|kami|saya|pasangan))",
    ),
    _R(
        "perkawinan_anak/anak_menikah",
        r"(?:anak|anak\s+perempuan|remaja|gadis|siswi|pelajar)\s+(?:\w+\s+){0,3}?(?:menikah|dinikahkan|kawin)"
        r"|menikah\s+(?:di|pada)\s+usia\s+(?:anak|remaja|dini|belia|sekolah|\d{1,2}\s+tahun)|dinikahkan",
        MEDIUM,
    ),
    _R("perkawinan_anak/dispensasi", r"dispensasi\s+(?:kawin|nikah|perkawinan|pernikahan)", STRONG),
    _R(
        "perkawinan_anak/usia_minimal",
        r"(?:batas\s+)?usia\s+(?:minimal|minimum)\s+(?:perkawinan|pernikahan|menikah|nikah)"
        r"|pendewasaan\s+usia\s+perkawinan",
        STRONG,
    ),
)

_LAYANAN: tuple[Rule, ...] = (
    _R(
        "layanan_ppa/uptd_ppa",
        r"uptd\s+(?:ppa|perlindungan\s+perempuan\s+dan\s+anak)|upt\s+ppa|p2tp2a|ptp2a",
        STRONG,
    ),
    _R("layanan_ppa/sapa129", r"sapa\s*129|hotline\s+129|layanan\s+129", STRONG),
    _R(
        "layanan_ppa/rumah_aman_korban",
        r"(?:rumah\s+aman|rumah\s+perlindungan|shelter)\s+(?:\w+\s+){0,2}(?:bagi|untuk)?\s*(?:korban|perempuan|anak)",
        STRONG,
    ),
    _R("layanan_ppa/rumah_aman", r"rumah\s+aman|rumah\s+perlindungan|shelter", WEAK),
    _R(
        "layanan_ppa/pendampingan_korban",
        r"pendampingan\s+(?:terhadap\s+|kepada\s+|bagi\s+)?(?:korban|psikologis|hukum|psikososial)"
        r"|pendamping\s+korban|mendampingi\s+korban|didampingi\s+(?:oleh\s+)?(?:psikolog|pendamping|uptd"
        r"|p2tp2a|petugas\s+(?:uptd|p2tp2a|ppa|dp3a))",
        0.8,
    ),
    _R(
        "layanan_ppa/unit_ppa",
        r"unit\s+(?:ppa|pelayanan\s+perempuan\s+dan\s+anak|perlindungan\s+perempuan\s+dan\s+anak)",
        MEDIUM,
    ),
    _R("layanan_ppa/lpsk", r"lpsk|lembaga\s+perlindungan\s+saksi\s+dan\s+korban", WEAK),
    _R("layanan_ppa/restitusi", r"restitusi", STRONG),
    _R(
        "layanan_ppa/pemulihan",
        r"rehabilitasi\s+(?:korban|psikologis|psikososial)|pemulihan\s+(?:korban|trauma|psikologis)"
        r"|trauma\s+healing|konseling",
        0.8,
    ),
    _R(
        "layanan_ppa/lembaga_layanan",
        r"women\s+crisis\s+cent(?:er|re)|wcc|lbh\s+apik|forum\s+pengada\s+layanan|pusat\s+pelayanan\s+terpadu"
        r"|layanan\s+pengaduan",
        MEDIUM,
    ),
    _R(
        "layanan_ppa/satgas_ppks",
        r"satgas\s+(?:ppa|ppks|tpks|pencegahan\s+dan\s+penanganan\s+kekerasan)",
        0.8,
    ),
    _R(
        "layanan_ppa/layanan_perempuan_anak",
        r"layanan\s+(?:perlindungan\s+)?(?:\w+\s+)?(?:bagi|kepada|untuk)?\s*perempuan\s+dan\s+anak",
        MEDIUM,
    ),
)

_KELUARGA: tuple[Rule, ...] = (
    _R("keluarga_pengasuhan/pengasuhan", r"pola\s+asuh|pengasuhan|parenting", MEDIUM),
    _R("keluarga_pengasuhan/puspaga", r"puspaga|pusat\s+pembelajaran\s+keluarga", STRONG),
    _R("keluarga_pengasuhan/ketahanan_keluarga", r"ketahanan\s+keluarga", STRONG),
    _R(
        "keluarga_pengasuhan/hari_keluarga",
        r"hari\s+keluarga(?:\s+nasional)?|harganas|hari\s+ibu(?:\s+nasional)?",
        STRONG,
    ),
    _R(
        "keluarga_pengasuhan/peran_keluarga",
        r"peran\s+(?:ibu|orang\s+tua|keluarga|ayah)|(?:kelas|sekolah)\s+(?:ibu|orang\s+tua|ayah|parenting)"
        r"|bina\s+keluarga\s+balita",
        MEDIUM,
    ),
    _R("keluarga_pengasuhan/hpk", r"(?:1\.?000|seribu)\s+hari\s+pertama\s+kehidupan|1\.?000\s+hpk", MEDIUM),
)

_KEBIJAKAN: tuple[Rule, ...] = (
    _R(
        "kebijakan_ppa/undang_undang",
        r"(?:r?uu|undang-undang|rancangan\s+undang-undang)\s+(?:tentang\s+)?(?:tpks|pkdrt|tppo|pks|pprt|kia"
        r"|tindak\s+pidana\s+kekerasan\s+seksual|penghapusan\s+kekerasan|perlindungan\s+anak"
        r"|kesejahteraan\s+ibu\s+dan\s+anak|pemberantasan\s+tindak\s+pidana\s+perdagangan\s+orang"
        r"|pekerja\s+rumah\s+tangga)",
        STRONG,
        outside=("charge",),
    ),
    _R(
        "kebijakan_ppa/peraturan",
        r"(?:perda|ranperda|raperda|peraturan\s+daerah|perbup|perwali|perwal|pergub|peraturan\s+(?:bupati|wali"
        r"\s*kota|gubernur|presiden|pemerintah|menteri)|perpres|permen\s*pppa)\b[^.\n]{0,80}?(?:perempuan|anak"
        r"|gender|kekerasan\s+seksual|tpks|kdrt|tppo|pengarusutamaan|layak\s+anak|ketahanan\s+keluarga)",
        0.9,
        outside=("charge",),
    ),
    _R(
        "kebijakan_ppa/rencana_aksi",
        r"rencana\s+aksi\s+(?:daerah\s+|nasional\s+)?[^.\n]{0,60}?(?:perempuan|anak|kekerasan|gender|pug|tppo"
        r"|tpks|perkawinan|patbm)",
        STRONG,
    ),
    _R(
        "kebijakan_ppa/anggaran",
        r"anggaran\s+(?:untuk\s+|bagi\s+)?[^.\n]{0,30}?(?:perlindungan\s+(?:perempuan|anak)"
        r"|pemberdayaan\s+perempuan|ppa|pug|responsif\s+gender)",
        0.8,
        outside=("agency",),
    ),
    _R(
        "kebijakan_ppa/kebijakan_ppa",
        r"(?:kebijakan|regulasi|strategi\s+nasional|stranas)\s+[^.\n]{0,40}?(?:perlindungan\s+perempuan"
        r"|perlindungan\s+anak|pencegahan\s+perkawinan\s+anak|kekerasan\s+terhadap\s+(?:perempuan|anak)"
        r"|kekerasan\s+seksual)",
        MEDIUM,
        outside=("agency", "charge"),
    ),
    _R(
        "kebijakan_ppa/aturan_turunan",
        r"(?:aturan|peraturan)\s+(?:turunan|pelaksana\w*)\s+(?:uu\s+|undang-undang\s+)?(?:tpks|pkdrt|tppo)",
        STRONG,
    ),
)

_GENDER: tuple[Rule, ...] = (
    _R("gender/hak_perempuan", r"hak(?:-hak)?\s+(?:asasi\s+)?perempuan", 0.8),
    _R(
        "gender/program_kekerasan",
        r"(?:pencegahan|penanganan|penghapusan|perlindungan|penanggulangan|pemberantasan)\s+(?:tindak\s+)?"
        r"kekerasan\s+(?:seksual\s+)?(?:terhadap|pada|kepada|bagi)\s+(?:perempuan|anak)",
        0.8,
    ),
    _R("gender/komnas_perempuan", r"komnas\s+perempuan|komisi\s+nasional\s+anti\s+kekerasan", 0.8),
    _R(
        "gender/lembaga_ppa",
        r"kemen\s*pppa|kementerian\s+pppa|menteri\s+pppa|men\s*pppa|d\w*p3a\w*|dpppa\w*|dppppa\w*"
        r"|pemberdayaan\s+perempuan,?\s+(?:dan\s+)?perlindungan\s+anak",
        0.5,
    ),
    _R(
        "gender/hari_perempuan",
        r"hari\s+perempuan\s+internasional|international\s+women'?s\s+day",
        0.8,
    ),
    _R("gender/hari_kartini", r"hari\s+kartini", 0.4),
    _R("gender/feminis", r"feminis\w*|gerakan\s+perempuan|aktivis\s+perempuan|organisasi\s+perempuan", MEDIUM),
    _R("gender/isu_perempuan", r"isu\s+perempuan|isu\s+anak|kaum\s+perempuan", 0.4),
    _R("gender/perempuan_dan_anak", r"perempuan\s+dan\s+anak", WEAK, outside=("agency",)),
)

_TABLES: tuple[tuple[Rule, ...], ...] = (
    _KEKERASAN,
    _FISIK,
    _PSIKIS,
    _SEKSUAL,
    _KDRT,
    _PENELANTARAN,
    _EKSPLOITASI,
    _TPPO,
    _PERUNDUNGAN,
    _FEMISIDA,
    _GENDER,
    _KESETARAAN,
    _PEMBERDAYAAN,
    _KEPEMIMPINAN,
    _PERLINDUNGAN_ANAK,
    _PERKAWINAN_ANAK,
    _LAYANAN,
    _KELUARGA,
    _KEBIJAKAN,
    _KORBAN_PEREMPUAN,
    _KORBAN_ANAK,
)

LABEL_RULES: tuple[Rule, ...] = tuple(rule for table in _TABLES for rule in table)

# ---------------------------------------------------------------------------------------------------------
# Stage cues: which part of the story the article mainly reports. Scored like labels (see scoring.py).
# ---------------------------------------------------------------------------------------------------------

STAGE_RULES: tuple[Rule, ...] = (
    # kejadian: the incident itself
    _R("kejadian/korban_dianiaya", _PASSIVE, MEDIUM),
    _R("kejadian/pelaku_menganiaya", _ACTIVE, 0.4),
    _R("kejadian/tewas_luka", r"tewas|meninggal\s+dunia|terluka|luka\s+parah|kritis", 0.4),
    _R("kejadian/peristiwa", r"peristiwa|kejadian|insiden|kronologi|kronologis", MEDIUM),
    _R("kejadian/terjadi", r"terjadi\s+(?:pada|di|saat|sekitar|ketika)|bermula\s+(?:saat|ketika|dari)", MEDIUM),
    _R("kejadian/jam", r"pukul\s+\d{1,2}[.:]\d{2}|sekitar\s+pukul", 0.4),
    _R(
        "kejadian/ditemukan",
        r"ditemukan\s+(?:tewas|meninggal|tak\s+bernyawa|bersimbah\s+darah|tergeletak)|dilarikan\s+ke\s+rumah\s+sakit"
        r"|mengalami\s+luka|luka-luka|menghembuskan\s+napas\s+terakhir",
        0.8,
    ),
    _R("kejadian/saksi", r"menurut\s+(?:keterangan\s+)?(?:saksi|warga)|warga\s+(?:sekitar|setempat)", 0.4),
    # proses_hukum
    _R(
        "proses_hukum/penangkapan",
        r"ditangkap|menangkap|penangkapan|tangkap|diringkus|meringkus|ringkus|dibekuk|membekuk|bekuk"
        r"|diamankan|mengamankan",
        STRONG,
    ),
    _R("proses_hukum/tersangka", r"tersangka|ditetapkan\s+sebagai", 0.8),
    _R("proses_hukum/penyidikan", r"penyidik|penyidikan|penyelidikan|diselidiki|olah\s+tkp|visum|autopsi", MEDIUM),
    _R(
        "proses_hukum/laporan",
        r"(?:dilaporkan|melapor|melaporkan|lapor)\s+(?:\w+\s+)?ke\s+(?:polisi|polres|polsek|polda|polresta"
        r"|mapolres|mapolsek|pihak\s+berwajib)|laporan\s+polisi",
        STRONG,
    ),
    _R("proses_hukum/sidang", r"sidang|persidangan|disidangkan|pengadilan\s+negeri", STRONG),
    _R("proses_hukum/vonis", r"vonis|divonis|memvonis|putusan\s+hakim|dijatuhi\s+hukuman", STRONG),
    _R("proses_hukum/tuntutan", r"dituntut|tuntutan|menuntut\s+terdakwa|jaksa|jpu|terdakwa|dakwaan", STRONG),
    _R("proses_hukum/hakim", r"hakim|majelis\s+hakim|banding|kasasi|praperadilan|p21|berkas\s+perkara", 0.8),
    _R("proses_hukum/dijerat", r"dijerat|ancaman\s+hukuman|terancam\s+hukuman|ancaman\s+pidana", MEDIUM),
    _R("proses_hukum/pasal", r"pasal\s+\d+", WEAK),
    _R("proses_hukum/penahanan", r"ditahan|penahanan|dijebloskan|buron|dpo", MEDIUM),
    _R(
        "proses_hukum/polisi",
        r"polisi|polres|polsek|polda|polresta|satreskrim|reskrim|kapolres|kapolsek|kasat\s+reskrim|kanit",
        WEAK,
    ),
    # layanan_korban
    _R("layanan_korban/pendampingan", r"pendampingan|didampingi|mendampingi|pendamping", 0.8),
    _R("layanan_korban/rumah_aman", r"rumah\s+aman|shelter|rumah\s+perlindungan", STRONG),
    _R("layanan_korban/rehabilitasi", r"rehabilitasi|pemulihan|trauma\s+healing|konseling|psikolog", 0.8),
    _R("layanan_korban/restitusi", r"restitusi|santunan|kompensasi\s+(?:bagi|kepada|untuk)\s+korban", STRONG),
    _R(
        "layanan_korban/layanan",
        r"layanan\s+(?:korban|pengaduan|kesehatan|psikologis|konseling)|penanganan\s+korban"
        r"|perlindungan\s+(?:terhadap\s+|bagi\s+|kepada\s+)?korban|bantuan\s+(?:hukum|psikologis)",
        0.8,
    ),
    _R("layanan_korban/lembaga_layanan", r"uptd\s+ppa|p2tp2a|lpsk|sapa\s*129|unit\s+layanan", MEDIUM),
    # pencegahan
    _R("pencegahan/pencegahan", r"pencegahan|mencegah|cegah|preventif", 0.8),
    _R("pencegahan/sosialisasi", r"sosialisasi|menyosialisasikan|disosialisasikan|penyuluhan|penyuluh", STRONG),
    _R("pencegahan/kampanye", r"kampanye|edukasi|mengedukasi|literasi|peningkatan\s+(?:kesadaran|pemahaman)", 0.8),
    _R("pencegahan/pelatihan", r"pelatihan|seminar|workshop|lokakarya|webinar|bimtek|diskusi\s+publik", MEDIUM),
    _R("pencegahan/deklarasi", r"deklarasi|pencanangan|gerakan\s+(?:bersama|stop|anti)|advokasi", MEDIUM),
    _R("pencegahan/anti_kekerasan", r"anti\s*-?\s*kekerasan|stop\s+kekerasan|16\s+hari", MEDIUM),
    # kebijakan
    _R("kebijakan/rencana_aksi", r"rencana\s+aksi|roadmap|peta\s+jalan|rencana\s+strategis|renstra", 1.5),
    _R(
        "kebijakan/regulasi",
        r"perda|ranperda|raperda|peraturan\s+daerah|perbup|perwali|pergub|perpres|regulasi|peraturan",
        STRONG,
        outside=("charge",),
    ),
    _R(
        "kebijakan/undang_undang",
        r"undang-undang|r?uu|disahkan|mengesahkan|pengesahan",
        MEDIUM,
        outside=("charge",),
    ),
    _R("kebijakan/anggaran", r"anggaran|apbd|apbn|alokasi\s+dana|dana\s+alokasi", MEDIUM),
    _R(
        "kebijakan/penghargaan",
        r"penghargaan|anugerah|predikat|parahita\s+ekapraya|kabupaten\s+layak\s+anak|kota\s+layak\s+anak|kla",
        0.8,
    ),
    _R("kebijakan/kebijakan", r"kebijakan|program\s+(?:nasional|daerah|pemerintah)|strategi", MEDIUM),
    _R("kebijakan/uji_materi", r"putusan\s+mk|mahkamah\s+konstitusi|uji\s+materi|judicial\s+review", 0.8),
    _R("kebijakan/kelembagaan", r"pembentukan\s+(?:satgas|uptd|unit|tim|lembaga)|nota\s+kesepahaman|mou", MEDIUM),
    # data
    _R(
        "data/jumlah_kasus",
        r"jumlah\s+kasus|angka\s+kasus|(?:sebanyak|total|terdapat|ada|mencapai)\s+\d[\d.,]*\s+kasus",
        STRONG,
    ),
    _R("data/kasus_angka", r"\d[\d.,]*\s+(?:kasus|korban|laporan|aduan|pengaduan)", MEDIUM),
    _R("data/tren", r"meningkat|menurun|peningkatan|penurunan|naik\s+dari|turun\s+dari|tren|dibandingkan", 0.4),
    _R("data/persen", r"persen", 0.4),
    _R("data/tercatat", r"tercatat|terdata|mencatat|dicatat", MEDIUM),
    _R(
        "data/sumber_data",
        r"simfoni|simfoni-ppa|catatan\s+tahunan|catahu|statistik|survei|sensus|data\s+(?:kasus|dari|tahun)",
        STRONG,
    ),
    _R("data/sepanjang", r"sepanjang\s+(?:tahun\s+)?\d{4}|sejak\s+januari|selama\s+(?:tahun\s+)?\d{4}", MEDIUM),
)
