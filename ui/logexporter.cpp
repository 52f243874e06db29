#include "ui/logexporter.h"

#include "core/csvtext.h"

#include <QAbstractItemModel>
#include <QSaveFile>

namespace socketlab {

LogExporter::Format LogExporter::formatForPath(const QString &path)
{
    return path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? Format::Csv : Format::Text;
}

QChar LogExporter::csvSeparator()
{
    return CsvText::separator();
}

QString LogExporter::csvField(const QString &text, QChar separator)
{
    return CsvText::field(text, separator);
}

QString LogExporter::render(const QAbstractItemModel *model, Format format, const QList<int> &rows,
                            const QList<int> &columns)
{
    QList<int> cols = columns;
    if (cols.isEmpty()) {
        for (int c = 0; c < model->columnCount(); ++c)
            cols << c;
    }
    QList<int> rowList = rows;
    if (rowList.isEmpty()) {
        for (int r = 0; r < model->rowCount(); ++r)
            rowList << r;
    }
    const QChar separator = format == Format::Csv ? csvSeparator() : QLatin1Char('\t');
    auto cell = [format, separator](const QString &text) {
        return format == Format::Csv ? csvField(text, separator) : text;
    };
    QString out;
    QStringList fields;
    for (int c : cols)
        fields << cell(model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    out += fields.join(separator) + QLatin1Char('\n');
    for (int r : rowList) {
        fields.clear();
        for (int c : cols)
            fields << cell(model->index(r, c).data(Qt::DisplayRole).toString());
        out += fields.join(separator) + QLatin1Char('\n');
    }
    return out;
}

bool LogExporter::write(const QAbstractItemModel *model, const QString &path, Format format,
                        const QList<int> &columns, QString *error)
{
    // QSaveFile: a reader never sees half a log, and a failed write leaves the old file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // Text files stay without a byte order mark, as text files on Linux do.
    if (format == Format::Csv)
        file.write(CsvText::byteOrderMark());
    file.write(render(model, format, {}, columns).toUtf8());
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace socketlab
