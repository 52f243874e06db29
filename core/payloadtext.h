#pragma once

#include <QByteArray>
#include <QString>

namespace socketlab {

// Payload bytes as text, never as markup: valid UTF-8 is kept, every byte that is not part of
// a valid UTF-8 sequence becomes \xHH, and a literal backslash becomes \\ so the two never
// look alike.
class PayloadText
{
public:
    static constexpr int kShownBytes = 4096;

    // For JSON: control characters stay as they are (JSON escapes them).
    static QString toText(const QByteArray &bytes, int maxBytes = kShownBytes);
    // For one-line display: also shows control characters as \n, \r, \t or \xHH, and C1
    // controls and bidi overrides as \u{202e}.
    static QString toDisplay(const QByteArray &bytes, int maxBytes = kShownBytes);
    static QString toHex(const QByteArray &bytes, int maxBytes = kShownBytes);
};

} // namespace socketlab
