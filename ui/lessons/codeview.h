#pragma once

#include "lessons/codelisting.h"

#include <QTabWidget>

class QPlainTextEdit;

namespace socketlab {

// The step's equivalent calls in C and in Python 3, with the line being executed highlighted.
class CodeView : public QTabWidget
{
    Q_OBJECT

public:
    explicit CodeView(QWidget *parent = nullptr);

    void setListing(const CodeListing &listing);
    // Highlights the line with this anchor in both languages (none for a null anchor).
    void setCurrentAnchor(const char *anchor);
    // The width this view needs to show its longest line, C or Python, without scrolling.
    int listingWidth() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    static void highlight(QPlainTextEdit *editor, int line);

    QPlainTextEdit *m_c;
    QPlainTextEdit *m_python;
    CodeListing m_listing;
};

} // namespace socketlab
