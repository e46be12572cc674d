"""PAdES signatures on returns: the union's signature, and the committee chair's countersignature.

Every signature is an incremental update; a signed PDF is never re-saved (that would break the
signatures before it). The visible box sits at the bottom right of the last page, above the
footer band (the bottom 15 mm), and reads "数字签名", the signer and the local time.

For 评审结果汇总表 the union certifies the document (DocMDP: form filling allowed) and adds, in
the same revision, an empty field ``ChairSignature`` beside its box; the chair later fills it
with ``countersign_pdf`` as another incremental update. Both signatures then validate.

The identity functions (``load_signer``, ``read_identity`` …) live in ``services.identity`` and
``services.certificates``; they are re-exported here for the returns service.
"""

from __future__ import annotations

import io
import logging
import textwrap
import threading
from dataclasses import dataclass, field
from typing import Any

from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign.fields import (
    MDPPerm,
    SigFieldSpec,
    SigSeedSubFilter,
    append_signature_field,
    enumerate_sig_fields,
)
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner
from pyhanko.stamp import TextStampStyle

from unionDesk.domain.messages import QT_TRANSLATE_NOOP, Problem, ValidationFailed, problem
from unionDesk.reports.fonts import MissingGlyphs
from unionDesk.reports.stamp_font import stamp_font
from unionDesk.services.certificates import (
    IdentityInfo,
    SigningKey,
    create_personal_p12,
    load_signer_from_p12,
)
from unionDesk.services.identity import (
    create_identity,
    export_certificate,
    import_identity,
    load_signer,
    read_identity,
)

__all__ = [
    "CHAIR_FIELD",
    "SIGNATURE_BAND_TOP",
    "UNION_FIELD",
    "IdentityInfo",
    "SigningKey",
    "countersign_pdf",
    "create_identity",
    "create_personal_p12",
    "export_certificate",
    "import_identity",
    "load_signer",
    "load_signer_from_p12",
    "read_identity",
    "sign_pdf",
]

UNION_FIELD = "UnionSignature"
CHAIR_FIELD = "ChairSignature"
CHAIR_FIELD_TOOLTIP = "评审委员会主任签名"
MM = 72 / 25.4
BOX_WIDTH, BOX_HEIGHT = round(60 * MM), round(18 * MM)
BOX_GAP = round(4 * MM)
RIGHT_MARGIN = round(15 * MM)
BOX_BOTTOM = round(20 * MM)  # clear of the footer line (page number) at 15-18 mm
# Height (points, from the page's bottom edge) that the last page of a return keeps free on its
# right-hand side for the boxes (60 mm each, the chair's to the left of the union's).
SIGNATURE_BAND_TOP = BOX_BOTTOM + BOX_HEIGHT
STAMP_TITLE, STAMP_SIGNER, STAMP_TIME = "数字签名", "签名人：", "时间：%(ts)s"
STAMP_TIME_FORMAT = "%Y-%m-%d %H:%M"
STAMP_FONT_SIZE = 9
STAMP_LINE = 16  # characters per line in the box; a long name continues under itself
STAMP_LEADING = 12
CMS_RESERVE = 16_384  # bytes kept for the signature: a key, its certificate and a short chain
_STAMP_RED = (0.75, 0.1, 0.1)

log = logging.getLogger(__name__)
_subset_lock = threading.Lock()


def sign_pdf(
    pdf: bytes, signer: SigningKey, *, signer_label: str, for_countersignature: bool = False
) -> bytes:
    """Sign ``pdf`` (PAdES B-B, SHA-256) with a visible box on its last page.

    Args:
        pdf: the unsigned return.
        signer: from ``load_signer``.
        signer_label: the name shown in the box (the union's name).
        for_countersignature: certify instead (changes allowed: filling forms and signing)
            and add the empty field ``ChairSignature`` for the committee chair.

    Raises:
        ValidationFailed: ``pdf`` is not a readable PDF, is already signed by the union, or
            the label has characters the stamp font lacks.
    """
    writer = _open(pdf)
    if any(name == UNION_FIELD for name, _value, _ref in enumerate_sig_fields(writer)):
        raise ValidationFailed([_problem_already_signed()])
    union_box, chair_box = _boxes(writer)
    if for_countersignature:
        chair = SigFieldSpec(
            CHAIR_FIELD,
            on_page=-1,
            box=chair_box,
            empty_field_appearance=True,
            readable_field_name=CHAIR_FIELD_TOOLTIP,
        )
        append_signature_field(writer, chair)
    meta = PdfSignatureMetadata(
        field_name=UNION_FIELD,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        certify=for_countersignature,
        docmdp_permissions=MDPPerm.FILL_FORMS,
    )
    union_field = SigFieldSpec(UNION_FIELD, on_page=-1, box=union_box)
    return _sign(
        writer,
        PdfSigner(
            meta, signer.signer, stamp_style=_style(signer_label), new_field_spec=union_field
        ),
    )


def countersign_pdf(pdf: bytes, signer: SigningKey, *, signer_label: str) -> bytes:
    """Sign the empty ``ChairSignature`` field of a certified return (incremental update).

    Raises:
        ValidationFailed: not a readable PDF, no chair's field, or it is signed already.
    """
    writer = _open(pdf)
    fields = {name: value for name, value, _ref in enumerate_sig_fields(writer)}
    if CHAIR_FIELD not in fields:
        raise ValidationFailed([_problem_no_chair_field()])
    if fields[CHAIR_FIELD] is not None:
        raise ValidationFailed([_problem_countersigned()])
    meta = PdfSignatureMetadata(
        field_name=CHAIR_FIELD, md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES
    )
    return _sign(
        writer,
        PdfSigner(meta, signer.signer, stamp_style=_style(signer_label)),
        existing_fields_only=True,
    )


def _open(pdf: bytes) -> IncrementalPdfFileWriter:
    try:
        return IncrementalPdfFileWriter(io.BytesIO(pdf))
    except (PdfError, ValueError, KeyError, TypeError) as error:
        log.info("not a readable PDF: %s", error)
        raise ValidationFailed([_problem_unreadable()]) from None


def _sign(
    writer: IncrementalPdfFileWriter,
    pdf_signer: PdfSigner,
    *,
    existing_fields_only: bool = False,
) -> bytes:
    try:
        output = pdf_signer.sign_pdf(
            writer,
            existing_fields_only=existing_fields_only,
            bytes_reserved=CMS_RESERVE,
        )
    except (SigningError, PdfError) as error:
        log.warning("signing failed: %s", error)
        raise ValidationFailed([_problem_unsignable()]) from error
    return bytes(output.getvalue())


def _boxes(
    writer: IncrementalPdfFileWriter,
) -> tuple[tuple[int, int, int, int], tuple[int, int, int, int]]:
    """The union's box at the bottom right of the last page, and the chair's to its left."""
    _left, bottom, right, _top = (float(v) for v in _media_box(writer))
    x1 = round(right) - RIGHT_MARGIN
    y0, y1 = round(bottom) + BOX_BOTTOM, round(bottom) + SIGNATURE_BAND_TOP
    union = (x1 - BOX_WIDTH, y0, x1, y1)
    chair_right = union[0] - BOX_GAP
    return union, (chair_right - BOX_WIDTH, y0, chair_right, y1)


def _media_box(writer: IncrementalPdfFileWriter) -> Any:
    """The last page's /MediaBox, which a page may inherit from its ancestors."""
    page_ref, _resources = writer.find_page_for_modification(-1)  # type: ignore[no-untyped-call]
    node = page_ref.get_object()
    while "/MediaBox" not in node:
        node = node["/Parent"].get_object()
    return node["/MediaBox"]


# --- the visible box -------------------------------------------------------------------------


def _style(label: str) -> TextStampStyle:
    """数字签名, the signer (wrapped) and the signing time; pyHanko fills in ``%(ts)s``."""
    signer = textwrap.wrap(
        STAMP_SIGNER + label.replace("%", "%%"),
        STAMP_LINE,
        subsequent_indent="\u3000" * len(STAMP_SIGNER),
    )
    template = "\n".join([STAMP_TITLE, *signer, STAMP_TIME])
    characters = "".join(sorted(set(template % {"ts": "0123456789-: "}) - {"\n"}))
    font = _StampFont(_font_subset(characters))  # checked here, before pyHanko starts
    return TextStampStyle(
        stamp_text=template,
        timestamp_format=STAMP_TIME_FORMAT,
        text_box_style=TextBoxStyle(font=font, font_size=STAMP_FONT_SIZE, leading=STAMP_LEADING),
        border_width=1,
        border_color=_STAMP_RED,
    )


@dataclass(frozen=True)
class _StampFont(FontEngineFactory):
    """pyHanko's OpenType engine over ``font``, a small subset of the main font.

    pyHanko subsets its font while keeping every glyph id; over the 49,531 glyphs of the main
    font that took 0.5 s per signature. Handing it a subset of the few characters needed
    (cached per text) keeps signing well under 0.3 s.
    """

    font: bytes = field(repr=False)

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer,
            font_handle=io.BytesIO(self.font),
            font_size=STAMP_FONT_SIZE,
            obj_stream=obj_stream,
        )


def _font_subset(characters: str) -> bytes:
    """The stamp's font cut to ``characters`` (rare ones from the fallback font).

    Raises:
        ValidationFailed: a character no shipped font has.
    """
    try:
        return stamp_font(characters)
    except MissingGlyphs as error:
        raise ValidationFailed([_problem_missing_glyphs(error.characters)]) from error


# --- messages --------------------------------------------------------------------------------


def _problem_unreadable() -> Problem:
    message = QT_TRANSLATE_NOOP(
        "Validation", "The file is not a readable PDF document, so it cannot be signed."
    )
    return problem("file", message)


def _problem_unsignable() -> Problem:
    message = QT_TRANSLATE_NOOP(
        "Validation",
        "This PDF cannot be signed (it may be encrypted or locked by an earlier "
        "certification). Generate the return again and sign the new file.",
    )
    return problem("file", message)


def _problem_already_signed() -> Problem:
    message = QT_TRANSLATE_NOOP(
        "Validation", "This PDF already carries the union's signature. Sign a new copy instead."
    )
    return problem("file", message)


def _problem_no_chair_field() -> Problem:
    message = QT_TRANSLATE_NOOP(
        "Validation",
        "This PDF has no field for the committee chair's signature. Only a review results "
        "return signed by the union for countersigning has one.",
    )
    return problem("file", message)


def _problem_countersigned() -> Problem:
    message = QT_TRANSLATE_NOOP(
        "Validation", "The committee chair has already countersigned this PDF."
    )
    return problem("file", message)


def _problem_missing_glyphs(characters: str) -> Problem:
    message = QT_TRANSLATE_NOOP(
        "Validation",
        "The signature box cannot show the characters {characters} of the signer's name: no "
        "font shipped with UnionDesk has them. Check the name in the certificate.",
    )
    return problem("", message, characters=characters)
