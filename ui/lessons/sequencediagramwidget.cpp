#include "ui/lessons/sequencediagramwidget.h"

#include <QEvent>
#include <QImage>
#include <QPainter>
#include <QSaveFile>

#include <cmath>

namespace socketlab {

SequenceDiagramWidget::SequenceDiagramWidget(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    relayout();
}

void SequenceDiagramWidget::setEvents(const SocketEvents &events)
{
    m_events = events;
    const int rows = m_model.rowCount();
    m_model.setEvents(m_events);
    relayout();
    if (m_model.rowCount() > rows)
        emit grew();
}

void SequenceDiagramWidget::relayout()
{
    // The height we may fill without scrolling: the scroll area's viewport when in one.
    const int available = qMax(100, parentWidget() ? parentWidget()->height() : height());
    const int width = qMax(this->width(), 300);
    const int rows = m_model.rowCount();
    // Fit the whole diagram: rows closer first, then the whole picture smaller; past the
    // smallest scale it scrolls, and the lesson window follows the newest row.
    int rowHeight = SequenceDrawing::kRowHeight;
    m_scale = 1.0;
    if (SequenceDrawing::heightFor(rows, rowHeight) > available) {
        const qreal fixed = SequenceDrawing::heightFor(0, 0);
        rowHeight = int((available - fixed) / (qMax(1, rows) + 0.7));
        if (rowHeight < SequenceDrawing::kMinRowHeight) {
            rowHeight = SequenceDrawing::kMinRowHeight;
            m_scale = qMax(kMinScale, qreal(available) / SequenceDrawing::heightFor(rows, rowHeight));
        }
    }
    m_drawing.layout(m_model, int(width / m_scale), rowHeight);
    setMinimumHeight(int(std::ceil(m_drawing.size().height() * m_scale)));
    const int lanes = int(qMax<qsizetype>(1, m_model.lanes().size()));
    setMinimumWidth(2 * SequenceDrawing::kMargin + lanes * SequenceDrawing::kMinLaneWidth);
    update();
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
        painter.fillRect(QRectF(0, 0, width() / m_scale, SequenceDrawing::kHeaderHeight + SequenceDrawing::kMargin),
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
        m_model.setEvents(m_events);
        relayout();
    }
    QWidget::changeEvent(event);
}

SequenceDrawing SequenceDiagramWidget::exportDrawing() const
{
    // Full-size rows at the width shown, whatever the pane squeezed.
    SequenceDrawing drawing;
    drawing.layout(m_model, qMax(int(width() / m_scale), 300));
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
