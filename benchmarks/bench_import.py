"""Member import benchmark (DESIGN.md 10): importing a roster vs merely reading it, in one run.

    python benchmarks/bench_import.py [--rows 10000] [--runs 5]

Writes a roster xlsx (a title row, the header, ``--rows`` valid members with composed ID numbers
that belong to nobody), then alternates, ``--runs`` times each:
- read: ``services.import_files.read_table`` on the file (the same reader the import uses);
- import: ``plan_import`` (read, header, every row validated, duplicates and departments
  matched) then ``commit_import`` (one transaction, one audit entry per member) into a fresh
  database.
Reports the medians and their ratio (goal: import <= 2x read).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HEADER = (
    "序号",
    "姓名",
    "性别",
    "民族",
    "身份证号码",
    "手机号码",
    "政治面貌",
    "学历",
    "技能等级",
    "工种",
    "所在部门",
    "参加工作时间",
    "入会时间",
    "会员证号",
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
WORKSHOPS = ("一车间", "二车间", "装配车间", "质检科", "后勤保障部")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="uniondesk-bench-import-"))
    roster = write_roster(folder / "roster.xlsx", options.rows)
    reads: list[float] = []
    imports: list[float] = []
    for run in range(options.runs):
        reads.append(time_read(roster))
        imports.append(time_import(roster, folder / f"data{run}", options.rows))
        print(f"run {run + 1}: read {reads[-1]:.2f} s, import {imports[-1]:.2f} s")
    read, imported = statistics.median(reads), statistics.median(imports)
    print(f"rows: {options.rows}, runs: {options.runs}")
    print(f"read_table median: {read:.2f} s")
    print(f"plan+commit median: {imported:.2f} s")
    print(f"ratio: {imported / read:.2f}x (goal <= 2x)")


def write_roster(path: Path, rows: int) -> Path:
    import openpyxl

    from unionDesk.domain.ids import compose_resident_id

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["基准测试机械厂工会会员花名册"])
    sheet.append(list(HEADER))
    for index in range(rows):
        born = date(1965, 1, 1) + timedelta(days=index % 9000)
        sequence = index // 9000 * 2 + index % 2  # distinct (birth, sequence) for each row
        sheet.append(
            [
                index + 1,
                SURNAMES[index % 20] + GIVEN[index // 20 % 20] + GIVEN[index % 7],
                "男" if sequence % 2 else "女",
                "汉族",
                compose_resident_id("110105", born, sequence),
                f"138{index:08d}",
                "群众",
                "大学本科",
                "高级工",
                "钳工",
                WORKSHOPS[index % len(WORKSHOPS)],
                "2010-07-01",
                date(2012, 3, 5) + timedelta(days=index % 300),
                f"GH-{index:06d}",
            ]
        )
    book.save(path)
    return path


def time_read(roster: Path) -> float:
    from unionDesk.services.import_files import read_table

    started = time.perf_counter()
    read_table(roster)
    return time.perf_counter() - started


def time_import(roster: Path, data_dir: Path, rows: int) -> float:
    from unionDesk.domain.access import CLI_ACTOR
    from unionDesk.domain.uscc import compose_uscc
    from unionDesk.paths import resolve_paths
    from unionDesk.services.database import create_database
    from unionDesk.services.member_import import commit_import, plan_import

    db = create_database(resolve_paths(data_dir), "基准测试工会", compose_uscc("91110105MA01BENC1"))
    try:
        started = time.perf_counter()
        plan = plan_import(db, CLI_ACTOR, roster, today=date(2026, 11, 21))
        result = commit_import(db, CLI_ACTOR, plan, create_departments=True)
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    if result.created != rows or plan.errors:
        raise SystemExit(f"expected {rows} members, got {result} ({plan.errors} errors)")
    return elapsed


if __name__ == "__main__":
    main()
