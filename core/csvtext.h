#pragma once

#include <QByteArray>
#include <QChar>
#include <QString>
#include <QStringList>

namespace socketlab {

// CSV that opens right in a spreadsheet of the UI's language (the log export, the check
// batch's grades): UTF-8 with a byte order mark (or "ç" comes out garbled), ";" between
// fields where numbers use a decimal comma (pt_BR: a spreadsheet there splits on ";"), and
// no cell a spreadsheet would run as a formula.
class CsvText
{
public:
    // Written first: it tells a spreadsheet the file is UTF-8 (without it Excel reads the
    // system's code page).
    static QByteArray byteOrderMark() { return QByteArrayLiteral("\xEF\xBB\xBF"); }
    // The separator for the current locale (QLocale()): ";" with a decimal comma, else ",".
    static QChar separator();
    // One field: a text starting with = + - @, a tab or a carriage return gets a leading
    // apostrophe (a student's "=HYPERLINK(...)" stays text); quoted when it holds the
    // separator, a quote or a line break.
    static QString field(const QString &text, QChar separator = QLatin1Char(','));
    // One row, its fields escaped and joined, with its line break.
    static QString row(const QStringList &fields, QChar separator);
};

} // namespace socketlab
