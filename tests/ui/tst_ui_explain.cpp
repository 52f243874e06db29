// "Why did that fail?" in the window: a failed Start says why in the server pane's headline,
// a client reset while it waited in an iterative server's backlog says so in its pane, and an
// unconnected UDP client's 0.0.0.0 address is explained. At 1024x768, offscreen.

#include "ui/callsequencewidget.h"
#include "ui/calltracemodel.h"
#include "ui/clientpane.h"
#include "ui/mainwindow.h"
#include "ui/models/eventlistmodel.h"
#include "ui/serverpane.h"
#include "ui/servertoolbar.h"

#include "tests/core/testsupport.h"

#include <QAction>
#include <QLabel>
#include <QListView>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace socketlab;

namespace {
constexpr int kTimeoutMs = 5000;

int countOf(const EventListModel *model, EventKind kind)
{
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        count += model->eventAt(row).kind == kind ? 1 : 0;
    return count;
}

QString historyOf(const ClientPane *pane)
{
    QStringList lines;
    for (int row = 0; row < pane->historyCount(); ++row)
        lines << pane->historyText(row);
    return lines.join(QLatin1Char('\n'));
}
} // namespace

class TestUiExplain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void failedStartSaysWhyInTheHeadline();
    void clientResetInTheBacklogSaysWhy();
    void udpClientAddressIsExplained();

private:
    void startServer(Protocol protocol, Concurrency concurrency);
    QList<ClientPane *> panes() const { return m_window->findChildren<ClientPane *>(); }
    QString headline() const
    {
        return m_window->serverPane()->findChild<QLabel *>(QStringLiteral("serverStatus"))->text();
    }

    QTemporaryDir m_settingsDir;
    MainWindow *m_window = nullptr;
};

void TestUiExplain::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestUiExplain::init()
{
    m_window = new MainWindow;
    m_window->resize(1024, 768);
    m_window->show();
}

void TestUiExplain::cleanup()
{
    m_window->setLanguage(QStringLiteral("en"));
    delete m_window;
    m_window = nullptr;
}

void TestUiExplain::startServer(Protocol protocol, Concurrency concurrency)
{
    ServerToolBar *bar = m_window->serverToolBar();
    (protocol == Protocol::Udp ? bar->udpAction() : bar->tcpAction())->trigger();
    if (protocol == Protocol::Tcp)
        (concurrency == Concurrency::Iterative ? bar->iterativeAction() : bar->threadAction())
            ->trigger();
    bar->portSpin()->setValue(0);
    bar->startAction()->trigger();
    QVERIFY2(m_window->session()->server()->isRunning(),
             qPrintable(m_window->session()->server()->errorString()));
    for (ClientPane *pane : panes())
        pane->setPort(m_window->session()->server()->localPort());
}

void TestUiExplain::failedStartSaysWhyInTheHeadline()
{
    // Another program holds the port: a plain listener of this test.
    socklen_t length = 0;
    const sockaddr_storage any = testsupport::addressOf("127.0.0.1", 0, &length);
    Fd holder(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    QCOMPARE(::bind(holder.get(), reinterpret_cast<const sockaddr *>(&any), length), 0);
    QCOMPARE(::listen(holder.get(), 1), 0);
    const quint16 port = Endpoint::localOf(holder.get()).port();

    ServerToolBar *bar = m_window->serverToolBar();
    bar->portSpin()->setValue(port);
    bar->startAction()->trigger();
    QVERIFY(!m_window->session()->server()->isRunning());
    QCOMPARE(headline(),
             QStringLiteral("Port %1 is taken by another program — choose another port").arg(port));
    // Below it, the failed call and why, naming who holds the port.
    const QString detail
        = m_window->serverPane()->findChild<QLabel *>(QStringLiteral("serverAddresses"))->text();
    QVERIFY2(detail.contains(
                 QStringLiteral("bind(127.0.0.1:%1) failed: Address already in use").arg(port)),
             qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("tst_ui_explain (pid %1)").arg(::getpid())),
             qPrintable(detail));
    // The log row's tooltip says why too.
    const EventListModel *log = m_window->serverPane()->logModel();
    QCOMPARE(countOf(log, EventKind::Error), 1);
    int row = 0;
    while (log->eventAt(row).kind != EventKind::Error)
        ++row;
    const QString tip
        = log->data(log->index(row, EventListModel::MessageColumn), Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("Two sockets cannot bind the same address and port")),
             qPrintable(tip));
    // So does the failed bind() in the call trace.
    const QAbstractItemModel *trace
        = m_window->findChild<CallSequenceWidget *>(QStringLiteral("callSequence"))
              ->traceView()
              ->model();
    QString traceTip;
    for (int r = 0; r < trace->rowCount(); ++r) {
        const QModelIndex call = trace->index(r, CallTraceModel::CallColumn);
        if (call.data().toString().contains(QLatin1String("bind(")))
            traceTip = call.data(Qt::ToolTipRole).toString();
    }
    QVERIFY2(traceTip.contains(QStringLiteral("another program already has port %1").arg(port)),
             qPrintable(traceTip));

    // Said again in Portuguese, and it stays until the next Start.
    m_window->setLanguage(QStringLiteral("pt_BR"));
    QTRY_COMPARE_WITH_TIMEOUT(
        headline(),
        QStringLiteral("A porta %1 está ocupada por outro programa — escolha outra porta")
            .arg(port),
        kTimeoutMs);
    m_window->setLanguage(QStringLiteral("en"));
    bar->portSpin()->setValue(0);
    bar->startAction()->trigger();
    QVERIFY(m_window->session()->server()->isRunning());
    QVERIFY2(headline().contains(QLatin1String("accept()")), qPrintable(headline()));
}

void TestUiExplain::clientResetInTheBacklogSaysWhy()
{
    startServer(Protocol::Tcp, Concurrency::Iterative);
    m_window->findChild<QAction *>(QStringLiteral("addClient"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(panes().size(), 2, kTimeoutMs);
    ClientPane *served = panes().at(0);
    ClientPane *waiting = panes().at(1);
    waiting->setPort(m_window->session()->server()->localPort());
    served->connectToServer();
    const EventListModel *log = m_window->serverPane()->logModel();
    QTRY_COMPARE_WITH_TIMEOUT(countOf(log, EventKind::Connected), 1, kTimeoutMs);
    // The second client's connect() completes in the kernel; the iterative server is busy
    // with the first and never accepts it.
    waiting->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(waiting->client()->state(), Client::State::Connected, kTimeoutMs);
    QCOMPARE(countOf(log, EventKind::Connected), 1);

    m_window->serverToolBar()->stopAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(waiting->client()->state(), Client::State::Unconnected, kTimeoutMs);
    const QString why = QStringLiteral("The server stopped before accepting this connection; the "
                                       "kernel reset the connections waiting in its backlog");
    QTRY_VERIFY2_WITH_TIMEOUT(historyOf(waiting).contains(why), qPrintable(historyOf(waiting)),
                              kTimeoutMs);
    const QString label = waiting->findChild<QLabel *>(QStringLiteral("localAddress"))->text();
    QVERIFY2(label.contains(why), qPrintable(label));
    // The served client was accepted: whatever ended it, it was not the backlog.
    QTRY_COMPARE_WITH_TIMEOUT(served->client()->state(), Client::State::Unconnected, kTimeoutMs);
    QVERIFY2(!historyOf(served).contains(why), qPrintable(historyOf(served)));
    m_window->setLanguage(QStringLiteral("pt_BR"));
    QVERIFY2(historyOf(waiting).contains(
                 QStringLiteral("O servidor parou antes de aceitar esta conexão")),
             qPrintable(historyOf(waiting)));
}

void TestUiExplain::udpClientAddressIsExplained()
{
    startServer(Protocol::Udp, Concurrency::Thread);
    ClientPane *pane = panes().at(0);
    pane->sendMessage(QStringLiteral("hello"));
    const EventListModel *log = m_window->serverPane()->logModel();
    QTRY_COMPARE_WITH_TIMEOUT(countOf(log, EventKind::Data), 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(pane->localAddress().startsWith(QLatin1String("0.0.0.0:")),
                             kTimeoutMs);
    const QString port = pane->localAddress().section(QLatin1Char(':'), -1);
    QString peer;
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->eventAt(row).kind == EventKind::Data)
            peer = log->eventAt(row).peer;
    }
    QCOMPARE(peer, QStringLiteral("127.0.0.1:%1").arg(port));
    const QLabel *address = pane->findChild<QLabel *>(QStringLiteral("localAddress"));
    QVERIFY2(address->text().contains(QStringLiteral("0.0.0.0:%1 (any address: not connected; the "
                                                     "server sees %2)")
                                          .arg(port, peer)),
             qPrintable(address->text()));
    // The whole story in its tooltip.
    QVERIFY2(address->toolTip().contains(QLatin1String("the kernel picks the source address")),
             qPrintable(address->toolTip()));
    QVERIFY2(address->toolTip().contains(
                 QStringLiteral("it uses %1, the address the server sees").arg(peer)),
             qPrintable(address->toolTip()));
}

QTEST_MAIN(TestUiExplain)
#include "tst_ui_explain.moc"
