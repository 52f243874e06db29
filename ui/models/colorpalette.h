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
    // Students (peers that are none of the session's clients), by their number in the
    // StudentRoster (kept per address for the session): nine distinct hues of Paul Tol's
    // colour-blind-safe "muted" scheme, ordered so numbers n and n+1 never share a hue; the
    // class view puts the number beside the colour and never lays out a multiple of
    // studentHueCount() columns, so neighbours above and below differ too.
    static QColor studentStrong(int number);
    static QColor studentTint(int number);
    static int studentHueCount();
    // Black or white, whichever reads better on background.
    static QColor textOn(const QColor &background);
    // An event's colours: its client's (event.clientId), a student's (by address), or none (the
    // server's own events such as listening).
    static QColor strongFor(const SocketEvent &event);
    static QColor tintFor(const SocketEvent &event);
};

} // namespace socketlab
