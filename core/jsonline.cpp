#include "core/jsonline.h"

#include <cstdio>

namespace socketlab {

namespace {
void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
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
            if (u < 0x20 || u == 0x7F) {
                char escape[8];
                std::snprintf(escape, sizeof escape, "\\u%04x", u);
                out += escape;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}
} // namespace

void JsonLine::add(const char *key, const QString &value)
{
    startKey(key);
    appendString(m_out, value);
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
