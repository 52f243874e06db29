// The teacher's flows in a real window on an X server with a window manager (openbox), run by
// run-in-window-manager.sh: the window manager maps, frames and resizes windows when it
// chooses, which the offscreen platform never does (issue 18's crash needed it).

#include "teacherflow.h"

#include <QGuiApplication>
#include <QSettings>
#include <QTemporaryDir>

using namespace socketlab;
using namespace teacherflow;

class TestRealWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void opensInsideTheScreen();
    void teacherFlows();

private:
    // Stops the test function when a step failed.
    bool failed() const { return QTest::currentTestFailed(); }

    QTemporaryDir m_settingsDir;
    LanguageManager *m_language = nullptr;
    MainWindow *m_window = nullptr;
};

void TestRealWindow::initTestCase()
{
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        QSKIP("needs an X server with a window manager: run it through run-in-window-manager.sh");
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    m_language = new LanguageManager(this);
    m_language->setLanguage(QStringLiteral("en"));
    m_window = new MainWindow(m_language);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window, kWaitMs));
    // The window manager frames the window when it gets to it.
    QTRY_VERIFY2_WITH_TIMEOUT(!m_window->windowHandle()->frameMargins().isNull(),
                              "no window manager framed the window (is openbox running?)", kWaitMs);
}

void TestRealWindow::cleanupTestCase()
{
    delete m_window;
}

// The title bar and the status bar both on screen (a 1024x768 client area put the status
// bar below a 1024x768 screen).
void TestRealWindow::opensInsideTheScreen()
{
    const QRect available = m_window->screen()->availableGeometry();
    QTRY_VERIFY2_WITH_TIMEOUT(
        available.contains(m_window->frameGeometry()),
        qPrintable(QStringLiteral("frame %1 outside %2")
                       .arg(rectText(m_window->frameGeometry()), rectText(available))),
        kWaitMs);
    const QRect statusBar(m_window->statusBar()->mapToGlobal(QPoint(0, 0)),
                          m_window->statusBar()->size());
    QVERIFY2(available.contains(statusBar), qPrintable(rectText(statusBar)));
}

void TestRealWindow::teacherFlows()
{
    QTest::qWait(100);
    const QRect geometry = m_window->geometry();
    startOpenToTheClass(m_window);
    if (failed())
        return;
    showLargeAndClose(m_window);
    if (failed())
        return;
    expectGeometry(m_window, geometry, "Show large and Close");
    // Twice: the crash came when leaving presentation mode after the banner.
    for (int i = 0; i < 2 && !failed(); ++i)
        presentInAndOut(m_window, geometry);
    if (failed())
        return;
    zoomThreeStepsAndBack(m_window, geometry);
    if (failed())
        return;
    lessonsPresentInAndOut(m_window);
    if (failed())
        return;
    switchLanguage(m_window, geometry);
    if (failed())
        return;
    stopWithClients(m_window, geometry);
}

QTEST_MAIN(TestRealWindow)
#include "tst_ui_realwindow.moc"
