#pragma once

#include "lessons/sequencemodel.h"
#include "ui/lessons/sequencedrawing.h"

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
    // A batch that came after the events so far: only the rows it changes are made again.
    void appendEvents(const SocketEvents &batch);
    const SequenceModel &model() const { return m_model; }
    bool exportPng(const QString &path) const;
    bool exportSvg(const QString &path) const;
    QSize sizeHint() const override;
    // Clients whose connect() has not returned: drawn as an open arrow.
    void setPendingConnects(const QList<quint64> &clients);
    // The labels' size on screen, in pixels.
    int labelPixelSize() const;
    // The x range (widget pixels) of the lanes the rows from firstRow on use.
    QPair<int, int> lanesSpan(int firstRow) const;

signals:
    void grew();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // 14 px labels shrunk no further than 12 px.
    static constexpr qreal kMinScale = 12.0 / 14.0;
    // The usual window text size, at which labels are 14 px.
    static constexpr qreal kBaseFontPixels = 13.0;
    static constexpr int kPngScale = 2;

    void relayout();
    qreal textScale() const;
    SequenceDrawing exportDrawing() const;

    SequenceModel m_model;
    SequenceDrawing m_drawing;
    qreal m_scale = 1.0;
};

} // namespace socketlab
