"""Who was quoted: the speakers that Indonesian news attributes statements to, found by attribution verbs.

Communications staff read a *kliping* to see who spoke for whom ("kata Kepala DP3A Kalteng ..."), so the
report lists the speakers of the week. Indonesian news attributes quotes in a few fixed ways: after the
quote ('"...," kata Kapolresta Palangka Raya Kombes Pol Budi Santosa.'), before it ('Kepala Dinas X
mengatakan, ...') or with 'Menurut X, ...'. These patterns are precise enough to list officials and
institutions; they miss pronouns on purpose ("katanya", "ia mengatakan") because a pronoun names nobody.

The text handed in must already be masked (``sorot.warehouse.excerpts.masked_text``): a speaker phrase that
holds a mask, or speaks for a victim or a suspect, is dropped, so this list can never name a protected victim
or a relative of one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_SPEAKER_WORDS = 12

_SPEAKER = r"(?P<speaker>[A-Z][^.,;:!?\"“”‘’()\[\]\n]{1,150}?)"
_STOP_AFTER = (r"(?=\s*[,.;:!?\"“”]|\s+(?:di|saat|ketika|pada|kepada|dalam|usai|seusai|seperti|sebagaimana)\b"
               r"|\s*$)")
_AFTER_QUOTE = re.compile(
    r"[,.!?]?[\"”’']\s*,?\s*(?:kata|ujar|ucap|tutur|jelas|ungkap|terang|tegas|imbuh|tambah|sebut|papar|pungkas|"
    r"lanjut|kata\s+dia)\s+" + _SPEAKER + _STOP_AFTER,
)
_BEFORE_VERB = re.compile(
    r"(?:^|(?<=[.!?\"”])\s+|,\s+|\n)" + _SPEAKER
    + r"\s+(?:mengatakan|menyatakan|menjelaskan|mengungkapkan|menuturkan|menegaskan|menyebutkan|menambahkan|"
      r"mengimbau|menyampaikan|menerangkan)\b",
)
_ACCORDING_TO = re.compile(r"\b[Mm]enurut\s+" + _SPEAKER + r"\s*,")

_LEADING_CONNECTORS = re.compile(
    r"^(?:Sementara\s+itu|Selain\s+itu|Di\s+sisi\s+lain|Di\s+tempat\s+terpisah|Terpisah|Namun|Kemudian|"
    r"Sedangkan|Adapun|Oleh\s+karena\s+itu|Dalam\s+kesempatan\s+itu|Pada\s+kesempatan\s+itu)\s*,?\s+"
)
_NOT_A_SPEAKER = re.compile(
    r"\b(?:korban|pelaku|tersangka|terdakwa|keluarga|ibu\s+korban|ayah\s+korban|warga|saksi|sumber|"
    r"dia|ia|beliau|mereka|pihaknya|kami|saya)\b|\[",
    re.IGNORECASE,
)
_GENERIC_SPEAKERS = frozenset({"polisi", "petugas", "pihak", "pemerintah", "tim", "panitia", "pengacara",
                               "kuasa hukum", "netizen", "warganet"})
_WHITESPACE = re.compile(r"\s+")


def speakers(text: str) -> list[str]:
    """The speakers quoted in one (masked) text, in order of first appearance, each once.

    A later short reference ('kata Arya') is folded into the full title and name given earlier
    ('Kapolrestabes Makassar Kombes Arya Perdana'), as news style introduces a speaker once.
    """
    found: dict[str, str] = {}
    for pattern in (_AFTER_QUOTE, _BEFORE_VERB, _ACCORDING_TO):
        for match in pattern.finditer(text):
            speaker = clean_speaker(match.group("speaker"))
            if speaker:
                found.setdefault(speaker.casefold(), speaker)
    full = [name for name in found.values() if len(name.split()) > 1]
    kept = [name for name in found.values()
            if len(name.split()) > 1 or not any(name in other.split() for other in full)]
    # keep the order in the text, whichever pattern found the speaker
    return sorted(kept, key=lambda name: _first_position(text, name))


def clean_speaker(raw: str) -> str | None:
    """A speaker phrase worth listing, or None (pronouns, victims, suspects, masks, runaway matches)."""
    phrase = _WHITESPACE.sub(" ", raw).strip()
    phrase = _LEADING_CONNECTORS.sub("", phrase)
    words = phrase.split()
    while words and not (words[-1][:1].isupper() or words[-1][:1].isdigit()):
        words.pop()  # 'Dimitri hanya': the name ends at its last capitalised word
    phrase = " ".join(words)
    if phrase.casefold() in _GENERIC_SPEAKERS:
        return None
    if not words or len(words) > MAX_SPEAKER_WORDS or not words[0][:1].isupper():
        return None
    if _NOT_A_SPEAKER.search(phrase):
        return None
    if sum(word[:1].isupper() for word in words) < max(1, len(words) // 2):
        return None  # mostly lower-case words: a clause, not a name or a title
    return phrase


def count_speakers(texts: Iterable[tuple[str, str]]) -> list[tuple[str, int, tuple[str, ...]]]:
    """(speaker, articles quoting them, outlets) over (outlet, masked text) pairs, most quoted first."""
    articles: dict[str, int] = {}
    outlets: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for outlet, text in texts:
        for speaker in speakers(text):
            key = speaker.casefold()
            names.setdefault(key, speaker)
            articles[key] = articles.get(key, 0) + 1
            outlets.setdefault(key, set()).add(outlet)
    ranked = sorted(articles, key=lambda key: (-articles[key], names[key].casefold()))
    return [(names[key], articles[key], tuple(sorted(outlets[key]))) for key in ranked]


def _first_position(text: str, name: str) -> int:
    position = text.find(name)
    return position if position >= 0 else len(text)
