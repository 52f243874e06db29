#pragma once

#include "ui/lessons/sequencemodel.h"

#include <QColor>
#include <QCoreApplication>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QVector>

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
        QVector<QPointF> points;  // Line: 2, Polygon: 3+, Dot: 1, Text: the anchor
        QRectF rect;
        QColor colour;
        QColor fill;
        qreal width = 1.5;
        bool dashed = false;
        QString text;
        int pixelSize = 14;
        bool bold = false;
        Qt::Alignment align = Qt::AlignLeft;  // of the text about its anchor
        bool header = false;  // the lane boxes, repainted at the top while scrolled
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
    void layout(const SequenceModel &model, int width, int rowHeight = kRowHeight);
    // The height a layout with this many rows and this row height takes.
    static int heightFor(int rows, int rowHeight);
    QSize size() const { return m_size; }
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
    void addArrow(QPointF from, QPointF to, const QColor &colour, bool dashed);
    void addText(QPointF anchor, const QString &text, const QColor &colour, Qt::Alignment align,
                 int pixelSize = 14, bool bold = false);

    QVector<Shape> m_shapes;
    QSize m_size;
    int m_lanes = 0;
    qreal m_laneWidth = kMinLaneWidth;
    int m_rowHeight = kRowHeight;
};

} // namespace socketlab
