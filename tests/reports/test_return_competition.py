"""竞赛成绩表 and 荣誉证书: the score sheet's figures come out of the PDF and the JSON unchanged."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import datetime
from decimal import Decimal

import pytest

from activity_helpers import VIEWER, enter_members, make_competition, make_members, scores
from helpers import OFFICE, TODAY, fake_id, member_draft
from returns_helpers import pdf_pages, pdf_text
from unionDesk.domain.competition import CompetitionType, Prize
from unionDesk.domain.competition_ranking import PrizeBand
from unionDesk.domain.competition_scheme import RubricItem, SchemeKind, ScoringScheme, ankang_preset
from unionDesk.domain.periods import Period
from unionDesk.services.competition_entries import create_team, save_scores
from unionDesk.services.competitions import EntrySheet, delete_competition, entry_sheet
from unionDesk.services.departments import add_department
from unionDesk.services.errors import NotFound, ValidationFailed
from unionDesk.services.members import create_member
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.returns import GeneratedReturn, ReturnRequest, ReturnType, generate, save
from unionDesk.store.db import Database

NOW = datetime(2026, 11, 21, 10, 5)
RARE, DOTTED = "王𠈌", "阿依古丽·买买提"
PRIZES = {Prize.FIRST: "一等奖", Prize.SECOND: "二等奖", Prize.THIRD: "三等奖"}
PORTRAIT, LANDSCAPE = (595.28, 841.89), (841.89, 595.28)


def competition_return(db: Database, competition_id: int | None, actor=OFFICE) -> GeneratedReturn:
    request = ReturnRequest(ReturnType.COMPETITION, Period(2026, 2), subject_id=competition_id)
    return generate(db, actor, request, now=NOW)


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's width and height in points, from ``pdfinfo -f 1 -l N``."""
    count = str(pdf_pages(pdf))
    command = ["pdfinfo", "-f", "1", "-l", count, "-"]
    output = subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode()
    found = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", output, re.MULTILINE)
    return [(round(float(width), 2), round(float(height), 2)) for width, height in found]


def page_text(pdf: bytes, number: int) -> str:
    """The text of one page (``pdftotext -f N -l N``), in reading order."""
    command = ["pdftotext", "-enc", "UTF-8", "-f", str(number), "-l", str(number), "-", "-"]
    return subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode()


def add_member(db: Database, name: str, sequence: int, department_id: int | None) -> int:
    draft = member_draft(
        name=name,
        id_number=fake_id(sequence),
        card_number=f"GH-R-{sequence:05d}",
        department_id=department_id,
    )
    return create_member(db, OFFICE, draft, today=TODAY)


@pytest.fixture
def skills(db: Database) -> dict[str, int]:
    """A 30/70 skills competition: five members alone (a tie at 89.40) and one team.

    Totals: 王𠈌 92.90, the team 90.70, 阿依古丽·买买提 and 李建国 89.40 (tied), 王建国
    83.50, 张建国 73.50, so prizes 1/2/3 give one first, three second (the tie takes the
    extra place) and two third prizes.
    """
    workshop = add_department(db, OFFICE, None, "数控车间")
    team_department = add_department(db, OFFICE, workshop, "精加工班组")
    others = make_members(db, 6, department_id=team_department)
    rare = add_member(db, RARE, 901, workshop)
    dotted = add_member(db, DOTTED, 903, workshop)
    competition = make_competition(db)
    alone = enter_members(db, competition, [rare, dotted, others[1], others[0], others[2]])
    create_team(db, OFFICE, competition, "精加工一组", others[3:6])
    team_entry = next(r.entry_id for r in entry_sheet(db, OFFICE, competition).rows if r.team_id)
    values = [("95", "92"), ("88", "90"), ("88", "90"), ("80", "85"), ("70", "75")]
    typed = {entry: scores(*pair) for entry, pair in zip(alone, values, strict=True)}
    save_scores(db, OFFICE, competition, typed | {team_entry: scores("90", "91")})
    return {"competition": competition, "team_entry": team_entry}


def sheet_of(db: Database, competition_id: int) -> EntrySheet:
    return entry_sheet(db, OFFICE, competition_id)


def test_the_json_carries_the_score_sheets_figures(db, skills):
    made = competition_return(db, skills["competition"])
    sheet = sheet_of(db, skills["competition"])
    by_entry = {entry["entry_id"]: entry for entry in made.data["entries"]}
    assert set(by_entry) == {row.entry_id for row in sheet.rows}
    for row in sheet.rows:
        entry = by_entry[row.entry_id]
        assert entry["name"] == row.name
        assert entry["total"] == float(row.total)
        assert entry["total_text"] == format(row.total, "f")
        assert (entry["rank"], entry["tied"]) == (row.rank, row.tied)
        assert entry["prize"] == PRIZES.get(row.prize, "")
        assert entry["scores"] == [float(row.values[key]) for key in ("theory", "practical")]
        assert entry["department"] == row.department
    assert [e["total_text"] for e in made.data["entries"]] == [
        "92.90",
        "90.70",
        "89.40",
        "89.40",
        "83.50",
        "73.50",
    ]
    assert [e["rank_text"] for e in made.data["entries"]] == ["1", "2", "并列3", "并列3", "5", "6"]
    counts = made.data["counts"]
    assert (counts["entries"], counts["individual"], counts["teams"]) == (6, 5, 1)
    assert [(p["prize"], p["places"], p["count"]) for p in counts["prizes"]] == [
        ("一等奖", 1, 1),
        ("二等奖", 2, 3),
        ("三等奖", 3, 2),
    ]
    assert counts["prize_winners"] == 6


def test_names_ranks_scores_and_prizes_read_back_from_the_pdf(db, skills):
    made = competition_return(db, skills["competition"])
    text = pdf_text(made.pdf)
    results = text.split("统计")[0]  # the results page, before the counts and certificates
    for entry in made.data["entries"]:
        if entry["team_members"]:
            continue  # a team's members wrap under its name; checked below
        line = next(line for line in results.splitlines() if entry["name"] in line)
        cells = line.split()
        assert cells[0] == entry["rank_text"]
        assert cells[1] == entry["name"]
        assert cells[-4:] == [*entry["score_texts"], entry["total_text"], entry["prize"]]
    assert re.search(r"并列3\s+阿依古丽·买买提\s+数控车间\s+88\s+90\s+89\.40\s+二等奖", results)
    assert re.search(r"并列3\s+李建国\s+精加工班组\s+88\s+90\s+89\.40\s+二等奖", results)
    assert "精加工一组" in results and "成员：" in results
    for key in ("竞赛类型", "技能竞赛", "企业级", "数控车工", "公司工会", "职工技能实训中心"):
        assert key in text
    assert "2026年5月12日至2026年5月13日" in text
    assert "理论知识满分100、权重30" in text


def test_one_landscape_certificate_per_prize_winner(db, skills):
    made = competition_return(db, skills["competition"])
    winners = [e for e in made.data["entries"] if e["prize"]]
    sizes = page_sizes(made.pdf)
    assert sizes[0] == PORTRAIT
    assert sizes[1:] == [LANDSCAPE] * len(winners) == [LANDSCAPE] * 6
    certificates = made.data["certificates"]
    assert [(c["name"], c["prize"]) for c in certificates] == [
        (e["name"], e["prize"]) for e in winners
    ]
    assert certificates[0]["text"] == (
        f"{RARE} 同志：在2026年数控车工技能竞赛中荣获一等奖。特发此证，以资鼓励。"
    )
    first_pages = len(sizes) - len(certificates)
    for number, certificate in enumerate(certificates, first_pages + 1):
        page = page_text(made.pdf, number)
        assert "".join(page.split()[:4]) == "荣誉证书"
        assert certificate["name"] in page and certificate["award"] in page
        assert "特发此证，以资鼓励。" in page
        assert "测试机械厂工会委员会" in page and "2026年5月13日" in page
        assert "统一社会信用代码" not in page and "页" not in page  # no letterhead, no number


def test_a_team_certificate_names_the_team_and_its_members(db, skills):
    made = competition_return(db, skills["competition"])
    team = next(c for c in made.data["certificates"] if c["entry_id"] == skills["team_entry"])
    assert team["salutation"] == "精加工一组："
    assert team["members_line"] == "团队成员：陈建国、刘建国、杨建国"  # by pinyin
    page = page_text(made.pdf, 1 + made.data["certificates"].index(team) + 1)
    assert "团队成员：陈建国、刘建国、杨建国" in page


def test_rare_and_dotted_names_read_back_exactly(db, skills):
    made = competition_return(db, skills["competition"])
    text = pdf_text(made.pdf, layout=False)
    assert text.count(RARE) == 2  # the table and the certificate
    assert text.count(DOTTED) == 2
    assert f"{RARE} 同志：" in text and f"{DOTTED} 同志：" in text


def test_saved_json_equals_the_printed_data(db, skills, tmp_path):
    made = competition_return(db, skills["competition"])
    saved = save(db, OFFICE, made, tmp_path / "out")
    data = json.loads(saved.data.read_text(encoding="utf-8"))
    assert data["entries"] == made.data["entries"]
    assert data["certificates"] == made.data["certificates"]
    assert data["return_type"] == "competition" and data["title"] == "竞赛成绩表"
    assert saved.pdf.name.startswith(f"competition_2026Q2_{skills['competition']}_")


def test_a_rubric_prints_item_scores_the_pass_mark_and_no_prize_below_it(db):
    workshop = add_department(db, OFFICE, None, "安全环保部")
    members = make_members(db, 3, department_id=workshop)
    competition = make_competition(
        db,
        ankang_preset(),
        name="第五届“安康杯”知识竞赛",
        kind=CompetitionType.ANKANG,
        trade="",
        prize_bands=(PrizeBand(Prize.FIRST, 1), PrizeBand(Prize.SECOND, 2)),
    )
    entries = enter_members(db, competition, members)
    items = ankang_preset().items
    full = {item.key: item.max_points for item in items}
    save_scores(
        db,
        OFFICE,
        competition,
        {
            entries[0]: full,  # 100: passes, first prize
            entries[1]: full | {"hazards": Decimal("8.5")},  # 88.5: below the 90 pass mark
            entries[2]: full | {"hazards": Decimal(15)},  # 95: passes, second prize
        },
    )
    made = competition_return(db, competition)
    rows = {row.entry_id: row for row in sheet_of(db, competition).rows}
    assert [e["passed"] for e in made.data["entries"]] == ["达标", "达标", "未达标"]
    assert [e["prize"] for e in made.data["entries"]] == ["一等奖", "二等奖", ""]
    assert rows[entries[1]].prize is None and rows[entries[1]].passed is False
    assert made.data["counts"]["passed"] == 2
    text = pdf_text(made.pdf)
    assert "各项得分" in text and "隐患排查" in text
    assert re.search(r"3\s+李建国\s+安全环保部\s+88\.50\s+未达标", text)
    assert re.search(r"3\s+李建国\s+15\s+15\s+8\.5\s+15\s+15\s+10\s+10", text)
    assert "90分及以上为达标" in text
    certificate = made.data["certificates"][0]
    assert certificate["award"] == "在2026年第五届“安康杯”知识竞赛中荣获一等奖。"
    assert page_sizes(made.pdf).count(LANDSCAPE) == 2


def test_unscored_entries_are_listed_without_rank_and_without_certificates(db):
    members = make_members(db, 3)
    competition = make_competition(db)
    entries = enter_members(db, competition, members)
    save_scores(db, OFFICE, competition, {entries[0]: scores("80", "80")})
    save_scores(db, OFFICE, competition, {entries[1]: {"theory": Decimal(70)}})
    made = competition_return(db, competition)
    assert [(e["rank_text"], e["total_text"]) for e in made.data["entries"]] == [
        ("1", "80.00"),
        ("", ""),
        ("", ""),
    ]
    assert made.data["entries"][1]["score_texts"] == ["70", ""]
    assert made.data["counts"]["unscored"] == 2
    assert len(made.data["certificates"]) == 1


def test_no_prize_bands_means_no_certificate_pages(db):
    members = make_members(db, 2)
    competition = make_competition(db, prize_bands=())
    entries = enter_members(db, competition, members)
    save_scores(db, OFFICE, competition, {e: scores("80", "90") for e in entries})
    made = competition_return(db, competition)
    assert made.data["certificates"] == [] and made.data["counts"]["prize_winners"] == 0
    assert page_sizes(made.pdf) == [PORTRAIT]
    assert "未设奖项" in pdf_text(made.pdf)


def test_a_competition_without_entries_or_results_is_refused_clearly(db):
    competition = make_competition(db)
    with pytest.raises(ValidationFailed) as refused:
        competition_return(db, competition)
    assert (
        refused.value.problems[0].render().startswith("2026年数控车工技能竞赛 has no entries yet")
    )
    entries = enter_members(db, competition, make_members(db, 2))
    save_scores(db, OFFICE, competition, {entries[0]: {"theory": Decimal(60)}})
    with pytest.raises(ValidationFailed) as refused:
        competition_return(db, competition)
    message = refused.value.problems[0].render()
    assert message.startswith("No entry of 2026年数控车工技能竞赛 has all its scores yet")


def test_missing_unknown_or_deleted_competitions_are_refused(db):
    with pytest.raises(ValidationFailed) as refused:
        competition_return(db, None)
    assert refused.value.problems[0].field == "subject_id"
    with pytest.raises(NotFound):
        competition_return(db, 999)
    competition = make_competition(db)
    delete_competition(db, OFFICE, competition, "录入错误")
    with pytest.raises(NotFound):
        competition_return(db, competition)


def test_a_viewer_may_not_make_the_return(db, skills):
    with pytest.raises(PermissionDenied):
        competition_return(db, skills["competition"], actor=VIEWER)


def test_a_long_rubric_puts_its_item_scores_in_several_detail_tables(db):
    items = tuple(RubricItem(f"item{n}", f"考核项目{n}", Decimal(10)) for n in range(1, 10))
    competition = make_competition(
        db, ScoringScheme(SchemeKind.POINTS_RUBRIC, items=items), kind=CompetitionType.ANKANG
    )
    (entry,) = enter_members(db, competition, make_members(db, 1))
    save_scores(db, OFFICE, competition, {entry: {i.key: Decimal(n) for n, i in enumerate(items)}})
    text = pdf_text(competition_return(db, competition).pdf)
    assert "各项得分（第 1—7 项）" in text and "各项得分（第 8—9 项）" in text
    assert re.search(r"1\s+王建国\s+0\s+1\s+2\s+3\s+4\s+5\s+6\n", text)
    assert re.search(r"1\s+王建国\s+7\s+8\n", text)
