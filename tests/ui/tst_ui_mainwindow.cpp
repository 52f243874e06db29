#include "ui/callsequencewidget.h"
#include "ui/clientpane.h"
#include "ui/clientpanes.h"
#include "ui/connectionsmodel.h"
#include "ui/lessons/lessonwindow.h"
#include "ui/logexporter.h"
#include "ui/mainwindow.h"
#include "ui/models/colorpalette.h"
#include "ui/models/eventlistmodel.h"
#include "ui/serverpane.h"
#include "ui/servertoolbar.h"

#include <QAbstractButton>
#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "teacherflow.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace socketlab;

namespace {
constexpr int kTimeoutMs = 5000;

// Like nc: a socket of this process that is no pane of the window, connected to port;
// -1 when it could not connect.
int connectLikeNc(quint16 port)
{
    return teacherflow::connectStudent(port);
}

QList<SocketEvent> rowsOf(const EventListModel *model, EventKind kind)
{
    QList<SocketEvent> rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->eventAt(row).kind == kind)
            rows << model->eventAt(row);
    }
    return rows;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void teacherFlowsSurvive();
    void forkServerServesTwoClientPanes();
    void pollServerServesTwoClientPanesFromOneThread();
    void studentRowsAreNoPanes();
    void iterativeSecondClientWaitsInTheBacklog();
    void studentGetsLabelAndColourOfItsOwn();
    void udpDisablesConcurrencyToggles();
    void iterativeServerIsBlockedInRecv();
    void stopWithClientsConnected();
    void saveLogWritesTheTable();
    void languageSwitchKeepsTheWindow();
    void portugueseLeavesNoEnglishText();
    void lessonsMenuOpensTheLessons();
    void mnemonicsAreUnique_data();
    void mnemonicsAreUnique();

private:
    void startServer(Protocol protocol, Concurrency concurrency);

    QTemporaryDir m_settingsDir;
    MainWindow *m_window = nullptr;
};

void TestMainWindow::initTestCase()
{
    // Tests never touch the user's settings.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestMainWindow::init()
{
    m_window = new MainWindow;
    m_window->show();
}

void TestMainWindow::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

// Issue 18's crash (Show large, Close, F11, F11) and the rest of the teacher's flows; this
// run is offscreen (and under ASan in the sanitizer build), tst_ui_realwindow the same with a
// window manager.
void TestMainWindow::teacherFlowsSurvive()
{
    m_window->resize(1024, 768);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QTest::qWait(20);
    const QRect geometry = m_window->geometry();
    teacherflow::startOpenToTheClass(m_window);
    if (QTest::currentTestFailed())
        return;
    for (int round = 0; round < 2 && !QTest::currentTestFailed(); ++round) {
        teacherflow::showLargeAndClose(m_window);
        for (int i = 0; i < 2 && !QTest::currentTestFailed(); ++i)
            teacherflow::presentInAndOut(m_window, geometry);
    }
    if (QTest::currentTestFailed())
        return;
    teacherflow::zoomThreeStepsAndBack(m_window, geometry);
    if (QTest::currentTestFailed())
        return;
    teacherflow::lessonsPresentInAndOut(m_window);
    if (QTest::currentTestFailed())
        return;
    teacherflow::switchLanguage(m_window, geometry);
    if (QTest::currentTestFailed())
        return;
    teacherflow::stopWithClients(m_window, geometry);
}

void TestMainWindow::startServer(Protocol protocol, Concurrency concurrency)
{
    ServerToolBar *bar = m_window->serverToolBar();
    (protocol == Protocol::Udp ? bar->udpAction() : bar->tcpAction())->trigger();
    if (protocol == Protocol::Tcp) {
        QAction *mode = concurrency == Concurrency::Fork ? bar->forkAction()
            : concurrency == Concurrency::Iterative      ? bar->iterativeAction()
            : concurrency == Concurrency::Poll           ? bar->pollAction()
                                                         : bar->threadAction();
        mode->trigger();
    }
    bar->portSpin()->setValue(0); // any free port
    bar->startAction()->trigger();
    QVERIFY2(m_window->session()->server()->isRunning(),
             qPrintable(m_window->session()->server()->errorString()));
    QVERIFY(!bar->startAction()->isEnabled());
    QVERIFY(bar->stopAction()->isEnabled());
    QVERIFY(m_window->session()->server()->localPort() != 0);
}

void TestMainWindow::forkServerServesTwoClientPanes()
{
    startServer(Protocol::Tcp, Concurrency::Fork);
    QCOMPARE(m_window->session()->server()->config().concurrency, Concurrency::Fork);
    ClientPanes *tabs = m_window->clientPanes();
    ClientPane *first = tabs->pane(0);
    ClientPane *second = tabs->addClient();
    QCOMPARE(tabs->count(), 2);
    // Panes follow the server's real port.
    QCOMPARE(first->port(), m_window->session()->server()->localPort());
    QCOMPARE(second->port(), m_window->session()->server()->localPort());

    // Typed and sent with Enter, as a user would.
    auto *line = first->findChild<QLineEdit *>(QStringLiteral("message"));
    QTest::keyClicks(line, QStringLiteral("from one"));
    QTest::keyClick(line, Qt::Key_Return);
    QVERIFY(line->text().isEmpty());
    second->sendMessage(QStringLiteral("from two"));

    const EventListModel *log = m_window->serverPane()->logModel();
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(log, EventKind::Data).size(), 2, kTimeoutMs);
    const QList<SocketEvent> data = rowsOf(log, EventKind::Data);
    QSet<QString> peers;
    QSet<qint64> pids;
    QSet<QByteArray> payloads;
    for (const SocketEvent &event : data) {
        QCOMPARE(event.handler, HandlerKind::Process);
        peers << event.peer;
        pids << event.pid;
        payloads << event.payload;
    }
    QCOMPARE(peers.size(), 2);
    QCOMPARE(pids.size(), 2);
    QVERIFY(!pids.contains(QCoreApplication::applicationPid()));
    QCOMPARE(payloads, QSet<QByteArray>({"from one", "from two"}));
    // The log's client addresses are the panes' own ephemeral addresses.
    QTRY_VERIFY_WITH_TIMEOUT(!first->localAddress().isEmpty() && !second->localAddress().isEmpty(),
                             kTimeoutMs);
    QCOMPARE(peers, QSet<QString>({first->localAddress(), second->localAddress()}));
    // The client address column shows it, the handler column names the child.
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->eventAt(row).kind != EventKind::Data)
            continue;
        QCOMPARE(log->index(row, EventListModel::ClientColumn).data().toString(),
                 log->eventAt(row).peer);
        QVERIFY(log->index(row, EventListModel::HandlerColumn)
                    .data()
                    .toString()
                    .contains(QString::number(log->eventAt(row).pid)));
    }
    // Echo is on by default: each pane's history shows what it sent and got back.
    QTRY_COMPARE_WITH_TIMEOUT(second->historyCount(), 2, kTimeoutMs);
    QCOMPARE(m_window->serverPane()->connectionsModel()->rowCount(), 2);
    QCOMPARE(m_window->session()->server()->totals().messages, qint64(2));
    QVERIFY(m_window->findChild<CallSequenceWidget *>(QStringLiteral("callSequence"))
                ->currentServerStep()
            > 0);
    QVERIFY(m_window->findChild<CallSequenceWidget *>(QStringLiteral("callSequence"))
                ->currentClientStep()
            >= 5);
}

// The Poll toggle: both panes served by the server's one thread, which the status names.
void TestMainWindow::pollServerServesTwoClientPanesFromOneThread()
{
    ServerToolBar *bar = m_window->serverToolBar();
    QVERIFY(bar->pollAction()->toolTip().contains(QStringLiteral("poll()")));
    startServer(Protocol::Tcp, Concurrency::Poll);
    QCOMPARE(m_window->session()->server()->config().concurrency, Concurrency::Poll);
    QVERIFY2(m_window->serverPane()->statusText().contains(QStringLiteral("poll()")),
             qPrintable(m_window->serverPane()->statusText()));
    ClientPanes *tabs = m_window->clientPanes();
    ClientPane *first = tabs->pane(0);
    ClientPane *second = tabs->addClient();
    first->sendMessage(QStringLiteral("from one"));
    second->sendMessage(QStringLiteral("from two"));
    const EventListModel *log = m_window->serverPane()->logModel();
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(log, EventKind::Data).size(), 2, kTimeoutMs);
    QSet<qint64> tids;
    for (const SocketEvent &event : rowsOf(log, EventKind::Data)) {
        QCOMPARE(event.handler, HandlerKind::Main);
        tids << event.tid;
    }
    QCOMPARE(tids.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(second->historyCount(), 2, kTimeoutMs); // echoed
}

void TestMainWindow::studentRowsAreNoPanes()
{
    startServer(Protocol::Tcp, Concurrency::Thread);
    ClientPane *pane = m_window->clientPanes()->pane(0);
    pane->sendMessage(QStringLiteral("from the pane"));
    const int student = connectLikeNc(m_window->session()->server()->localPort());
    QVERIFY(student >= 0);
    QCOMPARE(::send(student, "from a student", 14, MSG_NOSIGNAL), ssize_t(14));
    const EventListModel *log = m_window->serverPane()->logModel();
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(log, EventKind::Data).size(), 2, kTimeoutMs);
    QVariant paneTint;
    QVariant studentTint;
    for (int row = 0; row < log->rowCount(); ++row) {
        const SocketEvent &event = log->eventAt(row);
        if (event.kind != EventKind::Data)
            continue;
        const QVariant tint
            = log->index(row, EventListModel::MessageColumn).data(Qt::BackgroundRole);
        if (event.payload == "from a student") {
            QVERIFY(event.isStudent());
            studentTint = tint;
        } else {
            QCOMPARE(quint64(event.clientId), pane->id());
            paneTint = tint;
        }
    }
    QVERIFY(studentTint.isValid() && paneTint.isValid());
    QVERIFY(studentTint != paneTint);
    ::close(student);
}

// Iterative mode at the projector's size: the second client shows as a grey backlog row the
// moment it connects, and as a served row once the first one leaves.
void TestMainWindow::iterativeSecondClientWaitsInTheBacklog()
{
    m_window->resize(1024, 768);
    startServer(Protocol::Tcp, Concurrency::Iterative);
    ClientPanes *tabs = m_window->clientPanes();
    ClientPane *first = tabs->pane(0);
    ClientPane *second = tabs->addClient();
    const ConnectionsModel *model = m_window->serverPane()->connectionsModel();
    first->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kTimeoutMs);
    second->connectToServer();
    auto rowOf = [model](const QString &peer) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->rowAt(row).first.peer == peer)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!second->localAddress().isEmpty(), kTimeoutMs);
    const QString waiting = second->localAddress();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(waiting) >= 0, kTimeoutMs);
    int row = rowOf(waiting);
    QVERIFY(model->rowAt(row).waiting);
    QCOMPARE(model->index(row, ConnectionsModel::HandlerColumn).data().toString(),
             QStringLiteral("waiting in the backlog (not accepted yet)"));
    QCOMPARE(model->index(row, ConnectionsModel::StateColumn).data().toString(),
             QStringLiteral("ESTABLISHED"));
    const QColor grey = model->index(row, ConnectionsModel::ClientColumn)
                            .data(Qt::BackgroundRole)
                            .value<QColor>();
    QCOMPARE(grey.saturation(), 0);
    // A pane of this window, not a student.
    QTRY_COMPARE_WITH_TIMEOUT(
        model->index(rowOf(waiting), ConnectionsModel::ClientColumn).data().toString(), waiting,
        kTimeoutMs);
    auto *acceptQueue = m_window->findChild<QLabel *>(QStringLiteral("acceptQueue"));
    QVERIFY(acceptQueue);
    QTRY_VERIFY_WITH_TIMEOUT(acceptQueue->text().startsWith(QStringLiteral("accept queue 1 of ")),
                             kTimeoutMs);
    QVERIFY(acceptQueue->toolTip().contains(QStringLiteral("backlog + 1")));

    const QString firstAddress = first->localAddress();
    first->disconnectFromServer();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(waiting) >= 0 && !model->rowAt(rowOf(waiting)).waiting,
                             kTimeoutMs);
    // The first client closed first: its row stays, in TIME_WAIT with the kernel's countdown.
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(firstAddress) >= 0
                                 && model->index(rowOf(firstAddress), ConnectionsModel::StateColumn)
                                        .data()
                                        .toString()
                                        .startsWith(QStringLiteral("TIME_WAIT ")),
                             kTimeoutMs);
    QCOMPARE(model->index(rowOf(firstAddress), ConnectionsModel::HandlerColumn).data().toString(),
             QStringLiteral("left: the client closed first"));
    row = rowOf(waiting);
    QVERIFY(model->rowAt(row).id != 0);
    QVERIFY(model->index(row, ConnectionsModel::HandlerColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("pid ")));
    QCOMPARE(
        model->index(row, ConnectionsModel::ClientColumn).data(Qt::BackgroundRole).value<QColor>(),
        ColorPalette::tint(second->id()));
    QTRY_VERIFY_WITH_TIMEOUT(acceptQueue->text().startsWith(QStringLiteral("accept queue 0 of ")),
                             kTimeoutMs);
}

// A peer like nc (a raw socket, no pane): "Student ADDRESS" in the table and the log, in a
// colour none of the panes has.
void TestMainWindow::studentGetsLabelAndColourOfItsOwn()
{
    m_window->resize(1024, 768);
    startServer(Protocol::Tcp, Concurrency::Thread);
    const int student = connectLikeNc(m_window->session()->server()->localPort());
    QVERIFY(student >= 0);
    QCOMPARE(::send(student, "from nc", 7, MSG_NOSIGNAL), ssize_t(7));
    sockaddr_in local {};
    socklen_t length = sizeof local;
    ::getsockname(student, reinterpret_cast<sockaddr *>(&local), &length);
    const QString label = QStringLiteral("Student 1 (127.0.0.1:%1)").arg(ntohs(local.sin_port));
    const ConnectionsModel *model = m_window->serverPane()->connectionsModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kTimeoutMs);
    QCOMPARE(model->index(0, ConnectionsModel::ClientColumn).data().toString(), label);
    QSet<QRgb> paneColours;
    for (quint64 id = 1; id <= 7; ++id)
        paneColours << ColorPalette::strong(id).rgb();
    const QColor swatch
        = model->index(0, ConnectionsModel::ClientColumn).data(Qt::DecorationRole).value<QColor>();
    QVERIFY(swatch.isValid());
    QVERIFY(!paneColours.contains(swatch.rgb()));
    const EventListModel *log = m_window->serverPane()->logModel();
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(log, EventKind::Data).size(), 1, kTimeoutMs);
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->eventAt(row).kind == EventKind::Data)
            QCOMPARE(log->index(row, EventListModel::ClientColumn).data().toString(), label);
    }
    ::close(student);
}

void TestMainWindow::udpDisablesConcurrencyToggles()
{
    ServerToolBar *bar = m_window->serverToolBar();
    QVERIFY(bar->forkAction()->isEnabled());
    bar->udpAction()->trigger();
    for (QAction *action :
         {bar->iterativeAction(), bar->forkAction(), bar->threadAction(), bar->pollAction()}) {
        QVERIFY(!action->isEnabled());
        QVERIFY2(action->toolTip().contains(QStringLiteral("UDP")), qPrintable(action->toolTip()));
    }
    QCOMPARE(m_window->clientPanes()->pane(0)->protocol(), Protocol::Udp);

    startServer(Protocol::Udp, Concurrency::Thread);
    QVERIFY(m_window->serverPane()->statusText().contains(QStringLiteral("recvfrom()")));
    ClientPane *pane = m_window->clientPanes()->pane(0);
    pane->sendBurst();
    const EventListModel *log = m_window->serverPane()->logModel();
    // Datagrams keep their boundaries: three sends, three messages.
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(log, EventKind::Data).size(), 3, kTimeoutMs);
    // An unconnected UDP socket is bound to 0.0.0.0: the port is what matches.
    const QString peer = rowsOf(log, EventKind::Data).first().peer;
    QCOMPARE(peer.section(QLatin1Char(':'), -1),
             pane->localAddress().section(QLatin1Char(':'), -1));
    QCOMPARE(log->colorIdFor(rowsOf(log, EventKind::Data).first()), pane->id());
    m_window->serverToolBar()->stopAction()->trigger();
    bar->tcpAction()->trigger();
    QVERIFY(bar->forkAction()->isEnabled());
}

void TestMainWindow::iterativeServerIsBlockedInRecv()
{
    startServer(Protocol::Tcp, Concurrency::Iterative);
    ServerPane *pane = m_window->serverPane();
    QVERIFY(pane->statusText().contains(QStringLiteral("accept()")));
    ClientPane *client = m_window->clientPanes()->pane(0);
    client->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(pane->statusText().contains(QStringLiteral("recv()")), kTimeoutMs);
    client->disconnectFromServer();
    QTRY_VERIFY_WITH_TIMEOUT(pane->statusText().contains(QStringLiteral("accept()")), kTimeoutMs);
    QCOMPARE(m_window->findChild<CallSequenceWidget *>(QStringLiteral("callSequence"))
                 ->currentServerStep(),
             8);
}

void TestMainWindow::stopWithClientsConnected()
{
    startServer(Protocol::Tcp, Concurrency::Thread);
    ClientPanes *tabs = m_window->clientPanes();
    tabs->addClient();
    tabs->addClient();
    for (ClientPane *pane : tabs->panes())
        pane->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->serverPane()->connectionsModel()->rowCount(), 3,
                              kTimeoutMs);

    QElapsedTimer clock;
    clock.start();
    m_window->serverToolBar()->stopAction()->trigger();
    // A hang, not speed: the bound is far above the few milliseconds Stop takes.
    QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!m_window->session()->server()->isRunning());
    QVERIFY(m_window->serverToolBar()->startAction()->isEnabled());
    QCOMPARE(m_window->serverPane()->connectionsModel()->rowCount(), 0);
    QVERIFY(m_window->serverPane()->statusText().contains(QStringLiteral("stopped")));
    // The clients notice the server closed their connections.
    for (ClientPane *pane : tabs->panes())
        QTRY_COMPARE_WITH_TIMEOUT(pane->client()->state(), Client::State::Unconnected, kTimeoutMs);
    QCOMPARE(m_window->session()->server()->totals().connections, qint64(3));
}

void TestMainWindow::saveLogWritesTheTable()
{
    startServer(Protocol::Tcp, Concurrency::Thread);
    m_window->clientPanes()->pane(0)->sendMessage(QStringLiteral("a, \"quoted\" message"));
    const EventListModel *log = m_window->serverPane()->logModel();
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(log, EventKind::Data).size(), 1, kTimeoutMs);
    m_window->serverToolBar()->stopAction()->trigger();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.csv"));
    QString error;
    QVERIFY2(m_window->saveLog(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString written = QString::fromUtf8(file.readAll());
    QCOMPARE(written,
             LogExporter::render(log, LogExporter::Format::Csv, {},
                                 {EventListModel::TimeColumn, EventListModel::ClientColumn,
                                  EventListModel::HandlerColumn, EventListModel::EventColumn,
                                  EventListModel::MessageColumn}));
    QCOMPARE(written.count(QLatin1Char('\n')), log->rowCount() + 1);
    QVERIFY(written.contains(QStringLiteral("\"a, \"\"quoted\"\" message\"")));

    m_window->clearLog();
    QCOMPARE(log->rowCount(), 0);
}

void TestMainWindow::languageSwitchKeepsTheWindow()
{
    startServer(Protocol::Tcp, Concurrency::Thread);
    m_window->setLanguage(QStringLiteral("pt_BR"));
    m_window->setLanguage(QStringLiteral("en"));
    QCOMPARE(m_window->serverToolBar()->startAction()->text(), QStringLiteral("Start"));
    QVERIFY(m_window->serverPane()->statusText().contains(QStringLiteral("accept()")));
}

namespace {

// Every text a person can read in the window: labels, buttons, actions (menus and tool bars),
// placeholders and tab titles, keyed by the object that shows it.
QHash<QString, QString> visibleTexts(QWidget *root)
{
    QHash<QString, QString> texts;
    auto keep = [&texts](const QObject *object, const QString &role, const QString &text) {
        if (!text.trimmed().isEmpty())
            texts.insert(QStringLiteral("%1/%2/%3")
                             .arg(object->metaObject()->className(),
                                  QString::number(quintptr(object)), role),
                         text);
    };
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (label->isVisibleTo(root))
            keep(label, QStringLiteral("text"), label->text());
    }
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(root))
            keep(button, QStringLiteral("text"), button->text());
    }
    for (QLineEdit *edit : root->findChildren<QLineEdit *>())
        keep(edit, QStringLiteral("placeholder"), edit->placeholderText());
    for (QAction *action : root->findChildren<QAction *>()) {
        if (!action->isSeparator()) {
            keep(action, QStringLiteral("text"), action->text());
            keep(action, QStringLiteral("tooltip"), action->toolTip());
        }
    }
    for (QMenu *menu : root->findChildren<QMenu *>())
        keep(menu, QStringLiteral("title"), menu->title());
    return texts;
}

// Names that are the same in both languages: protocols, system calls, the program itself.
bool isAName(const QString &text)
{
    static const QStringList names = {QStringLiteral("TCP"),
                                      QStringLiteral("UDP"),
                                      QStringLiteral("Fork"),
                                      QStringLiteral("Thread"),
                                      QStringLiteral("Poll"),
                                      QStringLiteral("Hex"),
                                      QStringLiteral("SocketLab"),
                                      QStringLiteral("English"),
                                      QStringLiteral("Português (Brasil)"),
                                      QStringLiteral("&Host:"),
                                      QStringLiteral("Host:"),
                                      QStringLiteral("100%"),
                                      QStringLiteral("Bytes"),
                                      QStringLiteral("Backlog:")};
    static const QRegularExpression noWords(QStringLiteral("^[^A-Za-z]*$"));
    const QString plain = QString(text).remove(QLatin1Char('&'));
    return names.contains(text) || names.contains(plain) || noWords.match(text).hasMatch();
}

} // namespace

void TestMainWindow::portugueseLeavesNoEnglishText()
{
    startServer(Protocol::Tcp, Concurrency::Thread);
    m_window->clientPanes()->addClient();
    // The kernel's first sample shows the accept queue: wait for it, so both snapshots have it.
    auto *acceptQueue = m_window->findChild<QLabel *>(QStringLiteral("acceptQueue"));
    QVERIFY(acceptQueue);
    QTRY_VERIFY_WITH_TIMEOUT(acceptQueue->isVisible(), kTimeoutMs);
    m_window->setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(m_window->serverToolBar()->startAction()->text(), QStringLiteral("Start"));
    const QHash<QString, QString> english = visibleTexts(m_window);
    // Qt posts LanguageChange to every widget: the texts change once those are delivered.
    m_window->setLanguage(QStringLiteral("pt_BR"));
    QTRY_COMPARE(m_window->serverToolBar()->startAction()->text(), QStringLiteral("Iniciar"));
    QCoreApplication::processEvents();
    const QHash<QString, QString> portuguese = visibleTexts(m_window);
    QVERIFY(english.size() > 40);
    QStringList untranslated;
    for (auto it = english.constBegin(); it != english.constEnd(); ++it) {
        if (portuguese.value(it.key()) == it.value() && !isAName(it.value()))
            untranslated << it.value();
    }
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral(" | "))));
    m_window->setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(m_window->serverToolBar()->startAction()->text(), QStringLiteral("Start"));
    QCoreApplication::processEvents();
    QCOMPARE(visibleTexts(m_window), english);
}

void TestMainWindow::lessonsMenuOpensTheLessons()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("lessons"));
    QVERIFY(action);
    action->trigger();
    LessonWindow *lessons = m_window->findChild<LessonWindow *>();
    QVERIFY(lessons);
    QTRY_VERIFY(lessons->isVisible());
    action->trigger(); // a second time raises the same window
    QCOMPARE(m_window->findChildren<LessonWindow *>().size(), 1);
    lessons->close();
}

namespace {

// The letter after a single '&' ("&&" is a literal ampersand), lower case; none: a null QChar.
QChar mnemonic(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) != QLatin1Char('&'))
            return text.at(i + 1).toLower();
        ++i;
    }
    return {};
}

// The texts of a group that share a mnemonic ("a: &Arquivo | &Aberto para:").
QStringList clashes(const QStringList &texts)
{
    QHash<QChar, QStringList> byLetter;
    for (const QString &text : texts) {
        const QChar letter = mnemonic(text);
        if (!letter.isNull())
            byLetter[letter] << text;
    }
    QStringList found;
    for (auto it = byLetter.constBegin(); it != byLetter.constEnd(); ++it) {
        if (it.value().size() > 1)
            found << QStringLiteral("%1: %2").arg(it.key(), it.value().join(QStringLiteral(" | ")));
    }
    return found;
}

} // namespace

void TestMainWindow::mnemonicsAreUnique_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("start");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Start");
    QTest::newRow("pt_BR") << QStringLiteral("pt_BR") << QStringLiteral("Iniciar");
}

// Alt+letter does one thing: within each menu, and between the menu bar and the window's
// own labelled fields (the server's toolbar; the client panes repeat theirs on purpose, and
// Qt then moves between them). A clash made Alt+A open "Arquivo" or nothing in Portuguese.
void TestMainWindow::mnemonicsAreUnique()
{
    QFETCH(QString, language);
    QFETCH(QString, start);
    m_window->setLanguage(language);
    QTRY_COMPARE(m_window->serverToolBar()->startAction()->text(), start);
    QCoreApplication::processEvents();

    QStringList problems;
    QStringList windowLevel;
    for (QAction *action : m_window->menuBar()->actions()) {
        windowLevel << action->text();
        QStringList items;
        if (QMenu *menu = action->menu()) {
            for (QAction *item : menu->actions()) {
                if (!item->isSeparator() && item->isVisible())
                    items << item->text();
            }
        }
        problems += clashes(items);
    }
    for (QLabel *label : m_window->serverToolBar()->findChildren<QLabel *>()) {
        if (label->buddy())
            windowLevel << label->text();
    }
    for (QAbstractButton *button : m_window->serverToolBar()->findChildren<QAbstractButton *>())
        windowLevel << button->text();
    problems += clashes(windowLevel);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

QTEST_MAIN(TestMainWindow)
#include "tst_ui_mainwindow.moc"
