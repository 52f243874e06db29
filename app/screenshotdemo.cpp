#include "app/screenshotdemo.h"

#include "ui/clientpane.h"
#include "ui/clienttabs.h"
#include "ui/eventlistmodel.h"
#include "ui/mainwindow.h"
#include "ui/serverpane.h"
#include "ui/servertoolbar.h"

#include <QPixmap>
#include <QSpinBox>
#include <QTimer>

namespace socketlab {

namespace {
constexpr int kPollMs = 50;
constexpr int kMaxPolls = 100;  // five seconds
} // namespace

ScreenshotDemo::ScreenshotDemo(MainWindow *window, const QString &path, QObject *parent)
    : QObject(parent), m_window(window), m_path(path)
{
}

void ScreenshotDemo::start()
{
    // The default lab: TCP, a thread per connection, port 5000 (any port if that one is busy).
    if (!m_window->startServer()) {
        m_window->serverToolBar()->portSpin()->setValue(0);
        if (!m_window->startServer()) {
            emit finished(false);
            return;
        }
    }
    ClientTabs *tabs = m_window->clientTabs();
    while (tabs->count() < 2)
        tabs->addClient();
    tabs->pane(0)->sendMessage(tr("Hello, server!"));
    tabs->pane(1)->sendMessage(tr("Hello from client 2"));
    tabs->pane(0)->sendBurst();
    tabs->setCurrentIndex(0);
    QTimer::singleShot(kPollMs, this, &ScreenshotDemo::poll);
}

void ScreenshotDemo::poll()
{
    const EventListModel *log = m_window->serverPane()->logModel();
    int messages = 0;
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->eventAt(row).kind == EventKind::Data)
            ++messages;
    }
    ClientPane *first = m_window->clientTabs()->pane(0);
    const bool echoed = first->historyCount() >= 2;
    if ((messages >= 2 && echoed) || ++m_polls >= kMaxPolls) {
        // One more moment so the last batch is painted and the call trace settles.
        QTimer::singleShot(300, this, &ScreenshotDemo::capture);
        return;
    }
    QTimer::singleShot(kPollMs, this, &ScreenshotDemo::poll);
}

void ScreenshotDemo::capture()
{
    const bool ok = m_window->grab().save(m_path, "PNG");
    emit finished(ok);
}

} // namespace socketlab
