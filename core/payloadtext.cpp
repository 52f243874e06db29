#include "core/payloadtext.h"

namespace socketlab {

namespace {

// Length of the valid UTF-8 sequence starting at data[i], or 0 if the byte there is not
// the start of one (overlong forms, surrogates and values past U+10FFFF are invalid).
int validSequenceLength(const unsigned char *data, int size, int i)
{
    const unsigned char lead = data[i];
    if (lead < 0x80)
        return 1;
    int length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    if (i + length > size)
        return 0;
    if (data[i + 1] < low || data[i + 1] > high)
        return 0;
    for (int k = 2; k < length; ++k) {
        if (data[i + k] < 0x80 || data[i + k] > 0xBF)
            return 0;
    }
    return length;
}

void appendHexEscape(QString &out, unsigned char byte)
{
    out += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
}

char32_t decode(const unsigned char *p, int length)
{
    if (length == 2)
        return char32_t(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    if (length == 3)
        return char32_t(p[0] & 0x0F) << 12 | char32_t(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    return char32_t(p[0] & 0x07) << 18 | char32_t(p[1] & 0x3F) << 12 | char32_t(p[2] & 0x3F) << 6
        | (p[3] & 0x3F);
}

QString convert(const QByteArray &bytes, int maxBytes, bool escapeControls)
{
    const int size = int(qMin<qsizetype>(bytes.size(), maxBytes));
    // Sequences are judged on the whole payload: a valid character that the limit cuts in
    // two is left out, not shown as invalid bytes.
    const int available = int(qMin<qsizetype>(bytes.size(), size + 3));
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    QString out;
    out.reserve(size);
    int i = 0;
    while (i < size) {
        const int length = validSequenceLength(data, available, i);
        if (i + length > size)
            break;
        if (length == 0) {
            appendHexEscape(out, data[i]);
            ++i;
            continue;
        }
        // A literal backslash is doubled, so "\\xff" (four bytes) and 0xFF never look alike.
        if (data[i] == '\\') {
            out += QStringLiteral("\\\\");
            ++i;
            continue;
        }
        if (length > 1 && escapeControls
            && PayloadText::isHiddenControl(decode(data + i, length))) {
            out += QStringLiteral("\\u{%1}").arg(uint(decode(data + i, length)), 4, 16,
                                                 QLatin1Char('0'));
            i += length;
            continue;
        }
        if (length == 1 && escapeControls && (data[i] < 0x20 || data[i] == 0x7F)) {
            switch (data[i]) {
            case '\n':
                out += QStringLiteral("\\n");
                break;
            case '\r':
                out += QStringLiteral("\\r");
                break;
            case '\t':
                out += QStringLiteral("\\t");
                break;
            default:
                appendHexEscape(out, data[i]);
            }
        } else {
            out += QString::fromUtf8(reinterpret_cast<const char *>(data + i), length);
        }
        i += length;
    }
    if (bytes.size() > maxBytes)
        out += QChar(0x2026);
    return out;
}

} // namespace

// In a terminal or a log these can make a student's message look like something else.
bool PayloadText::isHiddenControl(char32_t c)
{
    return (c >= 0x80 && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069) || c == 0x061C || c == 0xFEFF;
}

bool PayloadText::isBinary(const QByteArray &bytes)
{
    const int size = int(qMin<qsizetype>(bytes.size(), kShownBytes));
    const int available = int(qMin<qsizetype>(bytes.size(), size + 3));
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    int notText = 0;
    int i = 0;
    while (i < size) {
        const int length = validSequenceLength(data, available, i);
        if (length == 0) {
            ++notText;
            ++i;
            continue;
        }
        if (length == 1) {
            const unsigned char c = data[i];
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
                ++notText;
        } else {
            const char32_t c = decode(data + i, length);
            if (c >= 0x80 && c <= 0x9F)
                notText += length;
        }
        i += length;
    }
    // Integer arithmetic: notText / size > kBinaryPercent / 100.
    return size > 0 && notText * 100 > kBinaryPercent * size;
}

QString PayloadText::toText(const QByteArray &bytes, int maxBytes)
{
    return convert(bytes, maxBytes, false);
}

QString PayloadText::toDisplay(const QByteArray &bytes, int maxBytes)
{
    return convert(bytes, maxBytes, true);
}

QString PayloadText::toHex(const QByteArray &bytes, int maxBytes)
{
    QString hex = QString::fromLatin1(bytes.left(maxBytes).toHex(' '));
    if (bytes.size() > maxBytes)
        hex += QChar(0x2026);
    return hex;
}

} // namespace socketlab
