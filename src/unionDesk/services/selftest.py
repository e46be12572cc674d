"""The self-test: can this installation do its work? (``uniondesk selftest``, 帮助 → 自检).

Every check runs in a temporary folder and never touches the user's data: it creates a
database there, migrates an empty one from the first revision upward, loads the fonts and
translations, makes a roster return with a member named 王𠈌 (a character outside the Basic
Multilingual Plane), signs it with a throw-away identity, verifies it, and reads the text back.
Each check answers ok or failed with a plain message for a support call.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.messages import (
    QT_TRANSLATE_NOOP,
    Label,
    Problem,
    Translate,
    ValidationFailed,
    untranslated,
)
from unionDesk.paths import AppPaths
from unionDesk.services.errors import ServiceError

CONTEXT = "Selftest"
RARE_NAME = "王𠈌"
UNION_NAME = "自检测试工会委员会"
USCC_BODY = "91110105MA01CHK01"
PASSPHRASE = "Selftest-Passphrase-2026"
TRANSLATION_FILE = "uniondesk_zh_CN.qm"

Progress = Callable[["CheckResult"], None]


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check.

    Attributes:
        key: a stable identifier (``database``, ``migrations``, ``fonts``, ...), for ``--json``.
        name: what was checked, in the user's language once rendered.
        ok: whether the check passed.
        message: what happened, or what went wrong and what to do.
        causes: the problems a service refused with; they replace the message's technical
            ``{reason}`` so that it reads in the user's language.
    """

    key: str
    name: Label
    ok: bool
    message: Problem
    causes: tuple[Problem, ...] = ()

    def render(self, translate: Translate = untranslated) -> tuple[str, str]:
        """The name and the message, translated with ``translate``."""
        message = self.message
        if self.causes:
            reason = "; ".join(cause.render(translate).rstrip(".。") for cause in self.causes)
            message = replace(message, params={**message.params, "reason": reason})
        return self.name.render(translate), message.render(translate)


@dataclass
class _Workspace:
    """What the checks hand on to each other inside the temporary folder."""

    paths: AppPaths
    db: Any = None
    pdf: bytes = b""
    signed: bytes = b""


def _label(text: str) -> Label:
    return Label(CONTEXT, text)


def _message(text: str, **params: object) -> Problem:
    return Problem("", CONTEXT, text, params)


def run_selftest(progress: Progress | None = None) -> list[CheckResult]:
    """Run every check in a fresh temporary folder, in order, and return their results.

    Args:
        progress: called with each result as soon as its check has finished.
    """
    results: list[CheckResult] = []
    # On Windows a file another program (a virus scanner) still holds must not fail the test.
    temporary = tempfile.TemporaryDirectory(
        prefix="uniondesk-selftest-", ignore_cleanup_errors=True
    )
    with temporary as folder:
        work = _Workspace(AppPaths(Path(folder) / "data"))
        try:
            for result in _run_checks(work, Path(folder)):
                results.append(result)
                if progress is not None:
                    progress(result)
        finally:
            if work.db is not None:
                work.db.close()
    return results


def _run_checks(work: _Workspace, folder: Path) -> Iterator[CheckResult]:
    checks: list[tuple[str, str, Callable[[], Problem]]] = [
        ("database", QT_TRANSLATE_NOOP("Selftest", "Database"), lambda: _database(work)),
        (
            "migrations",
            QT_TRANSLATE_NOOP("Selftest", "Database upgrades"),
            lambda: _migrations(folder),
        ),
        ("fonts", QT_TRANSLATE_NOOP("Selftest", "Fonts"), _fonts),
        ("translations", QT_TRANSLATE_NOOP("Selftest", "Translations"), _translations),
        ("pdf", QT_TRANSLATE_NOOP("Selftest", "PDF return"), lambda: _pdf(work)),
        ("signing", QT_TRANSLATE_NOOP("Selftest", "Signing"), lambda: _signing(work)),
        ("verification", QT_TRANSLATE_NOOP("Selftest", "Verification"), lambda: _verify(work)),
        ("text", QT_TRANSLATE_NOOP("Selftest", "Reading the PDF back"), lambda: _read_back(work)),
    ]
    for key, name, check in checks:
        try:
            yield CheckResult(key, _label(name), True, check())
        except _Skipped as skipped:
            yield CheckResult(key, _label(name), False, skipped.problem)
        except Exception as error:  # a self-test reports every failure instead of stopping
            yield _failure(key, name, error)


class _Skipped(Exception):
    """An earlier check this one needs has failed."""

    def __init__(self) -> None:
        super().__init__("skipped")
        self.problem = _message(
            QT_TRANSLATE_NOOP("Selftest", "Not run, because an earlier check failed.")
        )


def _failure(key: str, name: str, error: Exception) -> CheckResult:
    causes: tuple[Problem, ...] = ()
    if isinstance(error, ValidationFailed):
        causes = error.problems
    elif isinstance(error, ServiceError):
        causes = (error.problem,)
    message = _message(
        QT_TRANSLATE_NOOP(
            "Selftest",
            "Failed: {reason}. Reinstall UnionDesk; if that does not help, call support.",
        ),
        reason=f"{type(error).__name__}: {error}",
    )
    return CheckResult(key, _label(name), False, message, causes)


def _database(work: _Workspace) -> Problem:
    from unionDesk.domain.enums import (
        Education,
        HukouNature,
        HukouRegion,
        IdType,
        PoliticalStatus,
        SkillLevel,
    )
    from unionDesk.domain.ids import compose_resident_id
    from unionDesk.domain.member import MemberDraft
    from unionDesk.domain.uscc import compose_uscc
    from unionDesk.services.database import create_database
    from unionDesk.services.members import create_member

    work.db = create_database(work.paths, UNION_NAME, compose_uscc(USCC_BODY))
    draft = MemberDraft(
        name=RARE_NAME,
        id_type=IdType.RESIDENT_ID,
        id_number=compose_resident_id("110105", date(1990, 5, 17), 123),
        sex=None,
        birth_date=None,
        ethnicity="01",
        mobile="",
        political_status=PoliticalStatus.MASSES,
        education=Education.SENIOR_MIDDLE,
        skill_level=SkillLevel.SENIOR,
        trade="",
        job_title="",
        hukou_region=HukouRegion.LOCAL,
        hukou_nature=HukouNature.NON_AGRICULTURAL,
        migrant_worker=False,
        work_start_date=None,
        join_date=date(2015, 3, 1),
        card_number="SELFTEST-1",
        department_id=None,
        hardship=False,
        notes="",
    )
    create_member(work.db, CLI_ACTOR, draft)
    return _message(
        QT_TRANSLATE_NOOP("Selftest", "Created a database and added the member {name}."),
        name=RARE_NAME,
    )


def _migrations(folder: Path) -> Problem:
    from alembic import command

    from unionDesk.store.db import make_engine
    from unionDesk.store.migrate import alembic_config, current_revision, head_revision

    engine = make_engine(folder / "upgrade.sqlite3")
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            reached = current_revision(connection)
    finally:
        engine.dispose()
    head = head_revision()
    if reached != head:
        raise RuntimeError(f"stopped at revision {reached}, expected {head}")
    return _message(
        QT_TRANSLATE_NOOP("Selftest", "Upgraded an empty database to revision {revision}."),
        revision=head,
    )


def _fonts() -> Problem:
    from unionDesk.reports.fonts import check, fonts

    coverage = fonts()
    check(RARE_NAME)
    return _message(
        QT_TRANSLATE_NOOP("Selftest", "Loaded the fonts ({count} characters)."),
        count=len(coverage.main | coverage.fallback),
    )


def translation_file() -> Path:
    """The compiled Simplified Chinese translation shipped with the program."""
    return Path(str(files("unionDesk.resources") / "translations" / TRANSLATION_FILE))


def _translations() -> Problem:
    path = translation_file()
    if not path.is_file() or path.stat().st_size == 0:
        raise RuntimeError(f"{path} is missing or empty")
    return _message(
        QT_TRANSLATE_NOOP("Selftest", "Found the Chinese translation ({size} KB)."),
        size=round(path.stat().st_size / 1024),
    )


def _pdf(work: _Workspace) -> Problem:
    if work.db is None:
        raise _Skipped()
    from unionDesk.domain.periods import quarter_of
    from unionDesk.services.returns import ReturnRequest, ReturnType, generate

    request = ReturnRequest(ReturnType.ROSTER, quarter_of(date.today()))
    work.pdf = generate(work.db, CLI_ACTOR, request).pdf
    return _message(
        QT_TRANSLATE_NOOP("Selftest", "Made a roster return ({size} KB)."),
        size=round(len(work.pdf) / 1024),
    )


def _signing(work: _Workspace) -> Problem:
    if not work.pdf:
        raise _Skipped()
    from unionDesk.services.identity import create_identity, load_signer
    from unionDesk.services.signing import sign_pdf

    create_identity(work.db, CLI_ACTOR, work.paths, PASSPHRASE)
    signer = load_signer(work.paths, PASSPHRASE)
    work.signed = sign_pdf(work.pdf, signer, signer_label=UNION_NAME)
    return _message(QT_TRANSLATE_NOOP("Selftest", "Signed the return with a test identity."))


def _verify(work: _Workspace) -> Problem:
    if not work.signed:
        raise _Skipped()
    from unionDesk.services.verification import trusted_certificates, verify_pdf

    report = verify_pdf(work.signed, trusted_certificates(work.paths))
    if not report.ok:
        raise RuntimeError("the signature of the return just signed is not valid")
    return _message(QT_TRANSLATE_NOOP("Selftest", "The signature is valid and the file unchanged."))


def _read_back(work: _Workspace) -> Problem:
    if not work.pdf:
        raise _Skipped()
    text = pdf_text(work.signed or work.pdf)
    if RARE_NAME not in text:
        raise RuntimeError(f"{RARE_NAME} is not in the text read from the PDF")
    return _message(
        QT_TRANSLATE_NOOP("Selftest", "Read the name {name} back from the PDF."), name=RARE_NAME
    )


def pdf_text(pdf: bytes) -> str:
    """The text of ``pdf``: poppler's ``pdftotext`` when installed, else pypdfium2's."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        command = [pdftotext, "-enc", "UTF-8", "-", "-"]
        result = subprocess.run(command, input=pdf, capture_output=True, check=True, timeout=60)
        return result.stdout.decode("utf-8")
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(str(page.get_textpage().get_text_range()) for page in document)
    finally:
        document.close()
