#include "ui/programdock.h"

#include "ui/programpane.h"

#include <QAction>
#include <QEvent>
#include <QMainWindow>

namespace socketlab {

ProgramDock::ProgramDock(LabSession *session, QMainWindow *window)
    : QDockWidget(window),
      m_window(window),
      m_pane(new ProgramPane(session, this)),
      m_runAction(new QAction(window))
{
    setObjectName(QStringLiteral("programDock"));
    setWidget(m_pane);
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                | QDockWidget::DockWidgetClosable);
    m_runAction->setObjectName(QStringLiteral("runProgram"));
    m_runAction->setIcon(QIcon(QStringLiteral(":/icons/run-program.svg")));
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    window->addAction(m_runAction);
    connect(m_runAction, &QAction::triggered, this, &ProgramDock::choose);
    retranslateUi();
}

void ProgramDock::placeBeside(QDockWidget *clients)
{
    m_window->addDockWidget(Qt::BottomDockWidgetArea, this);
    m_window->splitDockWidget(clients, this, Qt::Horizontal);
    hide();
}

void ProgramDock::choose()
{
    show();
    raise();
    m_pane->chooseProgram();
}

void ProgramDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDockWidget::changeEvent(event);
}

void ProgramDock::retranslateUi()
{
    setWindowTitle(tr("Program"));
    m_runAction->setText(tr("&Run a program..."));
    m_runAction->setIconText(tr("Run a program"));
    m_runAction->setToolTip(
        tr("Runs a program (the recipe's, or your own) and traces its socket calls (Ctrl+R)"));
}

} // namespace socketlab
