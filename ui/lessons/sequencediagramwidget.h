#pragma once

#include "ui/lessons/sequencedrawing.h"
#include "ui/lessons/sequencemodel.h"

#include <QWidget>

namespace socketlab {

// Paints the sequence diagram, made to fit the height it has (rows closer, then smaller down
// to kMinScale); taller than that it scrolls. Exports at full size: the PNG at twice the
// pixels, the SVG through QSvgGenerator, both the same QPainter drawing.
class SequenceDiagramWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SequenceDiagramWidget(QWidget *parent = nullptr);

    void setEvents(const SocketEvents &events);
    const SequenceModel &model() const { return m_model; }
    bool exportPng(const QString &path) const;
    bool exportSvg(const QString &path) const;
    QSize sizeHint() const override;

signals:
    void grew();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    static constexpr qreal kMinScale = 0.7;
    static constexpr int kPngScale = 2;

    void relayout();
    SequenceDrawing exportDrawing() const;

    SocketEvents m_events;
    SequenceModel m_model;
    SequenceDrawing m_drawing;
    qreal m_scale = 1.0;
};

} // namespace socketlab
