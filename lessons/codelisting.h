#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace socketlab {

// One line of a listing: code, never translated, and an optional comment that the lesson
// translates when it builds the listing (tr() at build time; a language switch builds again).
// Write a comment only as the comment argument, never inside the code string
// (tst_lesson_listings checks that, and that Portuguese leaves no English comment):
//   {"accept", "  c = accept(s, NULL, NULL);"}           code, with the anchor a step names
//   {"  close(c);", tr("parent")}                         code and its comment
//   {"close", "close(c);", tr("the server closes first")} anchor, code and comment
//   ListingLine::commentLine(tr("when a child ends:"))    a comment on a line of its own
// CodeListing::texts() writes the comment in the listing's language (C: /* parent */,
// Python: # parent), trailing comments lined up in one column after the longest commented
// code, so anchors (which name lines, not texts) keep working in every language.
struct ListingLine
{
    ListingLine(const char *code)
        : code(QString::fromUtf8(code))
    {
    }
    ListingLine(const char *anchor, const char *code)
        : anchor(anchor),
          code(QString::fromUtf8(code))
    {
    }
    ListingLine(const char *code, const QString &comment)
        : code(QString::fromUtf8(code)),
          comment(comment)
    {
    }
    ListingLine(const char *anchor, const char *code, const QString &comment)
        : anchor(anchor),
          code(QString::fromUtf8(code)),
          comment(comment)
    {
    }
    static ListingLine commentLine(const QString &comment) { return ListingLine("", comment); }

    const char *anchor = nullptr; // null: no step points here
    QString code;
    QString comment; // translated; empty for none
};

using ListingLines = QVector<ListingLine>;

// The equivalent calls, written for this project; code is not translated, comments are.
struct CodeListing
{
    enum class Language { C, Python };

    ListingLines c;
    ListingLines python;

    // 0-based line with this anchor, -1 for none (or a null anchor).
    static int lineOf(const ListingLines &lines, const char *anchor);
    // The lines as shown: code and comment in the language's comment syntax.
    static QStringList texts(const ListingLines &lines, Language language);
    QStringList cTexts() const { return texts(c, Language::C); }
    QStringList pythonTexts() const { return texts(python, Language::Python); }
    int cLine(const char *anchor) const { return lineOf(c, anchor); }
    int pythonLine(const char *anchor) const { return lineOf(python, anchor); }
};

} // namespace socketlab
