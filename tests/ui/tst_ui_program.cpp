#include "core/eventformatter.h"
#include "tests/trace/tracetestsupport.h"
#include "ui/calllanesmodel.h"
#include "ui/callsequencewidget.h"
#include "ui/calltracemodel.h"
#include "ui/clientpane.h"
#include "ui/clientpanes.h"
#include "ui/connectionsmodel.h"
#include "ui/mainwindow.h"
#include "ui/models/eventlistmodel.h"
#include "ui/programdialog.h"
#include "ui/programdock.h"
#include "ui/programpane.h"
#include "ui/programprocesses.h"
#include "ui/recipeprograms.h"
#include "ui/serverpane.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

#include <cerrno>
#include <csignal>

using namespace socketlab;
using tracetest::freePort;
using tracetest::realPython;

namespace {
constexpr int kProgramWaitMs = 20000; // generous: the machine is shared

// Running or stopped: a zombie is over (an orphan one waits for init, which in some
// containers never reaps).
bool alive(qint64 pid)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno == ESRCH))
        return false;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    return !status.readAll().contains("State:\tZ");
}

// A copy of a bundled program made through the dialog ("Copy to a folder…"), on a free port,
// the dialog left pointing at it.
bool bundledCopy(ProgramDialog &dialog, const QTemporaryDir &dir, const QString &name, quint16 port)
{
    if (!dialog.selectBundled(name))
        return false;
    QString error;
    if (!dialog.copyBundledTo(dir.path(), &error))
        return false;
    QFile file(QDir(dir.path()).filePath(name));
    if (!file.open(QIODevice::ReadWrite))
        return false;
    QByteArray text = file.readAll();
    text.replace("PORT = 5000", "PORT = " + QByteArray::number(port));
    file.resize(0);
    file.seek(0);
    return file.write(text) == text.size();
}

QTreeWidgetItem *servingChild(QTreeWidgetItem *server)
{
    for (int i = 0; i < server->childCount(); ++i) {
        if (server->child(i)->text(ProgramProcesses::CallColumn) == QLatin1String("recv()"))
            return server->child(i);
    }
    return nullptr;
}

QString procState(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("gone");
    return QString::fromUtf8(status.readAll()).section(QLatin1Char('\n'), 0, 6);
}

bool hasRow(const QAbstractItemModel *model, int column, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, column).data().toString().contains(text))
            return true;
    }
    return false;
}
} // namespace

// "Run a program…" in the window: the recipe's programs run under the tracer, their output
// in the program pane, their calls in the window's log and call trace.
class TestUiProgram : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        if (realPython().isEmpty())
            QSKIP("python3 is not installed");
    }

    void bundledProgramsAreFound()
    {
        QCOMPARE(RecipePrograms::programs().size(), 6);
        for (const RecipePrograms::Program &program : RecipePrograms::programs())
            QVERIFY2(!RecipePrograms::path(program.fileName).isEmpty(),
                     qPrintable(program.fileName));
        ProgramDialog dialog;
        QVERIFY(dialog.selectBundled(QStringLiteral("tcp_server_fork.py")));
        QCOMPARE(dialog.title(), QStringLiteral("TCP server, one process per client (recipe)"));
        const TraceOptions options = dialog.options();
        QCOMPARE(options.program, realPython());
        QVERIFY(options.arguments.last().endsWith(QLatin1String("tcp_server_fork.py")));
        QCOMPARE(dialog.listingPath(), options.arguments.last());
    }

    void listingFindsTheLineOfEachCall()
    {
        QFile file(RecipePrograms::path(QStringLiteral("tcp_server_fork.py")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        const int accept = RecipePrograms::lineOfCall(lines, SysCall::Accept);
        QVERIFY(accept > 0);
        QVERIFY(lines.at(accept).contains(QLatin1String("tcp.accept()")));
        const int fork = RecipePrograms::lineOfCall(lines, SysCall::Fork, accept);
        QVERIFY(lines.at(fork).contains(QLatin1String("os.fork()")));
        // Comments name the calls too; only code counts.
        const int recv = RecipePrograms::lineOfCall(lines, SysCall::Recv, fork);
        QVERIFY(lines.at(recv).contains(QLatin1String("con.recv(1024)")));
        QVERIFY(!lines.at(recv).trimmed().startsWith(QLatin1Char('#')));
    }

    // The teacher's flow: the fork server from the dialog, a client pane connects and sends a
    // line; the program prints "Conectado por", its calls join the log and the call trace, its
    // child shows in the processes, and Stop leaves no process behind.
    void forkServerWithAClientPane()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        QVERIFY(port != 0);
        ProgramDialog dialog;
        QVERIFY(bundledCopy(dialog, dir, QStringLiteral("tcp_server_fork.py"), port));
        QVERIFY(!dialog.isBundled());
        QVERIFY(dialog.listingPath().endsWith(QLatin1String("tcp_server_fork.py")));

        MainWindow window;
        ProgramPane *pane = window.findChild<ProgramDock *>(QStringLiteral("programDock"))->pane();
        QVERIFY2(pane->run(dialog.options(), dialog.listingPath(), dialog.title()),
                 qPrintable(pane->errorText()));
        QVERIFY(pane->isRunning());
        const qint64 root = pane->tracer()->programPid();
        QVERIFY(root > 0);
        QVERIFY(pane->headline().contains(QString::number(root)));

        CallTraceModel *trace
            = window.findChild<CallSequenceWidget *>(QStringLiteral("callSequence"))->traceModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            hasRow(trace, CallTraceModel::CallColumn, QStringLiteral("listen")), kProgramWaitMs);
        QVERIFY(hasRow(trace, CallTraceModel::WhoColumn, QStringLiteral("Program")));

        ClientPane *client = window.clientPanes()->panes().constFirst();
        client->setHost(QStringLiteral("127.0.0.1"));
        client->setPort(port);
        client->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(client->client()->state(), Client::State::Connected,
                                  kProgramWaitMs);
        client->sendMessage(QStringLiteral("hello from pane 1"));
        QTRY_VERIFY_WITH_TIMEOUT(pane->outputText().contains(QLatin1String("Conectado por")),
                                 kProgramWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(pane->outputText().contains(QLatin1String("hello from pane 1")),
                                 kProgramWaitMs);

        // The log and the call trace show the program's accept and recv, in the session's order.
        EventListModel *log = window.serverPane()->logModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            hasRow(log, EventListModel::MessageColumn, QStringLiteral("accept")), kProgramWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(hasRow(trace, CallTraceModel::CallColumn, QStringLiteral("recv")),
                                 kProgramWaitMs);
        QVERIFY(hasRow(trace, CallTraceModel::WhoColumn, QStringLiteral("Program child")));
        // The listing follows the program's calls.
        QVERIFY(pane->currentListingLine() >= 0);

        // The child that serves the pane, under the server process.
        QTreeWidget *tree = pane->processes()->tree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        // (Python may run a short-lived helper process of its own first: the serving child is
        // the one that made the recv.)
        QTreeWidgetItem *serving = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((serving = servingChild(tree->topLevelItem(0))) != nullptr,
                                 kProgramWaitMs);
        const qint64 child = serving->text(ProgramProcesses::NameColumn)
                                 .section(QLatin1Char(' '), -1)
                                 .toLongLong();
        QVERIFY2(alive(child), qPrintable(serving->text(0) + QLatin1Char(' ') + serving->text(1)));

        // The client leaves: the child ends and, never waited for, stays a zombie.
        client->disconnectFromServer();
        QTRY_VERIFY_WITH_TIMEOUT(pane->outputText().contains(QLatin1String("Finalizando")),
                                 kProgramWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(pane->processes()->zombieCount(), 1, kProgramWaitMs);

        QSignalSpy ended(pane, &ProgramPane::runningChanged);
        pane->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isRunning(), kProgramWaitMs);
        QVERIFY(!alive(root));
        QVERIFY2(!alive(child), qPrintable(procState(child)));
        QVERIFY(pane->headline().contains(QLatin1String("ended")));
    }

    // "Done when" of "Run a program…": the recipe's fork server with two client panes and a
    // student's connection. The call sequence has a lane per process (the server, each
    // child, labelled with pid and role) beside the panes' lanes; the connections table shows
    // the traced server's connections with the child serving each and the kernel's TCP state,
    // and its listener's accept queue against the backlog; the processes show the zombies.
    void forkServerInEveryView()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        QVERIFY(port != 0);
        ProgramDialog dialog;
        QVERIFY(bundledCopy(dialog, dir, QStringLiteral("tcp_server_fork.py"), port));
        MainWindow window;
        ProgramPane *pane = window.findChild<ProgramDock *>(QStringLiteral("programDock"))->pane();
        QVERIFY2(pane->run(dialog.options(), dialog.listingPath(), dialog.title()),
                 qPrintable(pane->errorText()));
        const qint64 root = pane->tracer()->programPid();
        CallTraceModel *trace
            = window.findChild<CallSequenceWidget *>(QStringLiteral("callSequence"))->traceModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            hasRow(trace, CallTraceModel::CallColumn, QStringLiteral("listen")), kProgramWaitMs);

        while (window.clientPanes()->count() < 2)
            window.clientPanes()->addClient();
        const QList<ClientPane *> panes = window.clientPanes()->panes();
        for (int i = 0; i < 2; ++i) {
            panes.at(i)->setHost(QStringLiteral("127.0.0.1"));
            panes.at(i)->setPort(port);
            panes.at(i)->connectToServer();
            QTRY_COMPARE_WITH_TIMEOUT(panes.at(i)->client()->state(), Client::State::Connected,
                                      kProgramWaitMs);
            panes.at(i)->sendMessage(QStringLiteral("from pane %1").arg(i + 1));
        }
        socketlab::Fd student = testsupport::tcpConnect(port); // as nc would
        QVERIFY(student.isValid());
        QVERIFY(testsupport::sendAll(student.get(), "from a student"));
        QTRY_VERIFY_WITH_TIMEOUT(pane->outputText().contains(QLatin1String("from a student")),
                                 kProgramWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(pane->outputText().contains(QLatin1String("from pane 2")),
                                 kProgramWaitMs);

        // Lanes: the server process, a child per client (each recv in its own child's lane).
        CallLanesModel *lanes
            = window.findChild<CallSequenceWidget *>(QStringLiteral("callSequence"))->lanesModel();
        QStringList titles;
        for (int lane = 0; lane < lanes->laneCount(); ++lane)
            titles << lanes->laneTitle(lane);
        QVERIFY2(titles.contains(QStringLiteral("Program pid %1, server").arg(root)),
                 qPrintable(titles.join(QLatin1String(" | "))));
        QVERIFY2(titles.contains(QStringLiteral("Client 1")),
                 qPrintable(titles.join(QLatin1String(" | "))));
        QVERIFY2(titles.contains(QStringLiteral("Client 2")),
                 qPrintable(titles.join(QLatin1String(" | "))));
        QSet<QString> servingLanes;
        QTRY_VERIFY_WITH_TIMEOUT(lanes->rowCount() == trace->rowCount(), kProgramWaitMs);
        for (int row = 0; row < lanes->rowCount(); ++row) {
            const SocketEvent &event = trace->eventAt(row);
            if (!event.traced || event.call != SysCall::Recv || event.result <= 0)
                continue;
            const int lane = lanes->laneOfRow(row);
            QCOMPARE(lanes->laneTitle(lane),
                     QStringLiteral("Program child %1, server").arg(event.pid));
            const QModelIndex cell = lanes->index(row, CallLanesModel::columnOfLane(lane));
            QVERIFY2(cell.data().toString().contains(QLatin1String("recv(")),
                     qPrintable(cell.data().toString()));
            for (int other = 0; other < lanes->laneCount(); ++other) {
                if (other != lane)
                    QVERIFY(lanes->index(row, CallLanesModel::columnOfLane(other))
                                .data()
                                .toString()
                                .isEmpty());
            }
            servingLanes.insert(lanes->laneTitle(lane));
        }
        QCOMPARE(servingLanes.size(), 3);

        // The kernel's view: three connections of the traced server, each with the child that
        // serves it and its TCP state; the listener's accept queue against listen(1).
        ConnectionsModel *connections = window.serverPane()->connectionsModel();
        QTRY_COMPARE_WITH_TIMEOUT(connections->rowCount(), 3, kProgramWaitMs);
        for (int row = 0; row < 3; ++row) {
            QTRY_VERIFY_WITH_TIMEOUT(connections->index(row, ConnectionsModel::StateColumn)
                                         .data()
                                         .toString()
                                         .contains(QLatin1String("ESTABLISHED")),
                                     kProgramWaitMs);
            QVERIFY2(
                connections->index(row, ConnectionsModel::HandlerColumn)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("child ")),
                qPrintable(
                    connections->index(row, ConnectionsModel::HandlerColumn).data().toString()));
            QCOMPARE(connections->index(row, ConnectionsModel::MessagesColumn).data().toString(),
                     QStringLiteral("1"));
        }
        QVERIFY(connections->listener().isListener());
        QCOMPARE(connections->listener().sendQ, 1); // the recipe's backlog
        QCOMPARE(window.serverPane()->programPort(), port);

        // Everyone leaves: three zombies, the connections leave the table with the kernel.
        for (int i = 0; i < 2; ++i)
            panes.at(i)->disconnectFromServer();
        student.reset();
        QTRY_COMPARE_WITH_TIMEOUT(pane->processes()->zombieCount(), 3, kProgramWaitMs);
        pane->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isRunning(), kProgramWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(connections->rowCount(), 0, kProgramWaitMs);
        QCOMPARE(window.serverPane()->programPort(), quint16(0));
    }

    // Step mode: the server pauses before socket() (step 2 of its recipe), Next lets it make
    // the call and it pauses before bind(); Continue lets it run to accept.
    void stepModePausesBeforeEachCall()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        ProgramDialog dialog;
        QVERIFY(bundledCopy(dialog, dir, QStringLiteral("tcp_server.py"), port));
        MainWindow window;
        ProgramPane *pane = window.findChild<ProgramDock *>(QStringLiteral("programDock"))->pane();
        pane->stepModeBox()->setChecked(true);
        QVERIFY2(pane->run(dialog.options(), dialog.listingPath(), dialog.title()),
                 qPrintable(pane->errorText()));
        const qint64 root = pane->tracer()->programPid();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->pausedCalls().isEmpty(), kProgramWaitMs);
        QCOMPARE(pane->pausedCalls().constFirst().call, SysCall::Socket);
        QVERIFY2(pane->headline().contains(
                     QStringLiteral("about to call socket() — step 2 of the server's recipe")),
                 qPrintable(pane->headline()));
        QVERIFY(pane->listingView()
                    ->document()
                    ->findBlockByNumber(pane->currentListingLine())
                    .text()
                    .contains(QLatin1String("socket.socket(")));

        pane->next();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->pausedCalls().isEmpty()
                                     && pane->pausedCalls().constFirst().call == SysCall::Bind,
                                 kProgramWaitMs);
        QVERIFY2(pane->headline().contains(QLatin1String("about to call bind()")),
                 qPrintable(pane->headline()));
        // The tracer holds socket() back until the role is known: nothing passed yet.
        CallTraceModel *trace
            = window.findChild<CallSequenceWidget *>(QStringLiteral("callSequence"))->traceModel();
        QVERIFY(!hasRow(trace, CallTraceModel::CallColumn, QStringLiteral("bind")));
        pane->next();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->pausedCalls().isEmpty()
                                     && pane->pausedCalls().constFirst().call == SysCall::Listen,
                                 kProgramWaitMs);
        pane->next();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->pausedCalls().isEmpty()
                                     && pane->pausedCalls().constFirst().call == SysCall::Accept,
                                 kProgramWaitMs);
        QVERIFY2(pane->headline().contains(
                     QStringLiteral("about to call accept() — step 5 of the server's recipe")),
                 qPrintable(pane->headline()));
        QTRY_VERIFY_WITH_TIMEOUT(
            hasRow(trace, CallTraceModel::CallColumn, QStringLiteral("listen")), kProgramWaitMs);
        QVERIFY(hasRow(trace, CallTraceModel::CallColumn, QStringLiteral("socket")));
        QVERIFY(hasRow(trace, CallTraceModel::CallColumn, QStringLiteral("bind")));

        // Stop ends a paused program at once, and leaves nothing stopped behind.
        pane->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isRunning(), kProgramWaitMs);
        QVERIFY(!alive(root));
        QVERIFY(pane->pausedCalls().isEmpty());
    }

    void continueLetsEveryThreadGo()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        ProgramDialog dialog;
        QVERIFY(bundledCopy(dialog, dir, QStringLiteral("tcp_server.py"), port));
        MainWindow window;
        ProgramPane *pane = window.findChild<ProgramDock *>(QStringLiteral("programDock"))->pane();
        pane->stepModeBox()->setChecked(true);
        QVERIFY(pane->run(dialog.options(), dialog.listingPath(), dialog.title()));
        QTRY_VERIFY_WITH_TIMEOUT(!pane->pausedCalls().isEmpty(), kProgramWaitMs);
        pane->continueAll();
        QVERIFY(!pane->stepModeBox()->isChecked());
        CallTraceModel *trace
            = window.findChild<CallSequenceWidget *>(QStringLiteral("callSequence"))->traceModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            hasRow(trace, CallTraceModel::CallColumn, QStringLiteral("listen")), kProgramWaitMs);
        pane->kill();
        QVERIFY(!pane->isRunning());
    }

    // The recipe's client typed into from the pane: each line is sent, Ctrl+X ends it.
    void clientTypedIntoFromThePane()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        ProgramDialog dialog;
        QVERIFY(bundledCopy(dialog, dir, QStringLiteral("tcp_client.py"), port));
        MainWindow window;
        ServerConfig config;
        config.port = port;
        config.bindAddress = QStringLiteral("127.0.0.1");
        QVERIFY2(window.session()->server()->start(config),
                 qPrintable(window.session()->server()->errorString()));
        ProgramPane *pane = window.findChild<ProgramDock *>(QStringLiteral("programDock"))->pane();
        QVERIFY(pane->run(dialog.options(), dialog.listingPath(), dialog.title()));
        QTRY_VERIFY_WITH_TIMEOUT(pane->outputText().contains(QLatin1String("CTRL+X")),
                                 kProgramWaitMs);
        pane->findChild<QLineEdit *>(QStringLiteral("programInput"))
            ->setText(QStringLiteral("typed line"));
        pane->sendLine();
        EventListModel *log = window.serverPane()->logModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            hasRow(log, EventListModel::MessageColumn, QStringLiteral("typed line")),
            kProgramWaitMs);
        pane->sendEndLine();
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isRunning(), kProgramWaitMs);
        QVERIFY(pane->headline().contains(QLatin1String("status 0")));
    }

    void programNotFoundSaysSo()
    {
        MainWindow window;
        ProgramPane *pane = window.findChild<ProgramDock *>(QStringLiteral("programDock"))->pane();
        ProgramDialog dialog;
        dialog.setCommandLine(QStringLiteral("/nonexistent/socketlab-no-such-program --port 5000"));
        QVERIFY(!pane->run(dialog.options(), dialog.listingPath(), dialog.title()));
        QVERIFY(!pane->isRunning());
        QVERIFY2(pane->headline().contains(QLatin1String("not found")),
                 qPrintable(pane->headline()));
        QVERIFY(pane->outputText().contains(QLatin1String("not found")));

        // A file that is no program: cannot be run.
        QTemporaryDir dir;
        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hello\n");
        file.close();
        dialog.setCommandLine(text);
        QVERIFY(!pane->run(dialog.options(), dialog.listingPath(), dialog.title()));
        QVERIFY2(pane->headline().contains(QLatin1String("cannot be run")),
                 qPrintable(pane->headline()));
    }
};

QTEST_MAIN(TestUiProgram)
#include "tst_ui_program.moc"
