#include "ui/lessons/codelisting.h"

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

QStringList CodeListing::texts(const ListingLines &lines)
{
    QStringList texts;
    for (const ListingLine &line : lines)
        texts << line.text;
    return texts;
}

} // namespace socketlab
