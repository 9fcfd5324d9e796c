"""Sending a message over SMTP: encrypted, certificate-checked, retried with backoff, with clear failures.

Settings come from the configuration file's ``[smtp]`` section and environment variables; the password only
from the environment (``SOROT_SMTP_PASSWORD`` unless ``password_env`` names another variable), so that it
never sits in a file under version control or in a command line visible to every user of the machine.

Encryption is STARTTLS (port 587) or implicit TLS (port 465), both through ``ssl.create_default_context``:
the server's certificate must chain to a trusted CA (the system's, or ``ca_file`` for a private CA) and match
the host name. A server that does not offer STARTTLS is refused rather than spoken to in clear text. The one
exception, ``security = "none"``, is for a mail relay on the same machine (loopback only, no login).

Transient failures (connection refused or dropped, time-outs, 4xx answers) are retried with exponential
backoff; permanent ones (authentication refused, certificate rejected, 5xx answers) stop at once, because
repeating them only delays the error message.
"""

from __future__ import annotations

import ipaddress
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

SECURITY_MODES = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
DEFAULT_PASSWORD_ENV = "SOROT_SMTP_PASSWORD"
ENV_PREFIX = "SOROT_SMTP_"
_LOOPBACK_NAMES = ("localhost", "localhost.localdomain")


class SmtpConfigError(ValueError):
    """The SMTP settings are incomplete or unsafe; the message says which setting."""


class SendError(RuntimeError):
    """The message could not be handed to the SMTP server; nothing was sent."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str = "starttls"
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    ca_file: Path | None = None
    timeout: float = 30.0
    attempts: int = 3
    backoff_seconds: float = 5.0

    @classmethod
    def from_config(cls, section: Mapping[str, Any],
                    environ: Mapping[str, str] | None = None) -> SmtpSettings:
        """Build from the ``[smtp]`` section, each value overridable by ``SOROT_SMTP_<NAME>``.

        Accepted names: host, port, security, username, ca_file, timeout, attempts, backoff_seconds,
        password_env. A ``password`` key in the file is refused: secrets belong in the environment.
        """
        env = os.environ if environ is None else environ
        if "password" in section:
            raise SmtpConfigError("do not put the SMTP password in the configuration file: set "
                                  f"{section.get('password_env', DEFAULT_PASSWORD_ENV)} in the environment")

        def value(name: str, default: Any = None) -> Any:
            return env.get(ENV_PREFIX + name.upper(), section.get(name, default))

        host = value("host")
        if not host:
            raise SmtpConfigError("no SMTP server configured: set host in the [smtp] section of the "
                                  "configuration or SOROT_SMTP_HOST")
        security = str(value("security", "starttls")).lower()
        if security not in SECURITY_MODES:
            raise SmtpConfigError(f"smtp security must be one of {', '.join(SECURITY_MODES)}, "
                                  f"got {security!r}")
        password_env = str(section.get("password_env", DEFAULT_PASSWORD_ENV))
        ca_file = value("ca_file")
        try:
            settings = cls(
                host=str(host),
                port=int(value("port", DEFAULT_PORTS[security])),
                security=security,
                username=str(value("username")) if value("username") else None,
                password=env.get(password_env) or None,
                ca_file=Path(ca_file) if ca_file else None,
                timeout=float(value("timeout", 30.0)),
                attempts=max(1, int(value("attempts", 3))),
                backoff_seconds=max(0.0, float(value("backoff_seconds", 5.0))),
            )
        except (TypeError, ValueError) as error:
            raise SmtpConfigError(f"invalid [smtp] setting: {error}") from None
        settings.check()
        return settings

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def check(self) -> None:
        """Refuse unsafe combinations before any connection is made."""
        if self.username and not self.password:
            raise SmtpConfigError(f"SMTP user {self.username!r} is set but the password is missing from "
                                  f"the environment ({DEFAULT_PASSWORD_ENV} or the variable named by "
                                  "password_env)")
        if self.security == "none":
            if not _is_loopback(self.host):
                raise SmtpConfigError("smtp security 'none' is only allowed for a relay on this machine, "
                                      f"not {self.host!r}: use starttls or tls")
            if self.username:
                raise SmtpConfigError("refusing to send an SMTP password without encryption: "
                                      "use starttls or tls")
        if self.ca_file is not None and not self.ca_file.is_file():
            raise SmtpConfigError(f"smtp ca_file not found: {self.ca_file}")

    def tls_context(self) -> ssl.SSLContext:
        """Certificate and host-name checks on, as ``create_default_context`` sets them."""
        return ssl.create_default_context(cafile=str(self.ca_file) if self.ca_file else None)


def send_message(settings: SmtpSettings, message: EmailMessage, recipients: Sequence[str], *,
                 sleep: Callable[[float], None] = time.sleep,
                 on_retry: Callable[[str], None] | None = None) -> dict[str, str]:
    """Send one message to ``recipients`` (the envelope); returns the recipients the server refused.

    Raises ``SendError`` when no attempt got the message accepted for any recipient.
    """
    if not recipients:
        raise ValueError("no recipients to send to")
    last_error = ""
    for attempt in range(1, settings.attempts + 1):
        try:
            refused = _send_once(settings, message, recipients)
            return {address: f"{code} {reply.decode('utf-8', 'replace')}" for address, (code, reply)
                    in refused.items()}
        except smtplib.SMTPRecipientsRefused as error:
            raise SendError(f"the SMTP server {settings.address} refused every recipient: "
                            f"{_refusals(error.recipients)}") from None
        except smtplib.SMTPAuthenticationError as error:
            raise SendError(f"the SMTP server {settings.address} refused the login for {settings.username!r} "
                            f"({error.smtp_code} {_text(error.smtp_error)}); check the user and the password "
                            "variable") from None
        except ssl.SSLCertVerificationError as error:
            raise SendError(f"the certificate of {settings.address} was not accepted "
                            f"({error.verify_message}); set ca_file in [smtp] for a private CA") from None
        except smtplib.SMTPNotSupportedError as error:
            raise SendError(f"{settings.address}: {error}") from None
        except smtplib.SMTPResponseException as error:
            last_error = f"{error.smtp_code} {_text(error.smtp_error)}"
            if not 400 <= error.smtp_code < 500:
                raise SendError(f"the SMTP server {settings.address} rejected the message: "
                                f"{last_error}") from None
        except (OSError, smtplib.SMTPException) as error:
            last_error = str(error) or type(error).__name__
        if attempt < settings.attempts:
            delay = settings.backoff_seconds * 2 ** (attempt - 1)
            if on_retry:
                on_retry(f"[digest] attempt {attempt} of {settings.attempts} failed ({last_error}); "
                         f"retrying in {delay:g} s")
            sleep(delay)
    raise SendError(f"could not send through {settings.address} after {settings.attempts} attempts: "
                    f"{last_error}")


def _send_once(settings: SmtpSettings, message: EmailMessage,
               recipients: Sequence[str]) -> dict[str, tuple[int, bytes]]:
    context = settings.tls_context()
    if settings.security == "tls":
        client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                                context=context)
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    with client:
        client.ehlo()
        if settings.security == "starttls":
            if not client.has_extn("starttls"):
                raise smtplib.SMTPNotSupportedError(
                    "the server does not offer STARTTLS; refusing to send in clear text")
            client.starttls(context=context)
            client.ehlo()
        if settings.username:
            client.login(settings.username, settings.password or "")
        return client.send_message(message, to_addrs=list(recipients))


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _refusals(recipients: Mapping[str, tuple[int, bytes]]) -> str:
    return "; ".join(f"{address} ({code} {_text(reply)})" for address, (code, reply) in recipients.items())
