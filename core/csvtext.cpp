#include "core/csvtext.h"

#include <QLocale>

namespace socketlab {

QChar CsvText::separator()
{
    return QLocale().decimalPoint() == QLatin1String(",") ? QLatin1Char(';') : QLatin1Char(',');
}

QString CsvText::field(const QString &text, QChar separator)
{
    static const QString kFormulaStarts = QStringLiteral("=+-@\t\r");
    const bool formula = !text.isEmpty() && kFormulaStarts.contains(text.at(0));
    const QString field = formula ? QLatin1Char('\'') + text : text;
    if (!field.contains(separator) && !field.contains(QLatin1Char('"'))
        && !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvText::row(const QStringList &fields, QChar separator)
{
    QStringList escaped;
    for (const QString &text : fields)
        escaped << field(text, separator);
    return escaped.join(separator) + QLatin1Char('\n');
}

} // namespace socketlab
