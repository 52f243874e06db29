#include "ui/colorpalette.h"

#include <array>

namespace socketlab {

namespace {
const std::array<QRgb, 7> kStrong = {
    0x0072B2,  // blue
    0xD55E00,  // vermillion
    0x009E73,  // bluish green
    0xCC79A7,  // reddish purple
    0xE69F00,  // orange
    0x56B4E9,  // sky blue
    0x8C6D1F,  // brown (yellow is unreadable as text)
};
} // namespace

QColor ColorPalette::strong(quint64 id)
{
    if (id == 0)
        return QColor();
    return QColor(kStrong[size_t((id - 1) % kStrong.size())]);
}

QColor ColorPalette::tint(quint64 id)
{
    const QColor base = strong(id);
    if (!base.isValid())
        return base;
    // 25% of the colour over white.
    return QColor(255 - (255 - base.red()) / 4, 255 - (255 - base.green()) / 4,
                  255 - (255 - base.blue()) / 4);
}

} // namespace socketlab
