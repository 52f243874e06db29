#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QAbstractItemModel;

namespace socketlab {

// The log as CSV or plain text: what the table holds, in its order, written atomically.
// CSV opens right in a spreadsheet of the UI's language: UTF-8 with a byte order mark (or
// "ç" comes out garbled), ";" between fields where numbers use a decimal comma (pt_BR: a
// spreadsheet there splits on ";"), and no cell a spreadsheet would run as a formula.
class LogExporter
{
    Q_DECLARE_TR_FUNCTIONS(LogExporter)

public:
    enum class Format { Csv, Text };

    static Format formatForPath(const QString &path);
    // rows empty: every row; columns empty: every column.
    static QString render(const QAbstractItemModel *model, Format format,
                          const QList<int> &rows = {}, const QList<int> &columns = {});
    static bool write(const QAbstractItemModel *model, const QString &path, Format format,
                      const QList<int> &columns = {}, QString *error = nullptr);
    // The separator for the current locale (QLocale()): ";" with a decimal comma, else ",".
    static QChar csvSeparator();
    // One field: a text starting with = + - @, a tab or a carriage return gets a leading
    // apostrophe (a student's "=HYPERLINK(...)" stays text); quoted when it holds the
    // separator, a quote or a line break.
    static QString csvField(const QString &text, QChar separator = QLatin1Char(','));
};

} // namespace socketlab
