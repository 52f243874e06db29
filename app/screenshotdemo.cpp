#include "app/screenshotdemo.h"

#include "ui/clientpane.h"
#include "ui/clientpanes.h"
#include "ui/lessons/lessonwindow.h"
#include "ui/mainwindow.h"
#include "ui/models/eventlistmodel.h"
#include "ui/serverpane.h"
#include "ui/servertoolbar.h"
#include "ui/zoomcontroller.h"

#include <QPixmap>
#include <QScreen>
#include <QSpinBox>
#include <QTimer>

namespace socketlab {

namespace {
constexpr int kPollMs = 50;
constexpr int kMaxPolls = 200; // ten seconds
} // namespace

ScreenshotDemo::ScreenshotDemo(MainWindow *window, const Options &options, QObject *parent)
    : QObject(parent),
      m_window(window),
      m_options(options)
{
}

void ScreenshotDemo::start()
{
    m_window->zoom()->setPercent(m_options.zoom);
    if (m_options.lesson > 0 || m_options.everyStep) {
        m_window->showLessons();
        LessonWindow *lessons = m_window->lessonWindow();
        lessons->resize(m_window->size());
        lessons->openLesson(qMax(0, m_options.lesson - 1));
        if (m_options.lessonSwitchOn)
            lessons->controller()->setSwitchOn(true);
        if (m_options.presentation)
            lessons->setPresentationMode(true);
        if (m_options.everyStep)
            QTimer::singleShot(kPollMs, this, &ScreenshotDemo::pollEveryStep);
        else
            QTimer::singleShot(kPollMs, this, &ScreenshotDemo::pollLesson);
        return;
    }
    // The default lab: TCP, a thread per connection, port 5000 (any port if that one is busy).
    if (!m_window->startServer()) {
        m_window->serverToolBar()->portSpin()->setValue(0);
        if (!m_window->startServer()) {
            emit finished(false);
            return;
        }
    }
    if (m_options.presentation)
        m_window->setPresentationMode(true);
    ClientPanes *panes = m_window->clientPanes();
    while (panes->count() < m_options.clients)
        panes->addClient();
    const QStringList messages = {tr("Hello, server!"), tr("Hello from client 2"),
                                  tr("Is anyone there?"), tr("Client 4 says hi")};
    for (int i = 0; i < panes->count(); ++i)
        panes->pane(i)->sendMessage(messages.value(i, messages.constLast()));
    panes->pane(0)->sendBurst();
    panes->setCurrentIndex(0);
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
    ClientPane *first = m_window->clientPanes()->pane(0);
    const bool echoed = first->historyCount() >= 2;
    if ((messages >= m_window->clientPanes()->count() && echoed) || ++m_polls >= kMaxPolls) {
        // One more moment so the last batch is painted and the call trace settles.
        QTimer::singleShot(400, this, [this] { capture(m_window); });
        return;
    }
    QTimer::singleShot(kPollMs, this, &ScreenshotDemo::poll);
}

void ScreenshotDemo::pollLesson()
{
    LessonWindow *lessons = m_window->lessonWindow();
    LessonController *controller = lessons->controller();
    if (++m_polls >= kMaxPolls) {
        capture(lessons);
        return;
    }
    if (controller->isSettled()) {
        if (controller->currentStep() + 1 >= m_options.lessonStep || !controller->canGoNext()) {
            QTimer::singleShot(400, this, [this, lessons] { capture(lessons); });
            return;
        }
        controller->next();
    }
    QTimer::singleShot(kPollMs, this, &ScreenshotDemo::pollLesson);
}

void ScreenshotDemo::pollEveryStep()
{
    if (m_window->lessonWindow()->controller()->isSettled() || ++m_polls >= kMaxPolls) {
        // One more moment for the process view's next refresh.
        QTimer::singleShot(400, this, &ScreenshotDemo::captureStep);
        return;
    }
    QTimer::singleShot(kPollMs, this, &ScreenshotDemo::pollEveryStep);
}

void ScreenshotDemo::captureStep()
{
    LessonWindow *lessons = m_window->lessonWindow();
    LessonController *controller = lessons->controller();
    const QString file = QStringLiteral("%1/lesson%2-step%3.png")
                             .arg(m_options.path)
                             .arg(controller->currentLesson() + 1)
                             .arg(controller->currentStep() + 1);
    if (!lessons->grab().save(file, "PNG")) {
        emit finished(false);
        return;
    }
    m_polls = 0;
    if (controller->canGoNext()) {
        controller->next();
    } else if (m_options.lesson == 0
               && controller->currentLesson() + 1 < controller->lessonCount()) {
        lessons->openLesson(controller->currentLesson() + 1);
    } else {
        emit finished(true);
        return;
    }
    QTimer::singleShot(kPollMs, this, &ScreenshotDemo::pollEveryStep);
}

void ScreenshotDemo::capture(QWidget *widget)
{
    const bool ok = widget->grab().save(m_options.path, "PNG");
    emit finished(ok);
}

} // namespace socketlab
