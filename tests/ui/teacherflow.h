#pragma once

// The teacher's flows of issue 18, walked by the offscreen widget test (under ASan in the
// sanitizer run) and by the real-window test (Xvfb + openbox). Each step checks that the main
// window's geometry comes back; with a window manager those changes arrive asynchronously,
// so every check waits on its condition.

#include "translations/languagemanager.h"
#include "ui/classroombanner.h"
#include "ui/connectionsmodel.h"
#include "ui/lessons/lessonwindow.h"
#include "ui/mainwindow.h"
#include "ui/serverpane.h"
#include "ui/servertoolbar.h"
#include "ui/zoomcontroller.h"

#include <QAction>
#include <QGuiApplication>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>
#include <QWindow>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace teacherflow {

using namespace socketlab;

constexpr int kWaitMs = 10000;

// "x,y wxh" for messages.
inline QString rectText(const QRect &r)
{
    return QStringLiteral("%1,%2 %3x%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

// A student's nc: a plain socket of this process connected to 127.0.0.1:port.
inline int connectStudent(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in to {};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) == 0)
        return fd;
    if (fd >= 0)
        ::close(fd);
    return -1;
}

inline int connectedRows(const MainWindow *window)
{
    const ConnectionsModel *model = window->serverPane()->connectionsModel();
    int rows = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        rows += (!model->rowAt(row).waiting && !model->rowAt(row).left) ? 1 : 0;
    return rows;
}

// Every step below ends with the window where it was, the same size.
inline void expectGeometry(const QWidget *window, const QRect &geometry, const char *step)
{
    QTRY_VERIFY2_WITH_TIMEOUT(
        window->geometry() == geometry,
        qPrintable(QStringLiteral("after %1: %2, was %3")
                       .arg(QLatin1String(step), rectText(window->geometry()), rectText(geometry))),
        kWaitMs);
}

// With a window manager: until it has framed the window again (a full-screen window has no
// frame), as a teacher's next key press comes after the window is back.
inline void settleFrame(QWidget *window)
{
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        return;
    QTRY_VERIFY_WITH_TIMEOUT(!window->windowHandle()->frameMargins().isNull(), kWaitMs);
    const QRect frame = window->frameGeometry();
    // And until the frame stays where it is for a moment.
    for (int i = 0; i < 50; ++i) {
        QTest::qWait(20);
        if (window->frameGeometry() == frame)
            break;
    }
}

inline void startOpenToTheClass(MainWindow *window)
{
    window->serverToolBar()->setExposure(ServerToolBar::Exposure::Classroom);
    // Any free port: tests run side by side.
    window->serverToolBar()->portSpin()->setValue(0);
    window->serverToolBar()->startAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->server()->isRunning(), kWaitMs);
    auto *button
        = window->serverPane()->findChild<QPushButton *>(QStringLiteral("showClassroomBanner"));
    QVERIFY(button);
    QTRY_VERIFY_WITH_TIMEOUT(button->isVisible(), kWaitMs);
}

// Show large..., then its Close (Esc): the banner filled the screen with the command large.
inline void showLargeAndClose(MainWindow *window)
{
    auto *button
        = window->serverPane()->findChild<QPushButton *>(QStringLiteral("showClassroomBanner"));
    QVERIFY(button);
    button->click();
    QPointer<ClassroomBanner> banner = window->serverPane()->classroomBanner();
    QVERIFY(banner);
    QVERIFY(QTest::qWaitForWindowExposed(banner, kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isFullScreen(), kWaitMs);
    const QRect screen = banner->screen()->geometry();
    QTRY_COMPARE_WITH_TIMEOUT(banner->size(), screen.size(), kWaitMs);
    if (!banner->commands().isEmpty()) {
        QLabel *first = nullptr;
        for (QLabel *label : banner->findChildren<QLabel *>()) {
            if (label->text() == banner->commands().constFirst())
                first = label;
        }
        QVERIFY(first);
        const int least = qMin(ClassroomBanner::kMinCommandPixels,
                               ClassroomBanner::kMinCommandPixels * screen.width() / 1024);
        QVERIFY2(QFontInfo(first->font()).pixelSize() >= least,
                 qPrintable(QString::number(QFontInfo(first->font()).pixelSize())));
    }
    QTest::keyClick(banner, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!banner || !banner->isVisible(), kWaitMs);
}

// F11 in and out: full screen, then the exact window of before.
inline void presentInAndOut(MainWindow *window, const QRect &geometry)
{
    window->activateWindow();
    window->findChild<QAction *>(QStringLiteral("presentation"), Qt::FindDirectChildrenOnly)
        ->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window->zoom()->isPresenting(window), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(window->size(), window->screen()->geometry().size(), kWaitMs);
    window->findChild<QAction *>(QStringLiteral("presentation"), Qt::FindDirectChildrenOnly)
        ->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window->zoom()->isPresenting(window) && !window->isFullScreen(),
                             kWaitMs);
    expectGeometry(window, geometry, "F11 out");
    settleFrame(window);
}

inline void zoomThreeStepsAndBack(MainWindow *window, const QRect &geometry)
{
    const int percent = window->zoom()->percent();
    for (int i = 0; i < 3; ++i)
        window->zoom()->zoomIn();
    QTest::qWait(50); // lets the posted font and layout events run; the checks wait below
    for (int i = 0; i < 3; ++i)
        window->zoom()->zoomOut();
    QCOMPARE(window->zoom()->percent(), percent);
    expectGeometry(window, geometry, "zoom +3 and back");
}

inline void lessonsPresentInAndOut(MainWindow *window)
{
    window->showLessons();
    QPointer<LessonWindow> lessons = window->lessonWindow();
    QVERIFY(lessons);
    QVERIFY(QTest::qWaitForWindowExposed(lessons, kWaitMs));
    QTest::qWait(50);
    const QRect geometry = lessons->geometry();
    lessons->setPresentationMode(true);
    QTRY_VERIFY_WITH_TIMEOUT(lessons->isFullScreen(), kWaitMs);
    lessons->setPresentationMode(false);
    QTRY_VERIFY_WITH_TIMEOUT(!lessons->isFullScreen(), kWaitMs);
    expectGeometry(lessons, geometry, "the lessons' F11 out");
    lessons->close();
    QTRY_VERIFY_WITH_TIMEOUT(!lessons, kWaitMs);
}

inline void switchLanguage(MainWindow *window, const QRect &geometry)
{
    QAction *start = window->serverToolBar()->startAction();
    const QString english = start->text();
    window->setLanguage(QStringLiteral("pt_BR"));
    QTRY_VERIFY_WITH_TIMEOUT(start->text() != english, kWaitMs);
    window->setLanguage(QStringLiteral("en"));
    QTRY_COMPARE_WITH_TIMEOUT(start->text(), english, kWaitMs);
    expectGeometry(window, geometry, "English → Português → English");
}

// Stop with three students connected: the status bar says they were cut off.
inline void stopWithClients(MainWindow *window, const QRect &geometry)
{
    const quint16 port = window->session()->server()->localPort();
    QList<int> students;
    for (int i = 0; i < 3; ++i) {
        const int fd = connectStudent(port);
        QVERIFY(fd >= 0);
        students << fd;
    }
    QTRY_COMPARE_WITH_TIMEOUT(connectedRows(window), 3, kWaitMs);
    window->serverToolBar()->stopAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window->session()->server()->isRunning(), kWaitMs);
    const QString said = window->statusBar()->currentMessage();
    QVERIFY2(said.contains(QLatin1String("3")) && said.contains(QLatin1String("cut off")),
             qPrintable(said));
    for (int fd : std::as_const(students))
        ::close(fd);
    expectGeometry(window, geometry, "Stop with clients");
}

} // namespace teacherflow
