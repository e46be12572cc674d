"""上报回执清单 layout: the packages delivered to the higher-level union, with their receipts.

Filed on paper beside the returns, it proves what was handed over and when: the receipt number
is the one the destination gave, and the package id is the start of the SHA-256 of the package's
manifest, so each line can be matched with the files kept in the outbox.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from unionDesk.reports.layout import (
    Letterhead,
    Styles,
    frame_width,
    grid_table,
    para,
    spacer,
    title_block,
)

# (title, data key, width in mm) on a landscape page; the return's title takes what is left. A
# receipt number such as IN-20261121-100500-8a3ddb62 (about 48 mm at 9 pt), the time and the
# package id (12 hex digits) each fit on one line.
COLUMNS = (
    ("序号", "no", 11.0),
    ("报表", "title", 0.0),
    ("报告期", "period", 30.0),
    ("上报目的地", "destination", 42.0),
    ("回执编号", "receipt_id", 54.0),
    ("上报时间", "received_at", 32.0),
    ("包标识", "package_id", 27.0),
)
BLANK = "＿" * 8  # a line to sign or date on
NOTE = (
    "说明：回执编号由接收方给出；包标识为上报包清单文件（manifest）SHA-256 值的前 12 位，"
    "可与待上报文件夹中保存的上报包逐一核对。"
)


def render(letterhead: Letterhead, data: dict[str, Any]) -> list[Flowable]:
    """The receipt list's story, drawn only from ``data``.

    Args:
        letterhead: the page frame (title 上报回执清单, the range of upload dates as period).
        data: ``range_label``, ``count`` and ``items``, each item with the keys of ``COLUMNS``.
    """
    width = frame_width(letterhead)
    fixed = sum(points for _, _, points in COLUMNS) * mm
    table = grid_table(
        [title for title, _, _ in COLUMNS],
        [[item[key] for _, key, _ in COLUMNS] for item in data["items"]],
        [points * mm or width - fixed for _, _, points in COLUMNS],
        numeric=[0],
    )
    subtitle = f"上报时间：{data['range_label']}　共 {data['count']} 件"
    signature = para(
        "经办人：＿＿＿＿＿＿＿＿　　　　核对人：＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿＿＿"
    )
    return [
        *title_block(letterhead, subtitle),
        table,
        spacer(3),
        para(NOTE, Styles.small),
        KeepTogether([spacer(10), signature]),
    ]
