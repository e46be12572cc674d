"""The end-to-end scenario of DESIGN.md 11, through the services and the real receiver:

first run → members entered → nomination → blind review → publicity → approval → returns
generated and signed → uploaded to the reference receiver on 127.0.0.1 → receipt shown.
"""

from __future__ import annotations

from datetime import date

from returns_helpers import pdf_text
from selection_helpers import (
    ROUND_CLOSES,
    ROUND_OPENS,
    make_candidates,
    make_members,
    make_program,
    make_reviewers,
    scores,
    submit_review,
)
from unionDesk.domain.access import Role
from unionDesk.domain.outbox import DestinationKind, OutboxState
from unionDesk.domain.periods import Period
from unionDesk.domain.uscc import compose_uscc
from unionDesk.domain.workflow import CandidateState
from unionDesk.paths import resolve_paths
from unionDesk.services.audit import verify_chain
from unionDesk.services.candidates import get_candidate
from unionDesk.services.database import AdminAccount, create_database
from unionDesk.services.destinations import DestinationDraft, add_destination
from unionDesk.services.identity import create_identity
from unionDesk.services.outbox import enqueue, list_items, send_due
from unionDesk.services.publicity import approve, plan_publicity, start_publicity
from unionDesk.services.receipt_list import receipt_list_pdf
from unionDesk.services.results import program_results, shortlist
from unionDesk.services.returns import ReturnRequest, ReturnType, generate, save
from unionDesk.services.rounds import RoundDraft, close_round, create_round
from unionDesk.services.users import log_in
from unionDesk.sync.inbox import InboxServer

PASSWORD = "Gonghui-Zhuxi-2026"
PASSPHRASE = "Gonghui-Sign-2026"
TOKEN = "e2e-token"
PUBLICITY_START = date(2026, 9, 30)


def test_from_first_run_to_the_receipt(tmp_path):
    # 1. first run: the union and its administrator
    paths = resolve_paths(tmp_path / "data")
    admin_account = AdminAccount("admin", PASSWORD, "工会主席")
    db = create_database(
        paths, "测试机械厂工会委员会", compose_uscc("91110105MA01ABCD1"), admin_account
    )
    try:
        admin = log_in(db, "admin", PASSWORD).actor
        assert admin.role is Role.ADMIN

        # 2. members entered, 3. nominated and checked eligible
        program_id = make_program(db)
        candidates = make_candidates(db, program_id, make_members(db, 5))

        # 4. blind review by three reviewers, then the round closes
        reviewers = make_reviewers(db, 3)
        round_id = create_round(
            db,
            admin,
            RoundDraft(
                program_id=program_id,
                name="终评",
                opens_on=ROUND_OPENS,
                closes_on=ROUND_CLOSES,
                chair_user_id=reviewers[0].user_id,
                reviewer_ids=tuple(r.user_id for r in reviewers),
                candidate_ids=tuple(candidates),
            ),
        )
        for rank, candidate_id in enumerate(candidates):
            for reviewer in reviewers:
                values = scores("18", str(38 - 2 * rank), "22", "14")
                submit_review(
                    db, reviewer, round_id, candidate_id, values, "", today=date(2026, 7, 15)
                )
        close_round(db, reviewers[0], round_id)
        ranking = program_results(db, admin, program_id).rows
        assert [row.candidate_id for row in ranking] == candidates

        # 5. publicity of the top two, 6. approval after it ends with no objection
        chosen = candidates[:2]
        shortlist(db, admin, chosen, "综合得分前两名")
        end = plan_publicity(db, admin, program_id, PUBLICITY_START).end
        start_publicity(db, admin, program_id, chosen, PUBLICITY_START, today=PUBLICITY_START)
        approved_on = date(2026, 10, 13)
        assert end < approved_on
        for candidate_id in chosen:
            approve(db, admin, candidate_id, today=approved_on)
            assert get_candidate(db, admin, candidate_id).state is CandidateState.APPROVED

        # 7. returns generated and signed
        create_identity(db, admin, paths, PASSPHRASE)
        made = []
        for request in (
            ReturnRequest(ReturnType.REVIEW_RESULTS, Period(2026, None), subject_id=program_id),
            ReturnRequest(ReturnType.ROSTER, Period(2026, 4)),
        ):
            generated = generate(db, admin, request)
            made.append(
                save(db, admin, generated, tmp_path / "returns", paths=paths, passphrase=PASSPHRASE)
            )
        assert "公示期满无异议" in pdf_text(made[0].pdf.read_bytes())

        # 8. uploaded to the reference receiver on loopback
        inbox = tmp_path / "inbox"
        server = InboxServer(inbox, TOKEN)
        server.start()
        try:
            draft = DestinationDraft("区总工会", DestinationKind.HTTP, server.url, secret=TOKEN)
            add_destination(db, admin, paths, draft)
            queued = [enqueue(db, admin, paths, saved) for saved in made]
            report = send_due(db, paths)
        finally:
            server.stop()
        assert report.delivered == 2

        # 9. the receipts are shown, printed, and the receiver holds both packages once
        items = list_items(db, admin)
        assert {i.state for i in items} == {OutboxState.DELIVERED}
        receipts = {i.receipt_id for i in items}
        assert all(receipts) and len(receipts) == 2
        printed = pdf_text(receipt_list_pdf(db, admin))
        assert all(receipt in printed.replace(" ", "") for receipt in receipts)
        assert sorted(p.name for p in inbox.iterdir()) == sorted(q.package_id for q in queued)
        assert verify_chain(db).ok
    finally:
        db.close()
