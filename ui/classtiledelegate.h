#pragma once

#include <QStyledItemDelegate>

namespace socketlab {

// Paints one student of the ClassModel as a compact tile: the number on the student's colour
// and the address; the TCP state (or "left") with messages · bytes; the last message. All of
// it as plain text (drawText), never markup, elided to the tile. The tile's font is the
// view's scaled by scale(), so a class of forty fits a small screen.
class ClassTileDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int kLines = 3;

    explicit ClassTileDelegate(QObject *parent = nullptr);

    void setScale(double scale) { m_scale = scale; }
    // The view's grid cell: a tile fills it (invalid: tileSize()).
    void setCellSize(const QSize &size) { m_cell = size; }
    double scale() const { return m_scale; }
    // The tile size for a view font at a scale: wide enough for a number, an IPv4 address and
    // "ESTAB 999 · 999 kB".
    static QSize tileSize(const QFont &viewFont, double scale);
    static QFont tileFont(const QFont &viewFont, double scale);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    double m_scale = 1.0;
    QSize m_cell;
};

} // namespace socketlab
