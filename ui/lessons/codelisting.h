#pragma once

#include <QStringList>
#include <QVector>

namespace socketlab {

// One line of a listing; a step points at it by its anchor, the same name in C and Python.
struct ListingLine
{
    ListingLine(const char *text) : text(QString::fromUtf8(text)) {}
    ListingLine(const char *anchor, const char *text) : anchor(anchor), text(QString::fromUtf8(text)) {}
    // A line built at run time, e.g. code with a comment translated by the lesson's tr().
    ListingLine(const QString &text) : text(text) {}
    ListingLine(const char *anchor, const QString &text) : anchor(anchor), text(text) {}

    const char *anchor = nullptr;  // null: no step points here
    QString text;
};

using ListingLines = QVector<ListingLine>;

// The equivalent calls, written for this project; code is not translated.
struct CodeListing
{
    ListingLines c;
    ListingLines python;

    // 0-based line with this anchor, -1 for none (or a null anchor).
    static int lineOf(const ListingLines &lines, const char *anchor);
    static QStringList texts(const ListingLines &lines);
    int cLine(const char *anchor) const { return lineOf(c, anchor); }
    int pythonLine(const char *anchor) const { return lineOf(python, anchor); }
};

} // namespace socketlab
