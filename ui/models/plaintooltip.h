#pragma once

#include <QString>

namespace socketlab {

// Qt renders a tooltip as HTML whenever Qt::mightBeRichText() says so, and a peer chooses what
// its bytes look like: every tooltip holding a payload, an address or an error text goes
// through here, so "<h1>" stays four characters on screen and no <img> is ever loaded.
class PlainToolTip
{
public:
    // Longer texts end in "…" (the cell and the saved log hold all of it).
    static constexpr int kMaxChars = 1500;
    // A run without spaces longer than this gets a line-break opportunity, so one long word
    // cannot push the tooltip off screen.
    static constexpr int kMaxRun = 40;
    // Up to this many characters an escaped tooltip stays on one line.
    static constexpr int kOneLineChars = 80;

    // A short text that Qt would show as it is stays as it is; any other (markup, or longer
    // than kOneLineChars, which Qt would leave on one line as wide as the screen) is escaped
    // inside markup of our own that wraps. Empty for empty text, so no empty tooltip pops up.
    static QString from(const QString &text);
    // Breaks a long text into lines of at most about `width` characters at spaces (Qt shows a
    // plain tooltip as one line however long): for explanations that run to a paragraph.
    static QString wrapped(const QString &text, int width = kOneLineChars);
};

} // namespace socketlab
