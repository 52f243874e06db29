#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QAbstractItemModel;

namespace socketlab {

// The log as CSV or plain text: what the table holds, in its order, written atomically.
// CSV as core/csvtext.h makes it, so it opens right in a spreadsheet of the UI's language.
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
    // CsvText::separator() and CsvText::field().
    static QChar csvSeparator();
    static QString csvField(const QString &text, QChar separator = QLatin1Char(','));
};

} // namespace socketlab
