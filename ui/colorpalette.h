#pragma once

#include <QColor>

namespace socketlab {

struct SocketEvent;

// One colour per client, the same in the client pane, the connections table and the log, so
// the class can follow a conversation across the window. Colour-blind safe (Okabe-Ito).
class ColorPalette
{
public:
    // Swatches and text accents; invalid for id 0 (the server itself).
    static QColor strong(quint64 id);
    // Row backgrounds: light enough for black text on a projector.
    static QColor tint(quint64 id);
    // Students (peers that are none of the session's clients): a family of greys and browns
    // of their own, so they never look like a pane; key tells students apart (connection id).
    static QColor studentStrong(quint64 key);
    static QColor studentTint(quint64 key);
    // An event's colours: its client's (event.clientId), a student's, or none (the server's own
    // events such as listening).
    static QColor strongFor(const SocketEvent &event);
    static QColor tintFor(const SocketEvent &event);
};

} // namespace socketlab
