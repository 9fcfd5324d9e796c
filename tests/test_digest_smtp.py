"""`sorot digest --send` through a real SMTP server on 127.0.0.1 (aiosmtpd) with STARTTLS, AUTH and a
throwaway certificate that the client is told to trust, so certificate checks stay on."""

from __future__ import annotations

import datetime as dt
import email
import ipaddress
import re
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path

import duckdb
import lxml.html
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sorot.pipeline.cli import main
from sorot.warehouse.db import connect_writer
from sorot.warehouse.publish import publish

from .warehouse import ARTICLES as SAMPLE_ARTICLES
from .warehouse import SOURCES, WEEK, insert_article, refresh_stories

USER, PASSWORD = "sorot-bot", "kata-sandi-uji"
RECIPIENTS = ["redaksi@example.org", "Tim PPA <ppa@example.org>"]
REPORT_URL = "https://sorot.example.org/laporan/{week}.html"
IN_W36 = ("published_at >= TIMESTAMPTZ '2024-09-02 00:00:00+07' "
          "AND published_at < TIMESTAMPTZ '2024-09-09 00:00:00+07'")


# -- a warehouse with the sample week, as `sorot run` leaves it ---------------------------------------------

def build_data_dir(data_dir: Path) -> Path:
    """The sample articles in a migrated warehouse (every shipped migration), published like a run does."""
    warehouse = data_dir / "warehouse.duckdb"
    con = connect_writer(warehouse)
    con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)", SOURCES)
    for row in SAMPLE_ARTICLES:
        insert_article(con, dict(row))
    refresh_stories(con)
    con.execute("CHECKPOINT")
    con.close()
    publish(warehouse, data_dir / "warehouse-published.duckdb")
    return data_dir


def deliveries(data_dir: Path) -> list[tuple]:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(
            "SELECT week, recipient, forced FROM digest_deliveries ORDER BY sent_at, recipient").fetchall()
    finally:
        con.close()


# -- the SMTP server --------------------------------------------------------------------------------------

def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, valid for a day."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sorot-test-smtp")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                    x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class Inbox:
    """What the server received: (envelope sender, envelope recipients, message bytes) per message."""

    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK: queued"

    def authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            USER.encode(), PASSWORD.encode())
        if ok:
            self.logins.append(USER)
        return AuthResult(success=ok, handled=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class SmtpServer:
    port: int
    ca_file: Path
    inbox: Inbox


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def smtp_server(certificate: tuple[Path, Path]) -> Iterator[SmtpServer]:
    cert_path, key_path = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_path, key_path)
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=context,
                            require_starttls=True, auth_required=True, auth_require_tls=True,
                            authenticator=inbox.authenticate)
    controller.start()
    try:
        yield SmtpServer(port, cert_path, inbox)
    finally:
        controller.stop()


def write_config(folder: Path, port: int, ca_file: Path, **smtp: object) -> Path:
    settings = {"host": "127.0.0.1", "port": port, "security": "starttls", "username": USER,
                "ca_file": str(ca_file), "attempts": 2, "backoff_seconds": 0, "timeout": 5, **smtp}
    lines = ["[paths]", 'data_dir = "data"', "", "[digest]",
             "recipients = [" + ", ".join(f'"{r}"' for r in RECIPIENTS) + "]",
             'sender = "Sorot <sorot@example.org>"', f'report_url = "{REPORT_URL}"', "", "[smtp]"]
    lines += [f"{key} = {value!r}".replace("'", '"') if isinstance(value, str) else f"{key} = {value}"
              for key, value in settings.items()]
    path = folder / "sorot.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def setup(tmp_path: Path, smtp_server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.delenv("SOROT_DATA_DIR", raising=False)
    monkeypatch.setenv("SOROT_SMTP_PASSWORD", PASSWORD)
    build_data_dir(tmp_path / "data")
    return write_config(tmp_path, smtp_server.port, smtp_server.ca_file), tmp_path / "data"


def sorot(config: Path, *args: str) -> int:
    return main(["--config", str(config), *args])


def parse(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)


def sql_count(data_dir: Path, sql: str) -> int:
    con = duckdb.connect(str(data_dir / "warehouse-published.duckdb"), read_only=True)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


# -- the tests --------------------------------------------------------------------------------------------

def test_digest_arrives_with_both_parts_warehouse_numbers_and_inline_charts(
        setup: tuple[Path, Path], smtp_server: SmtpServer, capsys: pytest.CaptureFixture[str]) -> None:
    config, data_dir = setup
    assert sorot(config, "digest", "--week", WEEK, "--send") == 0
    assert smtp_server.inbox.logins == [USER]  # AUTH happened (and aiosmtpd allows it only after STARTTLS)
    [(mail_from, rcpt_tos, raw)] = smtp_server.inbox.messages
    assert mail_from == "sorot@example.org"
    assert sorted(rcpt_tos) == ["ppa@example.org", "redaksi@example.org"]
    message = parse(raw)
    assert message["Subject"] == "Sorot: liputan pekan 2024-W36 (2–8 September 2024)"
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "multipart/related"]

    articles = sql_count(data_dir, f"SELECT count(*) FROM articles WHERE {IN_W36}")
    stories = sql_count(data_dir, f"SELECT count(DISTINCT story_id) FROM articles WHERE {IN_W36}")
    violence = sql_count(data_dir, "SELECT count(*) FROM articles a JOIN article_labels l USING (article_id) "
                                   f"WHERE {IN_W36} AND l.label = 'kekerasan'")
    text = message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
    assert f"- Artikel: {articles}\n" in text and f"- Cerita: {stories}\n" in text
    assert f"  - Kekerasan: {violence} (" in text
    assert "Laporan lengkap: https://sorot.example.org/laporan/2024-W36.html" in text

    html = message.get_body(preferencelist=("html",)).get_content()
    tree = lxml.html.fromstring(html)
    assert int(tree.get_element_by_id("jumlah-artikel").text_content()) == articles
    assert int(tree.get_element_by_id("jumlah-kekerasan").text_content()) == violence
    assert tree.xpath("//a/@href") == ["https://sorot.example.org/laporan/2024-W36.html"]
    referenced = {src.removeprefix("cid:") for src in tree.xpath("//img/@src")}
    images = {part["Content-ID"].strip("<>"): part for part in message.walk()
              if part.get_content_type() == "image/png"}
    assert referenced and referenced == set(images)
    for part in images.values():
        assert part.get_content().startswith(b"\x89PNG\r\n\x1a\n")
        assert part.get_content_disposition() == "inline"
    assert "<script" not in html.lower()

    assert sorted(row[1] for row in deliveries(data_dir)) == ["ppa@example.org", "redaksi@example.org"]
    assert "sent to" in capsys.readouterr().out


def test_a_second_run_sends_nothing_unless_forced(setup: tuple[Path, Path], smtp_server: SmtpServer,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    config, data_dir = setup
    assert sorot(config, "digest", "--week", WEEK, "--send") == 0
    capsys.readouterr()
    assert sorot(config, "digest", "--week", WEEK, "--send") == 0
    out = capsys.readouterr().out
    assert "already sent to redaksi@example.org" in out and "not sent again" in out
    assert len(smtp_server.inbox.messages) == 1
    assert len(deliveries(data_dir)) == 2

    # A new recipient gets it; those who had it do not.
    assert sorot(config, "digest", "--week", WEEK, "--send", "--to", "redaksi@example.org",
                 "--to", "baru@example.org") == 0
    assert smtp_server.inbox.messages[-1][1] == ["baru@example.org"]
    assert sorot(config, "digest", "--week", WEEK, "--send", "--force") == 0
    assert len(smtp_server.inbox.messages) == 3
    assert sorted(smtp_server.inbox.messages[-1][1]) == ["ppa@example.org", "redaksi@example.org"]
    assert [row[2] for row in deliveries(data_dir)][-2:] == [True, True]
    ids = [parse(raw)["Message-ID"] for _, _, raw in smtp_server.inbox.messages]
    assert len(set(ids)) == 3  # a forced re-send is a new message, not a duplicate an archive would drop


def test_an_smtp_outage_fails_with_a_clear_message_and_records_nothing(
        setup: tuple[Path, Path], tmp_path: Path, smtp_server: SmtpServer,
        capsys: pytest.CaptureFixture[str]) -> None:
    _, data_dir = setup
    config = write_config(tmp_path, free_port(), smtp_server.ca_file)  # nothing listens there
    assert sorot(config, "digest", "--week", WEEK, "--send") == 1
    captured = capsys.readouterr()
    assert "could not send through 127.0.0.1" in captured.err and "after 2 attempts" in captured.err
    assert "retrying" in captured.out  # the first failure was retried
    assert "Traceback" not in captured.err
    assert deliveries(data_dir) == []
    assert smtp_server.inbox.messages == []


def test_a_wrong_password_is_not_retried_and_records_nothing(
        setup: tuple[Path, Path], smtp_server: SmtpServer, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    config, data_dir = setup
    monkeypatch.setenv("SOROT_SMTP_PASSWORD", "salah")
    assert sorot(config, "digest", "--week", WEEK, "--send") == 1
    err = capsys.readouterr().err
    assert "refused the login" in err and "salah" not in err
    assert deliveries(data_dir) == [] and smtp_server.inbox.messages == []


def test_an_untrusted_certificate_is_refused(setup: tuple[Path, Path], tmp_path: Path,
                                             smtp_server: SmtpServer,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    _, data_dir = setup
    other_cert, _ = make_certificate(tmp_path)  # a CA that did not sign the server's certificate
    config = write_config(tmp_path, smtp_server.port, other_cert)
    assert sorot(config, "digest", "--week", WEEK, "--send") == 1
    assert "certificate" in capsys.readouterr().err
    assert deliveries(data_dir) == [] and smtp_server.inbox.messages == []


def test_the_password_never_comes_from_the_config_file_or_the_command_line(
        setup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config, _ = setup
    config.write_text(config.read_text(encoding="utf-8") + f'password = "{PASSWORD}"\n', encoding="utf-8")
    assert sorot(config, "digest", "--week", WEEK, "--send") == 2
    assert "do not put the SMTP password in the configuration file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--config", str(config), "digest", "--send", "--password", PASSWORD])


def test_dry_run_writes_the_same_message_and_sends_nothing(setup: tuple[Path, Path], smtp_server: SmtpServer,
                                                           tmp_path: Path) -> None:
    config, data_dir = setup
    out = tmp_path / "digest.eml"
    assert sorot(config, "digest", "--week", WEEK, "--dry-run", "--out", str(out)) == 0
    first = out.read_bytes()
    assert sorot(config, "digest", "--week", WEEK, "--dry-run", "--out", str(out)) == 0
    assert out.read_bytes() == first
    message = parse(first)
    assert message["Date"] == "Mon, 09 Sep 2024 07:00:00 +0700"
    assert re.search(rb"Content-ID: <grafik-tren\.2024-W36@sorot\.local>", first)
    assert smtp_server.inbox.messages == [] and deliveries(data_dir) == []
