// The client pane's Half-close and Reset buttons and No delay check box, and the server
// toolbar's backlog, against a real server on loopback.

#include "tests/core/testsupport.h"
#include "ui/clientpane.h"
#include "ui/mainwindow.h"
#include "ui/servertoolbar.h"

#include <QAction>
#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace socketlab;
using namespace testsupport;

namespace {

ServerConfig echoServer(Protocol protocol = Protocol::Tcp)
{
    ServerConfig c;
    c.protocol = protocol;
    c.port = 0;
    c.echo = true;
    return c;
}

// A pane with its own client, fed the client's events as the session would (which tags
// them with the client's number: the pane shows its own client's events only).
struct PaneRig
{
    PaneRig()
        : pane(1, &client)
    {
        client.setId(1);
        QObject::connect(&client, &Client::eventsArrived, &pane, [this](SocketEvents events) {
            for (SocketEvent &e : events)
                e.clientId = int(e.connectionId);
            pane.appendEvents(events);
        });
    }
    QPushButton *button(const char *name)
    {
        return pane.findChild<QPushButton *>(QLatin1String(name));
    }
    QCheckBox *noDelay() { return pane.findChild<QCheckBox *>(QStringLiteral("noDelay")); }
    QLineEdit *message() { return pane.findChild<QLineEdit *>(QStringLiteral("message")); }

    Client client;
    EventLog log {&client};
    ClientPane pane;
};

bool historyContains(const ClientPane &pane, const QString &text)
{
    for (int row = 0; row < pane.historyCount(); ++row) {
        if (pane.historyText(row).contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestUiSocketOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void halfCloseButton();
    void resetButton();
    void noDelayCheckBox();
    void udpHasNoneOfThem();
    void backlogSpin();
    void backlogPersistsAndReachesTheServer();

private:
    QTemporaryDir m_settingsDir;
};

void TestUiSocketOptions::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestUiSocketOptions::halfCloseButton()
{
    Server server;
    EventLog serverLog(&server);
    QVERIFY(server.start(echoServer()));
    PaneRig rig;
    QPushButton *halfClose = rig.button("halfClose");
    QPushButton *reset = rig.button("reset");
    QVERIFY(halfClose && reset);
    QVERIFY(!halfClose->isEnabled());
    QVERIFY(!reset->isEnabled());
    QVERIFY(halfClose->toolTip().contains(QStringLiteral("FIN")));
    QVERIFY(reset->toolTip().contains(QStringLiteral("RST")));

    rig.pane.setPort(server.localPort());
    rig.pane.connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(rig.client.state(), Client::State::Connected, kWaitMs);
    QVERIFY(halfClose->isEnabled());
    QVERIFY(reset->isEnabled());
    rig.pane.sendMessage(QStringLiteral("hello"));
    QTest::mouseClick(halfClose, Qt::LeftButton);
    // Done sending: nothing more to type until the connection ends. The click is handled at
    // once, and the end of the connection reaches the pane only through the event loop, which
    // has not run since: still connected, and the message line off.
    QCOMPARE(rig.client.state(), Client::State::Connected);
    QVERIFY(!rig.message()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(rig.client.state(), Client::State::Unconnected, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(historyContains(rig.pane, QStringLiteral("← hello")), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(historyContains(rig.pane, QStringLiteral("closed the connection")),
                             kWaitMs);
    QVERIFY(rig.log.indexOf([](const SocketEvent &e) { return e.call == SysCall::Shutdown; }) >= 0);
    QVERIFY(!halfClose->isEnabled());
    QVERIFY(!reset->isEnabled());
    QVERIFY(rig.message()->isEnabled());
    QVERIFY(serverLog.waitForCount(EventKind::Disconnected, 1));
    QCOMPARE(serverLog.count(EventKind::Error), 0);
}

void TestUiSocketOptions::resetButton()
{
    Server server;
    EventLog serverLog(&server);
    QVERIFY(server.start(echoServer()));
    PaneRig rig;
    rig.pane.setPort(server.localPort());
    rig.pane.connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(rig.client.state(), Client::State::Connected, kWaitMs);
    rig.pane.sendMessage(QStringLiteral("hello"));
    QVERIFY(rig.log.waitForCount(EventKind::Received, 1));
    QTest::mouseClick(rig.button("reset"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(rig.client.state(), Client::State::Unconnected, kWaitMs);
    QVERIFY(serverLog.waitForCount(EventKind::Error, 1));
    QCOMPARE(serverLog.of(EventKind::Error).first().errnum, ECONNRESET);
}

void TestUiSocketOptions::noDelayCheckBox()
{
    Server server;
    QVERIFY(server.start(echoServer()));
    PaneRig rig;
    QCheckBox *noDelay = rig.noDelay();
    QVERIFY(noDelay);
    QVERIFY(noDelay->isEnabled());
    QVERIFY(!noDelay->isChecked());
    rig.pane.setPort(server.localPort());
    noDelay->setChecked(true);
    rig.pane.connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(rig.client.state(), Client::State::Connected, kWaitMs);
    QVERIFY(rig.client.options().noDelay);
    const auto noDelayCall = [](const SocketEvent &e) {
        return e.call == SysCall::Setsockopt && e.args.contains(QStringLiteral("TCP_NODELAY"));
    };
    QTRY_VERIFY_WITH_TIMEOUT(rig.log.indexOf(noDelayCall) >= 0, kWaitMs);

    rig.pane.disconnectFromServer();
    QTRY_COMPARE_WITH_TIMEOUT(rig.client.state(), Client::State::Unconnected, kWaitMs);
    rig.log.clear();
    noDelay->setChecked(false);
    rig.pane.connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(rig.client.state(), Client::State::Connected, kWaitMs);
    QVERIFY(!rig.client.options().noDelay);
    QVERIFY(rig.log.waitForCount(EventKind::Connected, 1));
    QCOMPARE(rig.log.indexOf(noDelayCall), -1);
}

void TestUiSocketOptions::udpHasNoneOfThem()
{
    Server server;
    QVERIFY(server.start(echoServer(Protocol::Udp)));
    PaneRig rig;
    rig.pane.setProtocol(Protocol::Udp);
    QVERIFY(!rig.noDelay()->isEnabled());
    QVERIFY(rig.noDelay()->toolTip().contains(QStringLiteral("TCP")));
    rig.pane.setPort(server.localPort());
    rig.pane.connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(rig.client.state(), Client::State::Connected, kWaitMs);
    QVERIFY(!rig.button("halfClose")->isEnabled());
    QVERIFY(!rig.button("reset")->isEnabled());
}

void TestUiSocketOptions::backlogSpin()
{
    ServerToolBar bar;
    QSpinBox *backlog = bar.backlogSpin();
    QCOMPARE(backlog->value(), 1); // as the recipe
    QCOMPARE(backlog->minimum(), 1);
    QCOMPARE(backlog->maximum(), 128);
    QCOMPARE(bar.config().backlog, 1);
    backlog->setValue(5);
    QCOMPARE(bar.config().backlog, 5);
    QVERIFY(backlog->isEnabled());
    bar.setRunning(true);
    QVERIFY(!backlog->isEnabled());
    bar.setRunning(false);
    bar.udpAction()->trigger();
    QVERIFY(!backlog->isEnabled());
    QVERIFY(backlog->toolTip().contains(QStringLiteral("UDP")));
    bar.tcpAction()->trigger();
    QVERIFY(backlog->isEnabled());
    ServerConfig config = bar.config();
    config.backlog = 4096;
    bar.setConfig(config);
    QCOMPARE(backlog->value(), 128);
}

void TestUiSocketOptions::backlogPersistsAndReachesTheServer()
{
    {
        MainWindow window;
        window.serverToolBar()->backlogSpin()->setValue(7);
        window.show();
        window.close(); // saves the settings
    }
    MainWindow window;
    ServerToolBar *bar = window.serverToolBar();
    QCOMPARE(bar->backlogSpin()->value(), 7);
    bar->portSpin()->setValue(0);
    bar->startAction()->trigger();
    QVERIFY2(window.session()->server()->isRunning(),
             qPrintable(window.session()->server()->errorString()));
    QCOMPARE(window.session()->server()->config().backlog, 7);
    QVERIFY(!bar->backlogSpin()->isEnabled());
    bar->stopAction()->trigger();
    QSettings().clear();
}

QTEST_MAIN(TestUiSocketOptions)
#include "tst_ui_socketoptions.moc"
