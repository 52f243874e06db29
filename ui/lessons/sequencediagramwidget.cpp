#include "ui/lessons/sequencediagramwidget.h"

#include <QEvent>
#include <QImage>
#include <QPainter>
#include <QSaveFile>

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
    m_drawing.layout(m_model, qMax(width(), 300));
    setMinimumHeight(m_drawing.size().height());
    const int lanes = int(qMax<qsizetype>(1, m_model.lanes().size()));
    setMinimumWidth(2 * SequenceDrawing::kMargin + lanes * SequenceDrawing::kMinLaneWidth);
    update();
}

QSize SequenceDiagramWidget::sizeHint() const
{
    return m_drawing.size();
}

void SequenceDiagramWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    m_drawing.paint(painter);
    // Scrolled down: the lane titles stay in view.
    const int top = visibleRegion().boundingRect().top();
    if (top > 0) {
        painter.translate(0, top);
        painter.fillRect(QRect(0, 0, width(), SequenceDrawing::kHeaderHeight + SequenceDrawing::kMargin),
                         Qt::white);
        m_drawing.paint(painter, true);
    }
}

void SequenceDiagramWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_drawing.layout(m_model, qMax(width(), 300));
    setMinimumHeight(m_drawing.size().height());
}

void SequenceDiagramWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_model.setEvents(m_events);
        relayout();
    }
    QWidget::changeEvent(event);
}

bool SequenceDiagramWidget::exportPng(const QString &path) const
{
    QImage image(m_drawing.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font());
    m_drawing.paint(painter);
    painter.end();
    return image.save(path, "PNG");
}

bool SequenceDiagramWidget::exportSvg(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(m_drawing.toSvg().toUtf8());
    return file.commit();
}

} // namespace socketlab
