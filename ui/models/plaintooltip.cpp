#include "ui/models/plaintooltip.h"

#include <QTextDocument>

namespace socketlab {

namespace {
constexpr QChar kZeroWidthSpace(0x200B);

QString withBreaks(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / PlainToolTip::kMaxRun);
    int run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        run = c.isSpace() ? 0 : run + 1;
        // Never between the two halves of a surrogate pair.
        if (run > PlainToolTip::kMaxRun && !c.isLowSurrogate()) {
            out += kZeroWidthSpace;
            run = 1;
        }
        out += c;
    }
    return out;
}
} // namespace

QString PlainToolTip::from(const QString &text)
{
    if (text.isEmpty())
        return QString();
    QString shown = text;
    if (shown.size() > kMaxChars) {
        qsizetype cut = kMaxChars;
        if (shown.at(cut - 1).isHighSurrogate())
            --cut;
        shown = shown.left(cut) + QChar(0x2026);
    }
    shown = withBreaks(shown);
    // Qt shows this one as plain text: no markup of ours, so it looks like every other tooltip.
    // A longer plain text would stay one line as wide as the screen: it wraps in our markup.
    if (!Qt::mightBeRichText(shown) && shown.size() <= kOneLineChars)
        return shown;
    // Rich tooltips wrap at a width Qt guesses, narrow for short texts: those keep one line.
    const bool oneLine = shown.size() <= kOneLineChars && !shown.contains(QLatin1Char('\n'));
    return QStringLiteral("<p style='white-space:%1'>%2</p>")
        .arg(oneLine ? QStringLiteral("pre") : QStringLiteral("pre-wrap"), shown.toHtmlEscaped());
}

QString PlainToolTip::wrapped(const QString &text, int width)
{
    QStringList lines;
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        for (const QString &word : paragraph.split(QLatin1Char(' '))) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
                lines << line;
                line.clear();
            }
            line += line.isEmpty() ? word : QLatin1Char(' ') + word;
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace socketlab
