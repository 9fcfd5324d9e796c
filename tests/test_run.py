"""`sorot run`, the cron entry point: the digest step on its weekday, and what overlapping runs do."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from sorot.pipeline.cli import main
from sorot.pipeline.config import load_config
from sorot.pipeline.jobs.run import run_pipeline
from sorot.warehouse.db import writer_lock
from sorot.warehouse.queries import WIB

from . import test_digest_smtp
from .test_digest_smtp import PASSWORD, SmtpServer, build_data_dir, deliveries, write_config

# the SMTP server of the digest tests (aiosmtpd on 127.0.0.1 with STARTTLS and AUTH), shared as fixtures
certificate = test_digest_smtp.certificate
smtp_server = test_digest_smtp.smtp_server

MONDAY_AFTER_W36 = datetime(2024, 9, 9, 6, 30, tzinfo=WIB)
TUESDAY_AFTER_W36 = datetime(2024, 9, 10, 6, 30, tzinfo=WIB)


@pytest.fixture
def config_path(tmp_path: Path, smtp_server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("SOROT_DATA_DIR", raising=False)
    monkeypatch.delenv("SOROT_SMTP_HOST", raising=False)
    monkeypatch.setenv("SOROT_SMTP_PASSWORD", PASSWORD)
    build_data_dir(tmp_path / "data")
    return write_config(tmp_path, smtp_server.port, smtp_server.ca_file)


def test_on_monday_the_run_writes_last_weeks_report_and_sends_its_digest_once(
        config_path: Path, smtp_server: SmtpServer) -> None:
    config = load_config(str(config_path))
    lines: list[str] = []
    result = run_pipeline(config, crawl=False, now=MONDAY_AFTER_W36, on_progress=lines.append)
    assert result.digest_due and result.week == "2024-W36"
    assert [path.name for path in result.reports] == ["laporan-2024-W36.html", "laporan-2024-W36.pdf"]
    assert result.reports[1].read_bytes().startswith(b"%PDF-")
    assert result.delivery is not None and sorted(result.delivery.sent) == ["ppa@example.org",
                                                                            "redaksi@example.org"]
    assert len(smtp_server.inbox.messages) == 1

    # cron runs again the same Monday (a retry, a manual run): nothing is sent twice
    again = run_pipeline(config, crawl=False, now=MONDAY_AFTER_W36, on_progress=lines.append)
    assert again.delivery is not None and again.delivery.sent == ()
    assert set(again.delivery.already_sent) == {"ppa@example.org", "redaksi@example.org"}
    assert len(smtp_server.inbox.messages) == 1
    assert len(deliveries(config.paths.data_dir)) == 2


def test_other_days_send_no_digest_unless_asked(config_path: Path, smtp_server: SmtpServer) -> None:
    config = load_config(str(config_path))
    result = run_pipeline(config, crawl=False, now=TUESDAY_AFTER_W36, on_progress=lambda _: None)
    assert not result.digest_due and result.delivery is None and result.reports == ()
    forced = run_pipeline(config, crawl=False, digest=True, now=TUESDAY_AFTER_W36, on_progress=lambda _: None)
    assert forced.week == "2024-W36" and forced.delivery is not None and len(forced.delivery.sent) == 2
    assert len(smtp_server.inbox.messages) == 1


def test_the_digest_weekday_comes_from_the_configuration(config_path: Path) -> None:
    config_path.write_text(config_path.read_text(encoding="utf-8").replace(
        "[digest]\n", '[digest]\nweekday = "selasa"\n'), encoding="utf-8")
    config = load_config(str(config_path))
    assert not run_pipeline(config, crawl=False, digest=None, now=MONDAY_AFTER_W36,
                            on_progress=lambda _: None).digest_due
    tuesday = run_pipeline(config, crawl=False, now=TUESDAY_AFTER_W36, on_progress=lambda _: None)
    assert tuesday.digest_due and tuesday.week == "2024-W36"


def test_cli_run_without_crawl_or_digest(config_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(config_path), "run", "--no-crawl", "--no-digest"]) == 0
    assert "no digest today" in capsys.readouterr().out


def test_an_overlapping_run_stops_at_once_without_sending(config_path: Path, smtp_server: SmtpServer,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    config = load_config(str(config_path))
    with writer_lock(config.paths.warehouse):  # another run is loading
        status = main(["--config", str(config_path), "run", "--no-crawl", "--digest"])
    assert status == 75
    err = capsys.readouterr().err
    assert "another run is in progress" in err and "Traceback" not in err
    assert smtp_server.inbox.messages == [] and deliveries(config.paths.data_dir) == []
    # once the other run has finished, the next run sends
    assert main(["--config", str(config_path), "run", "--no-crawl", "--digest"]) == 0
    assert len(smtp_server.inbox.messages) == 1


def test_a_run_waits_for_the_lock_when_asked(config_path: Path) -> None:
    config = load_config(str(config_path))
    with writer_lock(config.paths.warehouse):
        started = datetime.now(WIB)
        status = main(["--config", str(config_path), "run", "--no-crawl", "--digest", "--wait", "0.5"])
        waited = (datetime.now(WIB) - started).total_seconds()
    assert status == 75 and waited >= 0.5
