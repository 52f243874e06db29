#pragma once

#include "lessons/sequencemodel.h"

#include <QColor>
#include <QCoreApplication>
#include <QPair>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QVector>

#include <cmath>

class QPainter;

namespace socketlab {

// The diagram laid out once as simple shapes and painted with QPainter, so the screen, the
// PNG and the SVG (QSvgGenerator) are the same picture.
class SequenceDrawing
{
public:
    struct Shape
    {
        enum class Type { Line, Rect, Text, Polygon, Dot };
        Type type = Type::Line;
        QVector<QPointF> points; // Line: 2, Polygon: 3+, Dot: 1, Text: the anchor
        QRectF rect;
        QColor colour;
        QColor fill;
        qreal width = 1.5;
        bool dashed = false;
        QString text;
        int pixelSize = 14;
        bool bold = false;
        Qt::Alignment align = Qt::AlignLeft; // of the text about its anchor
        bool header = false; // the lane boxes, repainted at the top while scrolled
    };

    static constexpr int kHeaderHeight = 58;
    static constexpr int kRowHeight = 30;
    // Rows closer than this would put one row's label on the arrow of the row above.
    static constexpr int kMinRowHeight = 22;
    static constexpr int kMargin = 12;
    // Between the lane boxes and the first row's label.
    static constexpr int kFirstRowGap = 10;
    static constexpr int kMinLaneWidth = 80;
    // How far beside its sender an arrow that arrives rows later drops to its arrival row.
    static constexpr int kDropWidth = 20;

    // Lays the model out for this width (the height follows from the rows and rowHeight).
    // textScale grows the texts and, with them, the rows, boxes and lanes (the window's zoom
    // and presentation mode): 1 draws labels at 14 px.
    void layout(const SequenceModel &model, int width, int rowHeight = kRowHeight,
                qreal textScale = 1.0);
    // The height a layout with this many rows and this row height takes.
    static int heightFor(int rows, int rowHeight, qreal textScale = 1.0);
    // The narrowest lane at this text size.
    static int minLaneWidth(qreal textScale) { return int(kMinLaneWidth * textScale); }
    // The x range of the lanes the items of rows from firstRow on join (empty: none).
    QPair<qreal, qreal> lanesSpan(const SequenceModel &model, int firstRow) const;
    QSize size() const { return m_size; }
    // How many labels the layout had to shorten to keep them between their lifelines.
    int elidedLabels() const { return m_elided; }
    const QVector<Shape> &shapes() const { return m_shapes; }
    qreal laneX(int lane) const;
    qreal rowY(int row) const;

    void paint(QPainter &painter, bool headerOnly = false) const;
    // The drawing as an SVG document (QSvgGenerator); texts are XML-escaped text nodes.
    QByteArray toSvg(const QString &title) const;

    static QColor laneColour(int colour);

private:
    enum class Pass { Boxes, Lines, Backings, Texts };
    static bool inPass(const Shape &shape, Pass pass);
    static void paintShape(QPainter &painter, const Shape &shape, bool backingOnly);
    void addLine(QPointF a, QPointF b, const QColor &colour, qreal width, bool dashed);
    void addArrow(QPointF from, QPointF to, const QColor &colour, bool dashed, qreal width = 2.0);
    // maxWidth > 0: elided to that width (a label never runs over a lifeline or off the canvas).
    void addText(QPointF anchor, const QString &text, const QColor &colour, Qt::Alignment align,
                 int pixelSize = 14, bool bold = false, qreal maxWidth = 0);
    int px(int size) const { return qMax(1, int(std::lround(size * m_textScale))); }

    QVector<Shape> m_shapes;
    QSize m_size;
    int m_lanes = 0;
    qreal m_laneWidth = kMinLaneWidth;
    int m_rowHeight = kRowHeight;
    qreal m_textScale = 1.0;
    int m_elided = 0;
};

} // namespace socketlab
