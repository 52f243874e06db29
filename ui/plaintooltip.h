#pragma once

#include <QString>

namespace socketlab {

// Qt renders every tooltip as HTML when Qt::mightBeRichText() says so, and a peer chooses what
// its bytes look like: any tooltip holding a payload, an address or an error text goes through
// here, so "<h1>" stays four characters on screen and never loads an <img>.
class PlainToolTip
{
public:
    // Longer texts end in "…" (the cell or the saved log holds all of it).
    static constexpr int kMaxChars = 1500;
    // A run without spaces longer than this gets a line-break opportunity, so one long word
    // cannot push the tooltip off screen.
    static constexpr int kMaxRun = 40;

    // The escaped text in a paragraph that keeps its spaces and wraps; empty for empty text,
    // so no empty tooltip pops up.
    static QString from(const QString &text);
};

} // namespace socketlab
