#pragma once

#include "ui/lessons/lessonstep.h"

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
    void setCurrentLines(int cLine, int pythonLine);

private:
    static void highlight(QPlainTextEdit *editor, int line);

    QPlainTextEdit *m_c;
    QPlainTextEdit *m_python;
};

} // namespace socketlab
