#include "translations/sourceplurals.h"

namespace socketlab {

QString SourcePlurals::resolve(const QString &text, int n)
{
    QString resolved = text;
    resolved.replace(QLatin1String("(es)"), n == 1 ? QString() : QStringLiteral("es"));
    resolved.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    return resolved;
}

QString SourcePlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    if (n < 0 || !sourceText)
        return QString();
    const QString text = QString::fromUtf8(sourceText);
    if (!text.contains(QLatin1String("(s)")) && !text.contains(QLatin1String("(es)")))
        return QString();
    return resolve(text, n);
}

} // namespace socketlab
