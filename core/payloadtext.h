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
    // A payload is binary when more than this share (percent) of its bytes is not text.
    static constexpr int kBinaryPercent = 30;

    // Not mostly text: more than kBinaryPercent of the first kShownBytes bytes are bytes no
    // valid UTF-8 character holds, or control characters other than tab, line feed and
    // carriage return (C0, DEL, C1). Such a payload is shown as "binary, N bytes" with its
    // hex (EventFormatter::payloadText), not as a wall of \xHH. Empty is text.
    static bool isBinary(const QByteArray &bytes);

    // For JSON: control characters stay as they are (JSON escapes them).
    static QString toText(const QByteArray &bytes, int maxBytes = kShownBytes);
    // For one-line display: also shows control characters as \n, \r, \t or \xHH, and C1
    // controls and bidi overrides as \u{202e}.
    static QString toDisplay(const QByteArray &bytes, int maxBytes = kShownBytes);
    static QString toHex(const QByteArray &bytes, int maxBytes = kShownBytes);
    // C1 controls and the characters that reorder or hide text (bidi overrides and isolates,
    // direction marks, zero-width characters): one-line displays show them as \u{202e} and
    // JSON writes them as \u202e, so neither a terminal nor a log acts on them.
    static bool isHiddenControl(char32_t c);
};

} // namespace socketlab
