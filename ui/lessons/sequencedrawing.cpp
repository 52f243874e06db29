#include "ui/lessons/sequencedrawing.h"

#include "core/endpoint.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QSvgGenerator>

#include <cmath>

namespace socketlab {

namespace {
const QColor kInk(0x20, 0x20, 0x20);
const QColor kError(0xc0, 0x10, 0x10);
const QColor kLifeline(0x90, 0x90, 0x90);
// Packets: grey, so the calls stay the stronger lines; dark enough to read on a projector.
const QColor kPacket(0x6a, 0x6a, 0x6a);

// Labels hold peer text, and XML 1.0 forbids some characters a payload may hold (U+FFFF, a
// lone surrogate): an SVG viewer would reject the whole file, so they become U+FFFD.
QString xmlSafe(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            clean += c;
            clean += text.at(++i);
            continue;
        }
        const char16_t u = c.unicode();
        const bool allowed = u == 0x9 || u == 0xA || u == 0xD || (u >= 0x20 && u <= 0xD7FF)
            || (u >= 0xE000 && u <= 0xFFFD);
        clean += allowed ? c : QChar(QChar::ReplacementCharacter);
    }
    return clean;
}
} // namespace
QColor SequenceDrawing::laneColour(int colour)
{
    static const QColor palette[]
        = {QColor(0x1f, 0x5f, 0xa8), QColor(0x1e, 0x8a, 0x3c), QColor(0xb0, 0x5a, 0x00),
           QColor(0x7b, 0x2c, 0xbf), QColor(0x00, 0x7c, 0x8a), QColor(0xa8, 0x1f, 0x6a)};
    if (colour <= 0)
        return kInk;
    return palette[(colour - 1) % int(sizeof palette / sizeof palette[0])];
}

qreal SequenceDrawing::laneX(int lane) const
{
    return kMargin + m_laneWidth * (lane + 0.5);
}

qreal SequenceDrawing::rowY(int row) const
{
    return (kHeaderHeight + kMargin + kFirstRowGap) * m_textScale + m_rowHeight * (row + 0.7);
}

int SequenceDrawing::heightFor(int rows, int rowHeight, qreal textScale)
{
    return int((kHeaderHeight + kMargin + kFirstRowGap) * textScale
               + rowHeight * (qMax(1, rows) + 0.7) + kMargin);
}

QPair<qreal, qreal> SequenceDrawing::lanesSpan(const SequenceModel &model, int firstRow) const
{
    qreal left = -1;
    qreal right = -1;
    for (const SequenceItem &item : model.items()) {
        if (item.row < firstRow)
            continue;
        for (const int lane : {item.fromLane, item.toLane}) {
            const qreal x = laneX(lane);
            left = left < 0 ? x : qMin(left, x);
            right = qMax(right, x);
        }
    }
    if (left < 0)
        return {0, 0};
    return {qMax<qreal>(0, left - m_laneWidth / 2), right + m_laneWidth / 2};
}

void SequenceDrawing::addLine(QPointF a, QPointF b, const QColor &colour, qreal width, bool dashed)
{
    Shape s;
    s.type = Shape::Type::Line;
    s.points = {a, b};
    s.colour = colour;
    s.width = width;
    s.dashed = dashed;
    m_shapes.push_back(s);
}

void SequenceDrawing::addArrow(QPointF from, QPointF to, const QColor &colour, bool dashed,
                               qreal width)
{
    addLine(from, to, colour, width, dashed);
    const qreal angle = std::atan2(to.y() - from.y(), to.x() - from.x());
    // A thin arrow (a packet) has a smaller head.
    const qreal size = (width < 2.0 ? 7 : 10) * m_textScale;
    Shape head;
    head.type = Shape::Type::Polygon;
    head.points = {to, to - QPointF(size * std::cos(angle - 0.4), size * std::sin(angle - 0.4)),
                   to - QPointF(size * std::cos(angle + 0.4), size * std::sin(angle + 0.4))};
    head.colour = colour;
    head.fill = colour;
    m_shapes.push_back(head);
}

void SequenceDrawing::addText(QPointF anchor, const QString &text, const QColor &colour,
                              Qt::Alignment align, int pixelSize, bool bold, qreal maxWidth)
{
    Shape s;
    s.type = Shape::Type::Text;
    s.points = {anchor};
    s.text = xmlSafe(text);
    if (maxWidth > 0) {
        QFont font;
        font.setPixelSize(pixelSize);
        font.setBold(bold);
        const QString whole = s.text;
        s.text = QFontMetricsF(font).elidedText(whole, Qt::ElideRight, maxWidth);
        if (s.text != whole && !s.header)
            ++m_elided;
    }
    s.colour = colour;
    s.align = align;
    s.pixelSize = pixelSize;
    s.bold = bold;
    m_shapes.push_back(s);
}

void SequenceDrawing::layout(const SequenceModel &model, int width, int rowHeight, qreal textScale)
{
    m_shapes.clear();
    m_elided = 0;
    m_textScale = qMax<qreal>(0.5, textScale);
    m_rowHeight = qBound(px(kMinRowHeight), rowHeight, px(kRowHeight));
    m_lanes = int(model.lanes().size());
    const qreal minLane = minLaneWidth(m_textScale);
    m_laneWidth
        = m_lanes > 0 ? qMax<qreal>(minLane, qreal(width - 2 * kMargin) / m_lanes) : minLane;
    const int rows = qMax(1, model.rowCount());
    m_size = QSize(int(2 * kMargin + m_laneWidth * qMax(1, m_lanes)),
                   heightFor(rows, m_rowHeight, m_textScale));
    // Room for a label: between two lifelines, less a little air on each side.
    const qreal gap = m_laneWidth - 12;

    Shape background;
    background.type = Shape::Type::Rect;
    background.rect = QRectF(QPointF(0, 0), QSizeF(m_size));
    background.fill = Qt::white;
    m_shapes.push_back(background);

    const auto titleFits = [gap](const QString &title, int pixelSize) {
        QFont font;
        font.setBold(true);
        font.setPixelSize(pixelSize);
        return QFontMetricsF(font).horizontalAdvance(title) <= gap - 4;
    };
    bool shortTitles = false;
    for (const SequenceLane &lane : model.lanes())
        shortTitles = shortTitles || (!lane.server && !titleFits(lane.title, px(13)));
    for (int i = 0; i < m_lanes; ++i) {
        const SequenceLane &lane = model.lanes()[i];
        const QColor colour = lane.nobody ? kLifeline : laneColour(lane.colour);
        const qreal x = laneX(i);
        Shape box;
        box.type = Shape::Type::Rect;
        box.rect
            = QRectF(x - m_laneWidth / 2 + 6, kMargin, m_laneWidth - 12, px(kHeaderHeight) - 6);
        box.colour = colour;
        box.fill = QColor(0xf4, 0xf4, 0xf4);
        box.width = 2;
        m_shapes.push_back(box);
        // A narrow lane keeps its name readable: smaller, then (for every client lane alike)
        // only its last word ("G").
        QString title = lane.title;
        if (shortTitles && !lane.server && title.contains(QLatin1Char(' ')))
            title = title.mid(title.lastIndexOf(QLatin1Char(' ')) + 1);
        const int titleSize = titleFits(title, px(15)) ? px(15) : px(13);
        addText(QPointF(x, kMargin + px(22)), title, colour, Qt::AlignHCenter, titleSize, true,
                gap - 4);
        // Narrow lanes show only the port: every lesson runs on 127.0.0.1.
        const Endpoint endpoint = Endpoint::parse(lane.subtitle);
        const QString address = m_laneWidth < px(140) && endpoint.isValid()
            ? QStringLiteral(":%1").arg(endpoint.port())
            : lane.subtitle;
        addText(QPointF(x, kMargin + px(42)), address, kInk, Qt::AlignHCenter, px(13), false,
                gap - 4);
        for (int k = 0; k < 3; ++k)
            m_shapes[m_shapes.size() - 1 - k].header = true;
        addLine(QPointF(x, kMargin + px(kHeaderHeight)), QPointF(x, m_size.height() - kMargin),
                kLifeline, 1.5, true);
    }

    const int lastRow = qMax(0, model.rowCount() - 1);
    for (const SequenceItem &item : model.items()) {
        const qreal y = rowY(item.row);
        const int from = item.fromLane;
        const QColor colour = item.kind == SequenceItem::Kind::Error
            ? kError
            : laneColour(model.lanes()[from].colour > 0 ? model.lanes()[from].colour
                                                        : model.lanes()[item.toLane].colour);
        if (!item.isArrow()) {
            Shape dot;
            dot.type = Shape::Type::Dot;
            dot.points = {QPointF(laneX(from), y)};
            dot.colour = colour;
            dot.fill = colour;
            m_shapes.push_back(dot);
            // Text beside the lifeline, towards the middle of the diagram, as far as the next
            // lifeline (or the canvas's edge).
            const bool left = model.lanes()[from].server && from > 0;
            const qreal x = laneX(from);
            const qreal room = qMin(m_laneWidth - 20, left ? x - 12 : m_size.width() - x - 12);
            addText(QPointF(x + (left ? -10 : 10), y - 5), item.label, colour,
                    left ? Qt::AlignRight : Qt::AlignLeft, px(14), false, room);
            continue;
        }
        if (item.kind == SequenceItem::Kind::Packet) {
            // The wire, beside the calls: thin, grey and dashed, its label small, so the calls
            // stay what the eye follows. Level: a packet arrives where it was captured.
            const qreal x1 = laneX(from);
            const qreal x2 = laneX(item.toLane);
            addArrow(QPointF(x1, y), QPointF(x2 + (x2 > x1 ? -3 : 3), y), kPacket, true, 1.0);
            addText(QPointF((x1 + x2) / 2, y - 4), item.label, kPacket, Qt::AlignHCenter, px(12),
                    false, std::abs(x2 - x1) > 0 ? std::abs(x2 - x1) - 12 : gap);
            continue;
        }
        const bool open = item.endRow < 0;
        const qreal endY = rowY(open ? lastRow + 1 : item.endRow);
        const qreal x1 = laneX(from);
        const qreal x2 = laneX(item.toLane);
        const QPointF start(x1, y);
        const QPointF end(x2 + (x2 > x1 ? -4 : 4), endY);
        if (endY > y) {
            // Bytes that arrive rows later drop beside their sender, then travel level into
            // the receiver: the slope never crosses the labels next to the receiver's lifeline.
            const qreal drop
                = std::copysign(qMin<qreal>(kDropWidth, std::abs(x2 - x1) * 0.1), x2 - x1);
            const QPointF bend(x1 + drop, endY);
            addLine(start, bend, colour, 2.0, open);
            addArrow(bend, end, colour, open);
        } else {
            addArrow(start, end, colour, open);
        }
        // Over the gap next to the sender: an arrow that passes other lanes keeps its label off
        // their lifelines, where another client's late arrow drops.
        const qreal labelX = std::abs(x2 - x1) > m_laneWidth * 1.5
            ? x1 + std::copysign(m_laneWidth / 2, x2 - x1)
            : (x1 + x2) / 2;
        addText(QPointF(labelX, y - 6), item.label, colour, Qt::AlignHCenter, px(14),
                item.kind != SequenceItem::Kind::Message && item.kind != SequenceItem::Kind::Reply,
                x1 == x2 ? m_laneWidth - 20 : gap);
    }
}

bool SequenceDrawing::inPass(const Shape &s, Pass pass)
{
    switch (pass) {
    case Pass::Boxes:
        return s.type == Shape::Type::Rect;
    case Pass::Lines:
        return s.type != Shape::Type::Rect && s.type != Shape::Type::Text;
    case Pass::Backings:
        return s.type == Shape::Type::Text && !s.header;
    case Pass::Texts:
        return s.type == Shape::Type::Text;
    }
    return false;
}

void SequenceDrawing::paint(QPainter &painter, bool headerOnly) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    // Boxes, then lines and arrows, then a white backing under every label, then the text:
    // a lifeline or another row's slanted arrow passes behind a label, never through it.
    for (const Pass pass : {Pass::Boxes, Pass::Lines, Pass::Backings, Pass::Texts}) {
        for (const Shape &s : m_shapes) {
            if ((!headerOnly || s.header) && inPass(s, pass))
                paintShape(painter, s, pass == Pass::Backings);
        }
    }
}

void SequenceDrawing::paintShape(QPainter &painter, const Shape &s, bool backingOnly)
{
    QPen pen(s.colour, s.width);
    if (s.dashed)
        pen.setStyle(Qt::DashLine);
    painter.setPen(s.colour.isValid() ? pen : QPen(Qt::NoPen));
    painter.setBrush(s.fill.isValid() ? QBrush(s.fill) : QBrush(Qt::NoBrush));
    switch (s.type) {
    case Shape::Type::Line:
        painter.drawLine(s.points[0], s.points[1]);
        break;
    case Shape::Type::Rect:
        painter.drawRect(s.rect);
        break;
    case Shape::Type::Polygon:
        painter.drawPolygon(QPolygonF(s.points));
        break;
    case Shape::Type::Dot:
        painter.drawEllipse(s.points[0], 4.5, 4.5);
        break;
    case Shape::Type::Text: {
        QFont font = painter.font();
        font.setPixelSize(s.pixelSize);
        font.setBold(s.bold);
        painter.setFont(font);
        const qreal w = 2000;
        const QPointF p = s.points[0];
        QRectF box(p.x(), p.y() - s.pixelSize, w, s.pixelSize * 1.4);
        if (s.align & Qt::AlignHCenter)
            box.moveLeft(p.x() - w / 2);
        else if (s.align & Qt::AlignRight)
            box.moveLeft(p.x() - w);
        const int flags = int(s.align | Qt::AlignTop) & ~Qt::AlignVCenter;
        if (backingOnly) {
            const QRectF used = painter.boundingRect(box, flags, s.text).adjusted(-2, 1, 2, -1);
            painter.fillRect(used, QColor(255, 255, 255, 230));
        } else {
            painter.drawText(box, flags, s.text);
        }
        break;
    }
    }
}

QByteArray SequenceDrawing::toSvg(const QString &title) const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(m_size);
    generator.setViewBox(QRect(QPoint(0, 0), m_size));
    generator.setTitle(title);
    QPainter painter(&generator);
    paint(painter);
    painter.end();
    return buffer.data();
}

} // namespace socketlab
