#include "ui/colorpalette.h"

#include "core/socketevent.h"

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
// Greys and greyish browns, none close to kStrong's brown.
const std::array<QRgb, 4> kStudent = {
    0x6E6E6E,  // grey
    0x5C4033,  // dark brown
    0x4F5B66,  // slate
    0x8A817C,  // warm grey
};

QColor lighten(const QColor &base)
{
    if (!base.isValid())
        return base;
    // 25% of the colour over white.
    return QColor(255 - (255 - base.red()) / 4, 255 - (255 - base.green()) / 4,
                  255 - (255 - base.blue()) / 4);
}

bool isStudentEvent(const SocketEvent &event)
{
    return event.role == Role::Server && event.isStudent() && !event.peer.isEmpty();
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

QColor ColorPalette::studentStrong(quint64 key)
{
    return QColor(kStudent[size_t(key % kStudent.size())]);
}

QColor ColorPalette::studentTint(quint64 key)
{
    return lighten(studentStrong(key));
}

QColor ColorPalette::strongFor(const SocketEvent &event)
{
    if (isStudentEvent(event))
        return studentStrong(event.connectionId);
    return strong(quint64(qMax(0, event.clientId)));
}

QColor ColorPalette::tintFor(const SocketEvent &event)
{
    if (isStudentEvent(event))
        return studentTint(event.connectionId);
    return tint(quint64(qMax(0, event.clientId)));
}

} // namespace socketlab
