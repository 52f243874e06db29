#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace socketlab {

// Builds one JSON object on one line, keys in the order added; strings are escaped for JSON
// (control characters, C1 controls and bidi overrides as \uXXXX), so text from the network
// stays plain text, even in a terminal.
class JsonLine
{
public:
    void add(const char *key, const QString &value);
    void add(const char *key, qint64 value);
    void add(const char *key, bool value);
    // An array of strings.
    void add(const char *key, const QStringList &values);
    // A value that is JSON already (an array or an object QJsonDocument made, compact).
    void addJson(const char *key, const QByteArray &json);
    // The object and its line break.
    QByteArray finish();

private:
    void startKey(const char *key);
    QByteArray m_out = "{";
};

} // namespace socketlab
