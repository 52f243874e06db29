#include "ui/models/colorpalette.h"

#include "core/socketevent.h"
#include "ui/models/studentroster.h"

#include <array>

namespace socketlab {

namespace {
const std::array<QRgb, 7> kStrong = {
    0x0072B2, // blue
    0xD55E00, // vermillion
    0x009E73, // bluish green
    0xCC79A7, // reddish purple
    0xE69F00, // orange
    0x56B4E9, // sky blue
    0x8C6D1F, // brown (yellow is unreadable as text)
};
// Paul Tol's "muted" scheme (colour-blind safe), dark and light hues alternating so two
// consecutive numbers never look alike.
const std::array<QRgb, 9> kStudent = {
    0x332288, // indigo
    0xDDCC77, // sand
    0x117733, // green
    0xCC6677, // rose
    0x88CCEE, // cyan
    0x882255, // wine
    0x999933, // olive
    0xAA4499, // purple
    0x44AA99, // teal
};

QColor lighten(const QColor &base)
{
    if (!base.isValid())
        return base;
    // 25% of the colour over white.
    return QColor(255 - (255 - base.red()) / 4, 255 - (255 - base.green()) / 4,
                  255 - (255 - base.blue()) / 4);
}

} // namespace

QColor ColorPalette::strong(quint64 id)
{
    if (id == 0)
        return QColor();
    return QColor(kStrong[size_t((id - 1) % kStrong.size())]);
}

QColor ColorPalette::tint(quint64 id)
{
    return lighten(strong(id));
}

QColor ColorPalette::studentStrong(int number)
{
    return QColor(kStudent[size_t(qMax(0, number - 1)) % kStudent.size()]);
}

QColor ColorPalette::studentTint(int number)
{
    return lighten(studentStrong(number));
}

int ColorPalette::studentHueCount()
{
    return int(kStudent.size());
}

QColor ColorPalette::textOn(const QColor &background)
{
    // Relative luminance, roughly (sRGB weights without the gamma curve).
    const double luminance
        = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.5 ? QColor(Qt::black) : QColor(Qt::white);
}

QColor ColorPalette::strongFor(const SocketEvent &event)
{
    if (const int student = StudentRoster::studentOf(event))
        return studentStrong(student);
    return strong(quint64(qMax(0, event.clientId)));
}

QColor ColorPalette::tintFor(const SocketEvent &event)
{
    if (const int student = StudentRoster::studentOf(event))
        return studentTint(student);
    return tint(quint64(qMax(0, event.clientId)));
}

} // namespace socketlab
