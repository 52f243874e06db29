#include "ui/lessons/sequencediagramwidget.h"

#include <QEvent>
#include <QFontInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>

#include <cmath>

namespace socketlab {

SequenceDiagramWidget::SequenceDiagramWidget(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    relayout();
}

void SequenceDiagramWidget::setEvents(const SocketEvents &events)
{
    const int rows = m_model.rowCount();
    m_model.setEvents(events);
    relayout();
    if (m_model.rowCount() > rows)
        emit grew();
}

void SequenceDiagramWidget::appendEvents(const SocketEvents &batch)
{
    const int rows = m_model.rowCount();
    m_model.appendEvents(batch);
    relayout();
    if (m_model.rowCount() > rows)
        emit grew();
}

qreal SequenceDiagramWidget::textScale() const
{
    // The labels follow the window's text (zoom, presentation): 14 px at a 13 px font.
    return qMax<qreal>(1.0, QFontInfo(font()).pixelSize() / kBaseFontPixels);
}

void SequenceDiagramWidget::relayout()
{
    // The height we may fill without scrolling: the scroll area's viewport when in one.
    const int available = qMax(100, parentWidget() ? parentWidget()->height() : height());
    const int width = qMax(this->width(), 300);
    const int rows = m_model.rowCount();
    const qreal text = textScale();
    // Fit the whole diagram: rows closer first, then the whole picture a little smaller (text
    // never below 12 px); past that it scrolls, and the lesson window follows the newest row.
    int rowHeight = int(SequenceDrawing::kRowHeight * text);
    m_scale = 1.0;
    if (SequenceDrawing::heightFor(rows, rowHeight, text) > available) {
        const qreal fixed = SequenceDrawing::heightFor(0, 0, text);
        rowHeight = int((available - fixed) / (qMax(1, rows) + 0.7));
        const int minRow = int(SequenceDrawing::kMinRowHeight * text);
        if (rowHeight < minRow) {
            rowHeight = minRow;
            m_scale = qMax(kMinScale,
                           qreal(available) / SequenceDrawing::heightFor(rows, rowHeight, text));
        }
    }
    m_drawing.layout(m_model, int(width / m_scale), rowHeight, text);
    setMinimumHeight(int(std::ceil(m_drawing.size().height() * m_scale)));
    const int lanes = int(qMax<qsizetype>(1, m_model.lanes().size()));
    setMinimumWidth(int(std::ceil(
        (2 * SequenceDrawing::kMargin + lanes * SequenceDrawing::minLaneWidth(text)) * m_scale)));
    update();
}

int SequenceDiagramWidget::labelPixelSize() const
{
    return int(std::floor(14 * textScale() * m_scale));
}

QPair<int, int> SequenceDiagramWidget::lanesSpan(int firstRow) const
{
    const QPair<qreal, qreal> span = m_drawing.lanesSpan(m_model, firstRow);
    return {int(span.first * m_scale), int(std::ceil(span.second * m_scale))};
}

void SequenceDiagramWidget::setPendingConnects(const QList<quint64> &clients)
{
    if (clients == m_model.pendingConnects())
        return;
    m_model.setPendingConnects(clients);
    m_model.redrawPending();
    relayout();
}

QSize SequenceDiagramWidget::sizeHint() const
{
    return m_drawing.size() * m_scale;
}

void SequenceDiagramWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    painter.scale(m_scale, m_scale);
    m_drawing.paint(painter);
    // Scrolled down: the lane titles stay in view.
    const int top = visibleRegion().boundingRect().top();
    if (top > 0) {
        painter.resetTransform();
        painter.translate(0, top);
        painter.scale(m_scale, m_scale);
        painter.fillRect(
            QRectF(0, 0, width() / m_scale,
                   (SequenceDrawing::kHeaderHeight + SequenceDrawing::kMargin) * textScale()),
            Qt::white);
        m_drawing.paint(painter, true);
    }
}

void SequenceDiagramWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void SequenceDiagramWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_model.rebuild();
        relayout();
    } else if (event->type() == QEvent::FontChange) {
        relayout();
    }
    QWidget::changeEvent(event);
}

SequenceDrawing SequenceDiagramWidget::exportDrawing() const
{
    // Full-size rows at the width shown, whatever the pane squeezed.
    // and wide enough for every label whole (a slide has the room the pane had not).
    SequenceDrawing drawing;
    const int rowHeight = int(SequenceDrawing::kRowHeight * textScale());
    int shown = qMax(int(width() / m_scale), 300);
    for (int tries = 0; tries < 4; ++tries, shown = shown * 3 / 2) {
        drawing.layout(m_model, shown, rowHeight, textScale());
        if (drawing.elidedLabels() == 0)
            break;
    }
    return drawing;
}

bool SequenceDiagramWidget::exportPng(const QString &path) const
{
    // Twice the pixels, for slides and print.
    const SequenceDrawing drawing = exportDrawing();
    QImage image(drawing.size() * kPngScale, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font());
    painter.scale(kPngScale, kPngScale);
    drawing.paint(painter);
    painter.end();
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && image.save(&file, "PNG") && file.commit();
}

bool SequenceDiagramWidget::exportSvg(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(exportDrawing().toSvg(tr("Sequence diagram")));
    return file.commit();
}

} // namespace socketlab
