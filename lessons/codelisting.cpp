#include "lessons/codelisting.h"

#include <QByteArrayView>

namespace socketlab {

int CodeListing::lineOf(const ListingLines &lines, const char *anchor)
{
    if (!anchor)
        return -1;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).anchor && qstrcmp(lines.at(i).anchor, anchor) == 0)
            return i;
    }
    return -1;
}

QStringList CodeListing::texts(const ListingLines &lines, Language language)
{
    // Trailing comments start two columns after the longest commented code, whatever the
    // translation's length.
    qsizetype column = 0;
    for (const ListingLine &line : lines) {
        if (!line.comment.isEmpty() && !line.code.isEmpty())
            column = std::max(column, line.code.size() + 2);
    }
    QStringList texts;
    for (const ListingLine &line : lines) {
        if (line.comment.isEmpty()) {
            texts << line.code;
            continue;
        }
        const QString comment = language == Language::C
            ? QStringLiteral("/* %1 */").arg(line.comment)
            : QStringLiteral("# %1").arg(line.comment);
        texts << (line.code.isEmpty() ? comment : line.code.leftJustified(column) + comment);
    }
    return texts;
}

} // namespace socketlab
