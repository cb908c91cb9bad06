"""The printable PDF report, drawn with Qt's own PDF writer from report data.

Text is inserted through QTextCursor, never parsed as HTML, so checklist
strings appear exactly as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from privacy_checkup.core.report_data import ChecklistRecord, ReportData
from privacy_checkup.core.schedule import DueState
from privacy_checkup.ui import status_words

PERSONA_LABELS = {"everyone": "Everyone", "high_profile": "High-profile person", "office_staff": "Office staff",
                  "manager": "Runs a high-profile person's accounts"}
ACCENT = QColor("#234a9c")
WARNING = QColor("#b3261e")
MUTED = QColor("#5f6368")
RESOLUTION = 300
MARGIN_MM = 18.0


def _char(size: float = 10, bold: bool = False, colour: QColor | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    fmt.setFont(font)
    if colour is not None:
        fmt.setForeground(QBrush(colour))
    return fmt


class _Writer:
    def __init__(self, document: QTextDocument) -> None:
        self.cursor = QTextCursor(document)

    def paragraph(self, text: str, fmt: QTextCharFormat, space_before: float = 0, space_after: float = 4) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(space_before)
        block.setBottomMargin(space_after)
        self.cursor.insertBlock(block, fmt)
        self.cursor.insertText(text, fmt)

    def table(self, header: list[str], rows: list[list[tuple[str, QTextCharFormat]]], widths: Sequence[float]) -> None:
        table_format = QTextTableFormat()
        table_format.setBorder(0.5)
        table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        table_format.setBorderBrush(QBrush(QColor("#c4c7c5")))
        table_format.setCellPadding(4)
        table_format.setCellSpacing(0)
        table_format.setHeaderRowCount(1)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, w) for w in widths])
        table = self.cursor.insertTable(len(rows) + 1, len(header), table_format)
        head_fmt = _char(9, bold=True, colour=QColor("#ffffff"))
        for column, title in enumerate(header):
            cell = table.cellAt(0, column)
            cell_format = cell.format()
            cell_format.setBackground(QBrush(ACCENT))
            cell.setFormat(cell_format)
            cell.firstCursorPosition().insertText(title, head_fmt)
        for row_index, row in enumerate(rows, start=1):
            for column, (text, fmt) in enumerate(row):
                table.cellAt(row_index, column).firstCursorPosition().insertText(text, fmt)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)


def _date(value: object) -> str:
    return "—" if value is None else str(value)


def _status_format(state: DueState) -> QTextCharFormat:
    if state is DueState.OVERDUE:
        return _char(9, bold=True, colour=WARNING)
    if state in (DueState.DUE_SOON, DueState.INCOMPLETE):
        return _char(9, bold=True, colour=QColor("#8a5300"))
    return _char(9)


def build_document(report: ReportData) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    write = _Writer(document)
    write.cursor.insertText("Privacy Checkup report", _char(20, bold=True, colour=ACCENT))
    generated = report.generated_at.strftime("%d %B %Y, %H:%M %Z").strip()
    write.paragraph(f"Generated {generated} · Privacy Checkup {report.app_version} · "
                    f"Profile: {PERSONA_LABELS[report.persona.value]}", _char(9, colour=MUTED))
    if report.includes_notes:
        write.paragraph("This report includes your private notes, because you chose to include them.",
                        _char(9, bold=True, colour=WARNING))

    write.paragraph("Your platforms", _char(14, bold=True), space_before=18, space_after=6)
    body = _char(9)
    write.table(
        ["Platform", "Status", "Last reviewed", "Next due", "Answers", "Version"],
        [[(c.title, _char(9, bold=True)), (status_words.state_text(c.status), _status_format(c.status.state)),
          (_date(c.status.last_reviewed), body), (_date(c.status.next_due), body),
          (_progress(c), body), (f"v{c.version}", body)]
         for c in report.checklists],
        [22, 14, 14, 14, 26, 10])

    for checklist in report.checklists:
        _checklist_section(write, checklist, report.includes_notes)
    return document


def _progress(checklist: ChecklistRecord) -> str:
    """"12 done · 2 not applicable · 5 skipped · 6 to do": skipped settings are not presented as done."""
    return status_words.counts_text(checklist.status.counts)


def _checklist_section(write: _Writer, checklist: ChecklistRecord, with_notes: bool) -> None:
    write.paragraph(checklist.title, _char(14, bold=True, colour=ACCENT), space_before=16)
    status = checklist.status
    write.paragraph(
        f"{status_words.state_text(status)} · last reviewed {_date(status.last_reviewed)} · "
        f"{status_words.due_label(status).lower()} {_date(status.next_due)} · checklist version {checklist.version}, "
        f"content last verified {checklist.last_verified}", _char(9, colour=MUTED))
    if status.open_high_risk:
        titles = {item.item_id: item.title for item in checklist.items}
        write.paragraph("High-risk settings still open: " + "; ".join(titles[i] for i in status.open_high_risk),
                        _char(9, bold=True, colour=WARNING))
    if status.stale:
        write.paragraph("This checklist may be out of date: its content has not been verified for over a year.",
                        _char(9, bold=True, colour=WARNING))
    body = _char(9)
    rows = []
    for item in checklist.items:
        flags = []
        if item.changed:
            flags.append("Changed since your last review")
        if item.stale:
            flags.append("May be out of date")
        answered = "—" if item.answered_at is None or item.changed else item.answered_at.date().isoformat()
        state_fmt = _char(9, bold=True) if item.state == "done" else body
        row = [(item.title, body), (status_words.answer_text(item.state), state_fmt), (answered, body),
               ("; ".join(flags) or "", _char(8, colour=WARNING))]
        if with_notes:
            row.append((item.note or "", _char(8, colour=MUTED)))
        rows.append(row)
    header = ["Item", "Answer", "Answered", "Flags"] + (["Note"] if with_notes else [])
    widths = [44, 19, 13, 24] if not with_notes else [34, 17, 12, 15, 22]
    write.table(header, rows, widths)


def render_pdf(report: ReportData) -> bytes:
    """The report as PDF bytes: A4, headed pages, 'Page N of M' and the generation date on every page."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle("Privacy Checkup report")
    writer.setCreator(f"Privacy Checkup {report.app_version}")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    document = build_document(report)
    painter = QPainter(writer)
    try:
        page_rect = writer.pageLayout().paintRectPixels(RESOLUTION)
        footer_height = RESOLUTION * 0.35
        body = QRectF(0, 0, page_rect.width(), page_rect.height() - footer_height)
        # Lay the document out at print resolution so fonts keep their point sizes.
        document.documentLayout().setPaintDevice(writer)
        document.setPageSize(QSizeF(body.width(), body.height()))
        pages = document.pageCount()
        footer_font = QFont("DejaVu Sans", 8)
        generated = report.generated_at.date().isoformat()
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            document.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(MUTED)
            footer = QRectF(0, body.height(), body.width(), footer_height)
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                             f"Privacy Checkup report · generated {generated}")
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             f"Page {page + 1} of {pages}")
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())


def render_pdf_headless(report: ReportData) -> bytes:
    """Render from the command line: a GUI application on the offscreen platform unless one exists."""
    import os

    from PySide6.QtGui import QGuiApplication

    global _HEADLESS_APP
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Kept for the life of the process, so Qt text objects never outlive their application.
        _HEADLESS_APP = QGuiApplication(["privacy-checkup"])
    return render_pdf(report)


_HEADLESS_APP: object | None = None
