#include "ui/classtiledelegate.h"

#include "ui/classmodel.h"
#include "ui/models/colorpalette.h"

#include <QPainter>

namespace socketlab {

namespace {
constexpr int kPadding = 2;
constexpr int kStripe = 3; // the student's colour down the left edge
const QColor kLeftBackground(0xEE, 0xEE, 0xEE);
const QColor kFaded(0x60, 0x60, 0x60);

int badgeWidth(const QFontMetrics &metrics)
{
    return metrics.horizontalAdvance(QStringLiteral("00")) + 4;
}
} // namespace

ClassTileDelegate::ClassTileDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QFont ClassTileDelegate::tileFont(const QFont &viewFont, double scale)
{
    QFont font = viewFont;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale);
    else
        font.setPixelSize(qMax(6, int(font.pixelSize() * scale)));
    return font;
}

QSize ClassTileDelegate::tileSize(const QFont &viewFont, double scale)
{
    const QFont font = tileFont(viewFont, scale);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics metrics(font);
    // The number and a classroom address; the state and counts below are shorter (ss(8)'s
    // state names, "1.2k·3 MB").
    // (A longer address is elided in its middle; the tooltip has it whole.)
    const int address = badgeWidth(QFontMetrics(bold)) + 3
        + metrics.horizontalAdvance(QStringLiteral("127.0.0.10"));
    const int width = kStripe + 2 * kPadding + address + 2; // + the gap between tiles
    return QSize(width, kLines * QFontMetrics(bold).height() + 2 * kPadding);
}

QSize ClassTileDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // A tile fills its cell of the view's grid, so the tiles share the whole width.
    return m_cell.isValid() ? m_cell : tileSize(option.font, m_scale);
}

void ClassTileDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const int number = index.data(ClassModel::NumberRole).toInt();
    const bool connected = index.data(ClassModel::ConnectedRole).toBool();
    const QColor strong = ColorPalette::studentStrong(number);
    const QRect tile = option.rect.adjusted(1, 1, -1, -1);
    painter->save();
    painter->setClipRect(tile);
    painter->fillRect(tile, connected ? ColorPalette::studentTint(number) : kLeftBackground);
    painter->fillRect(QRect(tile.topLeft(), QSize(kStripe, tile.height())), strong);
    if (option.state & QStyle::State_Selected) {
        painter->setPen(QPen(option.palette.highlight().color(), 2));
        painter->drawRect(tile.adjusted(1, 1, -1, -1));
    }
    QFont font = tileFont(option.font, m_scale);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int line = metrics.height();
    const int left = tile.left() + kStripe + kPadding;
    const int width = tile.right() - kPadding - left;
    int top = tile.top() + kPadding;
    const QColor text = connected ? QColor(Qt::black) : kFaded;

    // The number on the student's colour, then the address.
    const QRect badge(left, top, badgeWidth(metrics), line);
    painter->fillRect(badge, strong);
    painter->setFont(bold);
    painter->setPen(ColorPalette::textOn(strong));
    painter->drawText(badge, Qt::AlignCenter, QString::number(number));
    painter->setPen(text);
    painter->setFont(font);
    const QFontMetrics plain(font);
    const QRect address(badge.right() + 3, top, width - badge.width() - 3, line);
    painter->drawText(address, Qt::AlignLeft | Qt::AlignVCenter,
                      plain.elidedText(index.data(ClassModel::AddressRole).toString(),
                                       Qt::ElideMiddle, address.width()));
    top += line;

    // State (or left) on the left, whole; messages·bytes on the right in what is left.
    const QString state = index.data(ClassModel::StateTextRole).toString();
    const int stateWidth = qMin(width, plain.horizontalAdvance(state) + 2);
    painter->drawText(QRect(left, top, stateWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                      plain.elidedText(state, Qt::ElideRight, stateWidth));
    const QString counts = index.data(ClassModel::CountsRole).toString();
    const int countsWidth = width - stateWidth - 3;
    if (countsWidth > 0) {
        painter->drawText(QRect(left + width - countsWidth, top, countsWidth, line),
                          Qt::AlignRight | Qt::AlignVCenter,
                          plain.elidedText(counts, Qt::ElideRight, countsWidth));
    }
    top += line;

    // The last message: plain text, one line (PayloadText::toDisplay already shows control
    // characters and bidi overrides as escapes).
    painter->setFont(font);
    painter->drawText(QRect(left, top, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                      plain.elidedText(index.data(ClassModel::LastMessageRole).toString(),
                                       Qt::ElideRight, width));
    painter->restore();
}

} // namespace socketlab
