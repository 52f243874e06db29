#include "ui/classtiledelegate.h"
#include "ui/clientpane.h"
#include "ui/clientpanes.h"
#include "ui/mainwindow.h"
#include "ui/models/eventlistmodel.h"
#include "ui/models/plaintooltip.h"
#include "ui/serverpane.h"
#include "ui/servertoolbar.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>

#include <errno.h>

using namespace socketlab;

namespace {
constexpr int kTimeoutMs = 5000;

// What peers (and the user) send; every one of them must reach the screen tags and all.
const QString kHtml
    = QStringLiteral(R"(<h1 style="color:red">HACKED</h1><img src="/some/local/file">)");
const QString kBold = QStringLiteral(R"(<b>xBOLDx</b> &lt; & "q")");
const QString kEvil = QStringLiteral("<b>xEVILx</b>");
const QString kTyped = QStringLiteral("<i>xTYPEDx</i>");
const QString kPeer = QStringLiteral("<b>xMALLORYx</b>:1");
const QString kHost = QStringLiteral("<b>xHOSTx</b>");

struct PeerString
{
    QString marker; // found in the string handed to Qt, escaped or not
    QString literal; // what the user must see
};
const QList<PeerString> kPeerStrings = {
    {QStringLiteral("HACKED"), kHtml},    {QStringLiteral("xBOLDx"), kBold},
    {QStringLiteral("xEVILx"), kEvil},    {QStringLiteral("xTYPEDx"), kTyped},
    {QStringLiteral("xMALLORYx"), kPeer}, {QStringLiteral("xHOSTx"), kHost},
};

bool hasPeerString(const QString &text)
{
    for (const PeerString &peer : kPeerStrings) {
        if (text.contains(peer.marker))
            return true;
    }
    return false;
}

// The text Qt shows for a string given to a widget of this format: tooltips and AutoText
// labels are rendered as HTML whenever Qt::mightBeRichText() says so.
QString shownText(const QString &given, Qt::TextFormat format)
{
    const bool rich
        = format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(given));
    QString shown = given;
    if (rich) {
        QTextDocument document;
        document.setHtml(given);
        shown = document.toPlainText();
    }
    // Zero-width spaces only offer line breaks; nobody sees them.
    return shown.remove(QChar(0x200B));
}

bool hasRow(const EventListModel *log, EventKind kind, const QString &text)
{
    for (int row = 0; row < log->rowCount(); ++row) {
        const SocketEvent &event = log->eventAt(row);
        if (event.kind == kind && QString::fromUtf8(event.payload).contains(text))
            return true;
    }
    return false;
}

bool historyHas(const ClientPane *pane, const QString &text)
{
    for (int row = 0; row < pane->historyCount(); ++row) {
        if (pane->historyText(row).contains(text))
            return true;
    }
    return false;
}
} // namespace

class TestPlainText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void toolTipShowsTextAsIs_data();
    void toolTipShowsTextAsIs();
    void peerTextIsNeverMarkup();
    void burstKeepsTypedPercents();
    void hexColumnLeavesTheMessageRoom();

private:
    // Checks one string given to Qt; counts where each peer string was seen.
    void check(const QString &where, const QString &given, Qt::TextFormat format);
    void walkModel(QAbstractItemView *view);

    QTemporaryDir m_settingsDir;
    QHash<QString, int> m_seen; // "tooltip:HACKED" -> times
};

void TestPlainText::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestPlainText::toolTipShowsTextAsIs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    const QString emoji = QString::fromUtf8("\xf0\x9f\x98\x80");
    const QString longText = QStringLiteral("word ").repeated(400);
    QTest::newRow("plain") << QStringLiteral("Connected by 127.0.0.1:5000 (pid 1, thread 2)")
                           << QStringLiteral("Connected by 127.0.0.1:5000 (pid 1, thread 2)");
    QTest::newRow("html") << kHtml << kHtml;
    QTest::newRow("long html") << kHtml.repeated(5) << kHtml.repeated(5);
    QTest::newRow("entity") << QStringLiteral("&lt;b&gt; & &amp;")
                            << QStringLiteral("&lt;b&gt; & &amp;");
    QTest::newRow("spaces and newline") << QStringLiteral("a  b\nc") << QStringLiteral("a  b\nc");
    QTest::newRow("long run") << QString(300, QLatin1Char('A')) << QString(300, QLatin1Char('A'));
    QTest::newRow("emoji run") << emoji.repeated(100) << emoji.repeated(100);
    QTest::newRow("too long") << longText << longText.left(PlainToolTip::kMaxChars) + QChar(0x2026);
}

void TestPlainText::toolTipShowsTextAsIs()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    const QString tip = PlainToolTip::from(text);
    QVERIFY(QStringView(tip).isValidUtf16());
    QCOMPARE(shownText(tip, Qt::AutoText), shown);
    // Shown as Qt shows it, the tip wraps inside the screen however long its words are.
    QToolTip::showText(QPoint(10, 10), tip);
    QWidget *label = nullptr;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->inherits("QTipLabel") && widget->isVisible())
            label = widget;
    }
    QVERIFY(label);
    const int screenWidth = label->screen()->geometry().width();
    QVERIFY2(label->width() < qMin(screenWidth, 1000),
             qPrintable(QStringLiteral("%1 of %2").arg(label->width()).arg(screenWidth)));
    if (shown.size() <= PlainToolTip::kOneLineChars && !shown.contains(QLatin1Char('\n')))
        QVERIFY2(label->height() < 2 * label->fontMetrics().lineSpacing(),
                 qPrintable(QString::number(label->height())));
    QToolTip::hideText();
    QVERIFY(PlainToolTip::from(QString()).isEmpty());
}

void TestPlainText::check(const QString &where, const QString &given, Qt::TextFormat format)
{
    for (const PeerString &peer : kPeerStrings) {
        if (!given.contains(peer.marker))
            continue;
        const QString shown = shownText(given, format);
        QVERIFY2(shown.contains(peer.literal),
                 qPrintable(QStringLiteral("%1 renders peer text as markup: given %2, shown %3")
                                .arg(where, given, shown)));
        ++m_seen[where.section(QLatin1Char(' '), 0, 0) + QLatin1Char(':') + peer.marker];
    }
}

void TestPlainText::walkModel(QAbstractItemView *view)
{
    QAbstractItemModel *model = view->model();
    if (!model)
        return;
    const QString name = view->objectName().isEmpty()
        ? QString::fromLatin1(view->metaObject()->className())
        : view->objectName();
    for (Qt::Orientation orientation : {Qt::Horizontal, Qt::Vertical}) {
        const int sections
            = orientation == Qt::Horizontal ? model->columnCount() : model->rowCount();
        for (int s = 0; s < sections; ++s) {
            check(QStringLiteral("display %1 header").arg(name),
                  model->headerData(s, orientation, Qt::DisplayRole).toString(), Qt::PlainText);
            check(QStringLiteral("tooltip %1 header").arg(name),
                  model->headerData(s, orientation, Qt::ToolTipRole).toString(), Qt::AutoText);
        }
    }
    QList<QModelIndex> parents {QModelIndex()};
    while (!parents.isEmpty()) {
        const QModelIndex parent = parents.takeFirst();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            for (int column = 0; column < model->columnCount(parent); ++column) {
                const QModelIndex index = model->index(row, column, parent);
                const QString where
                    = QStringLiteral("%1 row %2 column %3").arg(name).arg(row).arg(column);
                const QString display = index.data(Qt::DisplayRole).toString();
                // The stock delegate draws DisplayRole as plain text; an HTML delegate would not
                // (the class view's tiles draw each text with QPainter::drawText, plain too).
                QAbstractItemDelegate *delegate = view->itemDelegateForIndex(index);
                if (hasPeerString(display)) {
                    QVERIFY(delegate);
                    const QByteArray delegateClass(delegate->metaObject()->className());
                    QVERIFY2(delegateClass == QStyledItemDelegate::staticMetaObject.className()
                                 || delegateClass
                                     == ClassTileDelegate::staticMetaObject.className(),
                             delegateClass.constData());
                }
                check(QStringLiteral("display ") + where, display, Qt::PlainText);
                check(QStringLiteral("tooltip ") + where, index.data(Qt::ToolTipRole).toString(),
                      Qt::AutoText);
                if (column == 0 && model->hasChildren(index))
                    parents << index;
            }
        }
    }
}

void TestPlainText::peerTextIsNeverMarkup()
{
    MainWindow window;
    window.show();
    ServerToolBar *bar = window.serverToolBar();
    bar->tcpAction()->trigger();
    bar->threadAction()->trigger();
    bar->echoAction()->setChecked(true);
    bar->portSpin()->setValue(0);
    bar->startAction()->trigger();
    QVERIFY2(window.session()->server()->isRunning(),
             qPrintable(window.session()->server()->errorString()));
    const quint16 port = window.session()->server()->localPort();
    const EventListModel *log = window.serverPane()->logModel();

    // A student's own program: HTML, then more tags and entities.
    QTcpSocket student;
    student.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(student.waitForConnected(kTimeoutMs));
    student.write(kHtml.toUtf8());
    QTRY_VERIFY_WITH_TIMEOUT(hasRow(log, EventKind::Data, kHtml), kTimeoutMs);
    // Another connection: the same one's next message within 150 ms would join the first's
    // burst row, which shows only its last message.
    QTcpSocket secondStudent;
    secondStudent.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(secondStudent.waitForConnected(kTimeoutMs));
    secondStudent.write(kBold.toUtf8());
    QTRY_VERIFY_WITH_TIMEOUT(hasRow(log, EventKind::Data, kBold), kTimeoutMs);

    // A student's server that a pane connects to answers with tags; the user typed tags too.
    QTcpServer studentServer;
    QVERIFY(studentServer.listen(QHostAddress::LocalHost, 0));
    connect(&studentServer, &QTcpServer::newConnection, this, [&studentServer] {
        QTcpSocket *socket = studentServer.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write(kEvil.toUtf8());
        });
    });
    ClientPane *pane = window.clientPanes()->pane(0);
    pane->setHost(QStringLiteral("127.0.0.1"));
    pane->setPort(studentServer.serverPort());
    pane->sendMessage(kTyped);
    QTRY_VERIFY_WITH_TIMEOUT(historyHas(pane, kEvil) && historyHas(pane, kTyped), kTimeoutMs);

    // Strings no socket here can produce, handed over as the core would: a peer address and
    // an error naming a host the user typed.
    SocketEvent data;
    data.time = QDateTime::currentDateTimeUtc();
    data.role = Role::Server;
    data.kind = EventKind::Data;
    data.protocol = Protocol::Tcp;
    data.connectionId = 999;
    data.peer = kPeer;
    data.payload = "hi";
    data.bytes = 2;
    SocketEvent connected = data;
    connected.kind = EventKind::Connected;
    connected.payload.clear();
    connected.bytes = 0;
    emit window.session()->eventsArrived({connected, data});
    SocketEvent error;
    error.time = QDateTime::currentDateTimeUtc();
    error.role = Role::Client;
    error.kind = EventKind::Error;
    ClientPane *second = window.clientPanes()->addClient();
    error.connectionId = second->id();
    error.clientId = int(second->id());
    error.call = SysCall::Getaddrinfo;
    error.args = kHost;
    error.errnum = EHOSTUNREACH;
    emit window.session()->eventsArrived({error});
    QTRY_VERIFY_WITH_TIMEOUT(historyHas(second, QStringLiteral("xHOSTx")), kTimeoutMs);

    m_seen.clear();
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const QString name = widget->objectName().isEmpty()
            ? QString::fromLatin1(widget->metaObject()->className())
            : widget->objectName();
        check(QStringLiteral("tooltip widget ") + name, widget->toolTip(), Qt::AutoText);
        check(QStringLiteral("title widget ") + name, widget->windowTitle(), Qt::PlainText);
        if (auto *label = qobject_cast<QLabel *>(widget))
            check(QStringLiteral("label ") + name, label->text(), label->textFormat());
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            check(QStringLiteral("button ") + name, button->text(), Qt::PlainText);
        // A header shows its model's headerData, which walkModel() reads with the table.
        auto *view = qobject_cast<QAbstractItemView *>(widget);
        if (view && !qobject_cast<QHeaderView *>(view))
            walkModel(view);
    }
    for (QAction *action : window.findChildren<QAction *>()) {
        check(QStringLiteral("tooltip action ") + action->objectName(), action->toolTip(),
              Qt::AutoText);
        check(QStringLiteral("button action ") + action->objectName(), action->text(),
              Qt::PlainText);
    }
    check(QStringLiteral("status bar"), window.statusBar()->currentMessage(), Qt::PlainText);
    if (QTest::currentTestFailed())
        return;

    // The walk really met the peer strings where they are shown (it proves nothing otherwise).
    for (const QString &seen :
         {QStringLiteral("display:HACKED"), QStringLiteral("tooltip:HACKED"),
          QStringLiteral("tooltip:xBOLDx"), QStringLiteral("tooltip:xEVILx"),
          QStringLiteral("tooltip:xTYPEDx"), QStringLiteral("tooltip:xMALLORYx"),
          QStringLiteral("tooltip:xHOSTx"), QStringLiteral("label:xHOSTx"),
          QStringLiteral("display:xMALLORYx")}) {
        QVERIFY2(m_seen.value(seen) > 0, qPrintable(seen));
    }
    window.session()->server()->stop();
}

// "Send 3" numbers the typed text once: a typed %1 is sent as typed.
void TestPlainText::burstKeepsTypedPercents()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QByteArray received;
    connect(&server, &QTcpServer::newConnection, this, [&server, &received] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket,
                [socket, &received] { received += socket->readAll(); });
    });
    Client client;
    ClientPane pane(1, &client);
    pane.setHost(QStringLiteral("127.0.0.1"));
    pane.setPort(server.serverPort());
    auto *edit = pane.findChild<QLineEdit *>(QStringLiteral("message"));
    QVERIFY(edit);
    edit->setText(QStringLiteral("%1 and %2, 100%"));
    pane.sendBurst();
    const QByteArray expected = "%1 and %2, 100% #1%1 and %2, 100% #2%1 and %2, 100% #3";
    QTRY_COMPARE_WITH_TIMEOUT(received, expected, kTimeoutMs);
    client.disconnectFromHost();
}

// With the hex column shown, the message column stays the wide one.
void TestPlainText::hexColumnLeavesTheMessageRoom()
{
    ServerPane pane;
    pane.resize(1000, 500);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setHexVisible(true);
    QTableView *view = pane.logView();
    QTRY_VERIFY(view->columnWidth(EventListModel::MessageColumn)
                >= view->columnWidth(EventListModel::HexColumn));
    // Sized to its content: an empty log still shows the whole "Hex" header.
    QVERIFY(view->columnWidth(EventListModel::HexColumn)
            >= view->horizontalHeader()->sectionSizeHint(EventListModel::HexColumn));
    pane.setHexVisible(false);
    QVERIFY(view->isColumnHidden(EventListModel::HexColumn));
}

QTEST_MAIN(TestPlainText)
#include "tst_ui_plaintext.moc"
