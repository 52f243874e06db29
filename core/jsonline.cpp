#include "core/jsonline.h"

#include "core/payloadtext.h"

#include <cstdio>

namespace socketlab {

namespace {
void appendEscape(QByteArray &out, uint code)
{
    char escape[16];
    std::snprintf(escape, sizeof escape, "\\u%04x", code);
    out += escape;
}

// The code point of the UTF-8 sequence at p (valid: it comes from a QString) and its length.
char32_t decodeAt(const unsigned char *p, int *length)
{
    if (p[0] < 0xE0) {
        *length = 2;
        return char32_t(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    }
    if (p[0] < 0xF0) {
        *length = 3;
        return char32_t(p[0] & 0x0F) << 12 | char32_t(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    }
    *length = 4;
    return char32_t(p[0] & 0x07) << 18 | char32_t(p[1] & 0x3F) << 12 | char32_t(p[2] & 0x3F) << 6
        | (p[3] & 0x3F);
}

void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    const auto *data = reinterpret_cast<const unsigned char *>(utf8.constData());
    const int size = int(utf8.size());
    int i = 0;
    while (i < size) {
        const unsigned char u = data[i];
        if (u >= 0x80) {
            // C1 controls and bidi overrides are valid JSON as they are, but a terminal that
            // shows the line acts on them: \u escapes, the set the human lines escape.
            int length = 1;
            const char32_t code = u >= 0xC0 ? decodeAt(data + i, &length) : u;
            if (PayloadText::isHiddenControl(code))
                appendEscape(out, uint(code));
            else
                out.append(reinterpret_cast<const char *>(data + i), length);
            i += length;
            continue;
        }
        switch (u) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20 || u == 0x7F)
                appendEscape(out, u);
            else
                out += char(u);
        }
        ++i;
    }
    out += '"';
}
} // namespace

void JsonLine::add(const char *key, const QStringList &values)
{
    startKey(key);
    m_out += '[';
    for (int i = 0; i < values.size(); ++i) {
        if (i > 0)
            m_out += ',';
        appendString(m_out, values.at(i));
    }
    m_out += ']';
}

void JsonLine::add(const char *key, const QString &value)
{
    startKey(key);
    appendString(m_out, value);
}

void JsonLine::addJson(const char *key, const QByteArray &json)
{
    startKey(key);
    m_out += json;
}

void JsonLine::add(const char *key, qint64 value)
{
    startKey(key);
    m_out += QByteArray::number(value);
}

void JsonLine::add(const char *key, bool value)
{
    startKey(key);
    m_out += value ? "true" : "false";
}

QByteArray JsonLine::finish()
{
    m_out += "}\n";
    return m_out;
}

void JsonLine::startKey(const char *key)
{
    m_out += m_out.size() > 1 ? ",\"" : "\"";
    m_out += key;
    m_out += "\":";
}

} // namespace socketlab
