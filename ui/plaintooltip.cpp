#include "plaintooltip.h"

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
    // Escaped inside markup of our own: Qt never guesses, and the peer's tags are just text.
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>")
        .arg(withBreaks(shown).toHtmlEscaped());
}

} // namespace socketlab
