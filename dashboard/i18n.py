"""Interface text in Bahasa Indonesia (the default: staff read and write it) and English.

Label and stage names come from the taxonomy (``LABEL_NAMES_ID``/``STAGE_NAMES_ID``) in Indonesian in both
languages: they are the project's terms, the same as in the weekly report.
"""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
LANGUAGE_COOKIE = "sorot_lang"

TEXT: dict[str, tuple[str, str]] = {
    "app": ("Sorot — dasbor peninjauan", "Sorot — review dashboard"),
    "overview": ("Ringkasan", "Overview"),
    "articles": ("Artikel", "Articles"),
    "report": ("Laporan minggu ini", "This week's report"),
    "users": ("Pengguna", "Users"),
    "sources": ("Sumber", "Sources"),
    "logout": ("Keluar", "Log out"),
    "login": ("Masuk", "Log in"),
    "username": ("Nama pengguna", "User name"),
    "password": ("Kata sandi", "Password"),
    "login_failed": ("Nama pengguna atau kata sandi salah.", "Wrong user name or password."),
    "login_throttled": ("Terlalu banyak percobaan gagal. Coba lagi dalam 15 menit.",
                        "Too many failed attempts. Try again in 15 minutes."),
    "week": ("Minggu", "Week"),
    "since": ("Dari tanggal", "From"),
    "until": ("Sampai tanggal", "Until"),
    "label": ("Label", "Label"),
    "outlet": ("Media", "Outlet"),
    "region": ("Wilayah", "Region"),
    "stage": ("Tahap", "Stage"),
    "wire": ("Salinan kantor berita", "Wire copy"),
    "reviewed": ("Sudah ditinjau", "Reviewed"),
    "search": ("Cari", "Search"),
    "search_placeholder": ("kata kunci, mis. penganiayaan anak", "keywords, e.g. penganiayaan anak"),
    "filter": ("Terapkan", "Apply"),
    "reset": ("Atur ulang", "Reset"),
    "all": ("Semua", "All"),
    "all_articles": ("Semua artikel", "All articles"),
    "any_topic": ("Semua topik (kekerasan atau gender)", "Any topic (violence or gender)"),
    "yes": ("Ya", "Yes"),
    "no": ("Tidak", "No"),
    "date": ("Tanggal", "Date"),
    "title": ("Judul", "Title"),
    "labels": ("Label", "Labels"),
    "results": ("artikel", "articles"),
    "page": ("Halaman", "Page"),
    "previous": ("Sebelumnya", "Previous"),
    "next": ("Berikutnya", "Next"),
    "export_csv": ("Ekspor CSV", "Export CSV"),
    "export_xlsx": ("Ekspor XLSX", "Export XLSX"),
    "no_results": ("Tidak ada artikel yang cocok.", "No matching article."),
    "this_week": ("Minggu ini", "This week"),
    "previous_avg": ("Rata-rata minggu sebelumnya", "Previous weeks' average"),
    "on_topic": ("Artikel bertopik", "On-topic articles"),
    "unreviewed": ("Belum ditinjau", "Not reviewed yet"),
    "wire_copies": ("Salinan kantor berita", "Wire copies"),
    "trend": ("Tren mingguan", "Weekly trend"),
    "by_label": ("Per label", "By label"),
    "by_outlet": ("Per media", "By outlet"),
    "by_region": ("Per wilayah (provinsi)", "By region (province)"),
    "by_stage": ("Per tahap", "By stage"),
    "all_news": ("Semua berita", "All news"),
    "violence": ("Kekerasan", "Violence"),
    "gender": ("Gender dan hak anak", "Gender and child rights"),
    "original": ("Baca di situs aslinya", "Read on the original site"),
    "outlet_author": ("Media dan penulis", "Outlet and author"),
    "author": ("Penulis", "Author"),
    "editor": ("Editor", "Editor"),
    "dateline": ("Dateline", "Dateline"),
    "score": ("Skor", "Score"),
    "evidence": ("Bukti", "Evidence"),
    "regions": ("Wilayah", "Regions"),
    "quoted": ("Narasumber yang dikutip", "Quoted sources"),
    "story": ("Media lain dalam cerita ini", "Other outlets in this story"),
    "none": ("Tidak ada", "None"),
    "mark_reviewed": ("Tandai sudah ditinjau", "Mark reviewed"),
    "reviewed_by": ("Ditinjau oleh", "Reviewed by"),
    "correct_labels": ("Koreksi label", "Correct labels"),
    "add_label": ("Tambah label", "Add label"),
    "remove_label": ("Hapus label", "Remove label"),
    "note": ("Catatan (opsional)", "Note (optional)"),
    "save": ("Simpan", "Save"),
    "history": ("Riwayat koreksi", "Correction history"),
    "pending": ("menunggu penggabungan", "waiting to be merged"),
    "merged": ("sudah di gudang data", "in the warehouse"),
    "error": ("gagal", "failed"),
    "masked_note": ("Detail yang dapat mengungkap identitas korban disamarkan (Pedoman Pemberitaan Ramah Anak).",
                    "Details that could identify a victim are masked (child-friendly reporting guideline)."),
    "label_source_model": ("model", "model"),
    "label_source_correction": ("koreksi", "correction"),
    "label_source_pending": ("koreksi, menunggu", "correction, pending"),
    "correction_saved": ("Koreksi disimpan.", "Correction saved."),
    "review_saved": ("Ditandai sudah ditinjau.", "Marked reviewed."),
    "correction_error": ("Koreksi tidak dapat disimpan", "The correction could not be saved"),
    "role": ("Peran", "Role"),
    "add_user": ("Tambah pengguna", "Add user"),
    "remove": ("Hapus", "Remove"),
    "created": ("Dibuat", "Created"),
    "not_found": ("Tidak ditemukan.", "Not found."),
    "forbidden": ("Tidak diizinkan.", "Not allowed."),
    "csrf_failed": ("Formulir kedaluwarsa atau tidak sah; muat ulang halaman.",
                    "The form expired or is not valid; reload the page."),
    "no_data": ("Gudang data belum memiliki artikel.", "The warehouse has no articles yet."),
    "wire_agency": ("Kantor berita", "Wire agency"),
    "words": ("kata", "words"),
    "region_col": ("Wilayah", "Region"),
    "type": ("Jenis", "Type"),
    "health": ("Kesehatan umpan", "Feed health"),
    "status": ("Status", "Status"),
    "language": ("English", "Bahasa Indonesia"),
    "published_at": ("Data diterbitkan", "Data published"),
}


def translator(language: str) -> Callable[[str], str]:
    """``t(key)`` for templates; an unknown key shows itself, so a missing text is visible, not blank."""
    index = 1 if language == "en" else 0

    def t(key: str) -> str:
        pair = TEXT.get(key)
        return pair[index] if pair else key

    return t
