#pragma once

#include <QColor>

namespace socketlab {

// One colour per client, the same in the client pane, the connections table and the log, so
// the class can follow a conversation across the window. Colour-blind safe (Okabe-Ito).
class ColorPalette
{
public:
    // Swatches and text accents; invalid for id 0 (the server itself).
    static QColor strong(quint64 id);
    // Row backgrounds: light enough for black text on a projector.
    static QColor tint(quint64 id);
};

} // namespace socketlab
