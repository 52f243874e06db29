#pragma once

#include <QDockWidget>

class QAction;
class QMainWindow;

namespace socketlab {

class LabSession;
class ProgramPane;

// The program pane as a dock of the main window, beside the client panes, with the window's
// "Run a program…" action: hidden until a program is chosen.
class ProgramDock : public QDockWidget
{
    Q_OBJECT

public:
    ProgramDock(LabSession *session, QMainWindow *window);

    // Places the dock beside the clients' dock (hidden until used).
    void placeBeside(QDockWidget *clients);
    ProgramPane *pane() const { return m_pane; }
    QAction *runAction() const { return m_runAction; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void choose();

    QMainWindow *m_window;
    ProgramPane *m_pane;
    QAction *m_runAction;
};

} // namespace socketlab
