"""Every return type, made from one demo database, saved signed and checked as a recipient would:
pyHanko's validation, poppler's pdfsig, the manifest's digests, and ``uniondesk verify`` on a
tampered copy. The review summary also goes through the committee chair's countersignature.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import datetime

import pytest

from pdf_helpers import add_page_content, flip_signed_byte, pdfsig_says_valid, pdfsig_validations
from returns_helpers import pdf_text
from unionDesk.domain.access import CLI_ACTOR
from unionDesk.domain.periods import Period
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import resolve_paths
from unionDesk.services.candidates import list_candidates
from unionDesk.services.database import create_database
from unionDesk.services.demo import fill_demo
from unionDesk.services.returns import ReturnRequest, ReturnType, generate, save
from unionDesk.services.signing import (
    CHAIR_FIELD,
    countersign_pdf,
    create_identity,
    create_personal_p12,
    load_signer_from_p12,
    read_identity,
)
from unionDesk.services.verification import trusted_certificates, verify_pdf

PASSPHRASE = "示范-signing-2026"
UNION = "示范机械制造有限公司工会委员会"
NOW = datetime(2026, 11, 21, 10, 0)
HAS_PDFSIG = shutil.which("pdfsig") is not None


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """300 demo members with the selection and activities demos, and a signing identity.

    With fewer members the selection demo finds no eligible nominees.
    """
    paths = resolve_paths(tmp_path_factory.mktemp("signed") / "data")
    db = create_database(paths, UNION, compose_uscc("91110105MA01DEMA1"))
    filled = fill_demo(db, 300, selections=True, activities=True)
    create_identity(db, CLI_ACTOR, paths, PASSPHRASE)
    yield paths, db, filled
    db.close()


def subject_of(kind: ReturnType, filled, db) -> int | None:
    if kind is ReturnType.NOMINATION:
        return list_candidates(db, CLI_ACTOR, filled.selection.program_ids[0])[0].id
    if kind is ReturnType.REVIEW_RESULTS:
        return filled.selection.program_ids[0]
    if kind is ReturnType.COMPETITION:
        return filled.activities.competition_ids[1]  # the skills competition, all scored
    return None


@pytest.fixture(scope="module")
def signed(demo, tmp_path_factory):
    """Each return type saved signed, by type."""
    paths, db, filled = demo
    out = tmp_path_factory.mktemp("returns")
    made = {}
    for kind in ReturnType:
        request = ReturnRequest(kind, Period(2026, None), subject_id=subject_of(kind, filled, db))
        generated = generate(db, CLI_ACTOR, request, now=NOW)
        made[kind] = (
            generated,
            save(db, CLI_ACTOR, generated, out, paths=paths, passphrase=PASSPHRASE),
        )
    return made


@pytest.mark.parametrize("kind", list(ReturnType))
def test_each_return_is_signed_valid_and_matches_its_manifest(demo, signed, kind):
    paths, _, _ = demo
    generated, saved = signed[kind]
    pdf = saved.pdf.read_bytes()
    report = verify_pdf(pdf, trusted_certificates(paths))
    assert report.ok, report
    (check,) = report.signatures
    assert check.intact and check.valid and check.trusted
    assert UNION in check.signer
    if HAS_PDFSIG:
        assert pdfsig_says_valid(saved.pdf)
    manifest = json.loads(saved.manifest.read_text(encoding="utf-8"))
    digests = {entry["name"]: entry["sha256"] for entry in manifest["files"]}
    assert digests == {
        saved.pdf.name: hashlib.sha256(pdf).hexdigest(),
        saved.data.name: hashlib.sha256(saved.data.read_bytes()).hexdigest(),
    }
    assert manifest["signer_certificate_sha256"] == read_identity(paths).fingerprint
    assert manifest["return_type"] == kind.value and manifest["period"] == "2026"
    assert json.loads(saved.data.read_text(encoding="utf-8")) == generated.data
    text = pdf_text(pdf)
    assert generated.title in text.replace(" ", "") and "数字签名" in text


def test_the_roster_names_every_demo_member_as_the_register_does(signed):
    generated, saved = signed[ReturnType.ROSTER]
    text = pdf_text(saved.pdf.read_bytes())
    names = [member["name"] for member in generated.data["members"]]
    assert len(names) == generated.data["count"] > 0
    assert all(name in text for name in names if len(name) <= 4)  # long names may wrap


@pytest.mark.parametrize("tamper", [flip_signed_byte, add_page_content])
def test_verify_rejects_a_tampered_copy(demo, signed, tamper, tmp_path, qapp):
    """``qapp``: the command line would otherwise make a QCoreApplication that stays."""
    paths, _, _ = demo
    _, saved = signed[ReturnType.SUMMARY]
    forged = tamper(saved.pdf.read_bytes())
    assert not verify_pdf(forged, trusted_certificates(paths)).ok
    copy = tmp_path / "forged.pdf"
    copy.write_bytes(forged)
    from unionDesk.cli import EXIT_OK, main

    assert main(["--data-dir", str(paths.root), "verify", str(copy)]) != EXIT_OK
    assert main(["--data-dir", str(paths.root), "verify", str(saved.pdf)]) == EXIT_OK


def test_the_committee_chair_countersigns_the_review_summary(demo, signed, tmp_path):
    paths, _, _ = demo
    _, saved = signed[ReturnType.REVIEW_RESULTS]
    certified = saved.pdf.read_bytes()
    first = verify_pdf(certified, trusted_certificates(paths))
    assert first.ok and first.signatures[0].certifying
    # The chair's name has U+2020C: the stamp takes it from the fallback font.
    chair = load_signer_from_p12(create_personal_p12("王𠈌", "chair-pass"), "chair-pass")
    both = countersign_pdf(certified, chair, signer_label="王𠈌")
    assert both.startswith(certified)  # an incremental update: the union's bytes untouched
    report = verify_pdf(both, trusted_certificates(paths))
    assert report.ok
    assert [s.field_name for s in report.signatures][-1] == CHAIR_FIELD
    assert all(s.intact and s.valid for s in report.signatures)
    assert "签名人：王𠈌" in pdf_text(both, layout=False)
    if HAS_PDFSIG:
        path = tmp_path / "countersigned.pdf"
        path.write_bytes(both)
        assert pdfsig_validations(path) == ["Signature is Valid."] * 2
