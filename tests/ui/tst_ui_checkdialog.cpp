#include "tests/check/checktestsupport.h"
#include "translations/languagemanager.h"
#include "ui/callsequencewidget.h"
#include "ui/calltracemodel.h"
#include "ui/checkdialog.h"
#include "ui/checkresultsmodel.h"
#include "ui/models/eventlistmodel.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTableView>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <functional>

using namespace socketlab;

namespace {

// A check of a recipe program takes well under a second alone, much more on a busy machine.
constexpr int kCheckWaitMs = 90000;

// The processes whose command line holds marker and that are not socketlab-cli (whose
// arguments name the program too): the program a check runs.
int processesWith(const QByteArray &marker)
{
    int count = 0;
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        QFile cmdline(dir + QStringLiteral("/cmdline"));
        QFile comm(dir + QStringLiteral("/comm"));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(marker)
            && comm.open(QIODevice::ReadOnly) && !comm.readAll().startsWith("socketlab"))
            ++count;
    }
    return count;
}

QStringList results(const CheckResultsModel *model)
{
    QStringList list;
    for (int row = 0; row < model->rowCount(); ++row)
        list << model->item(row).id + QLatin1Char('=') + checkResultName(model->item(row).result);
    return list;
}

// Points the dialog at a "server" that never binds (the check would wait for it until its
// time limit), written in dir, readable by every user: started by root, the check runs it as
// nobody. Its path holds the marker processesWith() looks for.
bool prepareSleepyCheck(const QTemporaryDir &dir, CheckDialog *dialog)
{
    const QString program = dir.filePath(QStringLiteral("sleepy_checkdialog_marker.py"));
    QFile file(program);
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly))
        return false;
    file.write("import time\nwhile True:\n    time.sleep(1)\n");
    file.close();
    if (!file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                             | QFile::ReadOther))
        return false;
    QFile::setPermissions(dir.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup
                              | QFile::ExeOther);
    dialog->setCliPath(QStringLiteral(SOCKETLAB_CLI_PATH));
    if (!dialog->setExercise(QStringLiteral("tcp-server-fork")))
        return false;
    dialog->setProgramFile(program);
    return true;
}

} // namespace

class TestCheckDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void model();
    void udpServer();
    void liveRubricAndEvidence();
    void tcpClientInPortuguese();
    void noPrivateNetworkMessage();
    void stopLeavesNothing();
    void closingEndsTheCheck();

private:
    bool m_namespaces = false;
};

void TestCheckDialog::initTestCase()
{
    m_namespaces = checktest::privateNetworkAvailable();
}

void TestCheckDialog::model()
{
    CheckResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addItem({QStringLiteral("server-sequence"),
                   CheckItem::Result::Pass,
                   {QStringLiteral("<b>x</b>")},
                   QStringLiteral("In order."),
                   {}});
    model.addItem({QStringLiteral("children-reaped"),
                   CheckItem::Result::Fail,
                   {},
                   QStringLiteral("Zombies."),
                   {}});
    model.addItem(
        {QStringLiteral("threads-end"), CheckItem::Result::NotApplicable, {}, QString(), {}});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(CheckResultsModel::ColumnCount));
    // The result is a word and an icon, not a colour alone.
    QCOMPARE(model.index(1, CheckResultsModel::ResultColumn).data().toString(),
             QStringLiteral("Failed"));
    QVERIFY(!model.index(1, CheckResultsModel::ResultColumn).data(Qt::DecorationRole).isNull());
    QCOMPARE(model.index(2, CheckResultsModel::ResultColumn)
                 .data(CheckResultsModel::ResultNameRole)
                 .toString(),
             QStringLiteral("n/a"));
    QCOMPARE(model.index(0, CheckResultsModel::ItemColumn).data().toString(),
             QStringLiteral("server-sequence"));
    model.retranslate();
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestCheckDialog::udpServer()
{
    if (!m_namespaces)
        QSKIP("user namespaces are not available here: check cannot make a private network");
    // As in the window: the language manager also gives English its plural forms.
    LanguageManager language;
    QVERIFY(language.setLanguage(QStringLiteral("en")));
    CheckDialog dialog(&language);
    dialog.setCliPath(QStringLiteral(SOCKETLAB_CLI_PATH));
    dialog.show();
    QVERIFY(dialog.selectBundled(QStringLiteral("udp_server.py")));
    QCOMPARE(dialog.exercise(), QStringLiteral("udp-server"));
    dialog.startCheck();
    QVERIFY(dialog.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), kCheckWaitMs);
    QCOMPARE(results(dialog.model()),
             QStringList({"server-sequence=pass", "listens-on-port=pass", "prints-connection=pass",
                          "prints-data=pass", "receives-every-datagram=pass", "limit-time=pass",
                          "limit-processes=pass", "limit-files=pass"}));
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("8 of 8 items passed")),
             qPrintable(dialog.statusText()));

    // An item's evidence, the calls with pid, step and tid, in the details pane.
    auto *table = dialog.findChild<QTableView *>(QStringLiteral("checkRubric"));
    auto *details = dialog.findChild<QPlainTextEdit *>(QStringLiteral("checkDetails"));
    QVERIFY(table && details);
    table->selectRow(0);
    const QString text = details->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("server-sequence"))
                 && text.contains(QStringLiteral("bind("))
                 && text.contains(QStringLiteral("(tid ")),
             qPrintable(text));
}

// The (pid, tid, end_us) of the selected rows of a view whose rows are events.
QSet<QString> selectedEvents(QTableView *view, const std::function<SocketEvent(int)> &eventAt)
{
    QSet<QString> keys;
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const SocketEvent event = eventAt(index.row());
        keys << QStringLiteral("%1/%2/%3").arg(event.pid).arg(event.tid).arg(event.endUs);
    }
    return keys;
}

QSet<QString> quotedEvents(const CheckItem &item)
{
    QSet<QString> keys;
    for (const CheckItem::Call &call : item.calls)
        keys << QStringLiteral("%1/%2/%3").arg(call.pid).arg(call.tid).arg(call.endUs);
    return keys;
}

int rowOf(const CheckResultsModel *model, const QString &id)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->item(row).id == id)
            return row;
    }
    return -1;
}

void TestCheckDialog::liveRubricAndEvidence()
{
    if (!m_namespaces)
        QSKIP("user namespaces are not available here: check cannot make a private network");
    // The recipe's fork server under a name of its own, to tell when it runs.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray marker("live_checkdialog_marker");
    const QString program
        = checktest::readableCopy(dir, checktest::recipe(QStringLiteral("tcp_server_fork.py")),
                                  QString::fromLatin1(marker) + QStringLiteral(".py"));
    LanguageManager language;
    QVERIFY(language.setLanguage(QStringLiteral("en")));
    CheckDialog dialog(&language);
    dialog.setCliPath(QStringLiteral(SOCKETLAB_CLI_PATH));
    QVERIFY(dialog.setExercise(QStringLiteral("tcp-server-fork")));
    dialog.setProgramFile(program);
    dialog.show();
    // The first rows of the rubric come while the program still serves SocketLab's clients.
    int rowsWhileRunning = -1;
    connect(dialog.model(), &QAbstractItemModel::rowsInserted, this, [&] {
        if (rowsWhileRunning < 0)
            rowsWhileRunning = processesWith(marker) > 0 ? 1 : 0;
    });
    dialog.startCheck();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), kCheckWaitMs);
    QCOMPARE(rowsWhileRunning, 1);
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("15 of 16")),
             qPrintable(dialog.statusText()));
    // The rubric's order, whatever the order the items were decided in.
    QCOMPARE(dialog.model()->item(0).id, QStringLiteral("server-sequence"));

    // The program's calls are in the diagram and the log.
    CallSequenceWidget *calls = dialog.callView();
    QVERIFY(calls->traceModel()->rowCount() > 0);
    QVERIFY(dialog.logModel()->rowCount() > 0);
    auto *table = dialog.findChild<QTableView *>(QStringLiteral("checkRubric"));
    QVERIFY(table);
    auto traceEvent = [calls](int row) { return calls->traceModel()->eventAt(row); };
    auto logEvent = [&dialog](int row) { return dialog.logModel()->eventAt(row); };

    // Clicking an item selects exactly its calls: socket, bind, listen, accept.
    const int sequence = rowOf(dialog.model(), QStringLiteral("server-sequence"));
    QVERIFY(sequence >= 0);
    table->selectRow(sequence);
    const CheckItem &item = dialog.model()->item(sequence);
    QCOMPARE(item.calls.size(), 4);
    QCOMPARE(selectedEvents(calls->traceView(), traceEvent), quotedEvents(item));
    QCOMPARE(calls->traceView()->selectionModel()->selectedRows().size(), 4);
    QCOMPARE(calls->lanesView()->selectionModel()->selectedRows().size(), 4);
    QCOMPARE(selectedEvents(dialog.logView(), logEvent), quotedEvents(item));

    // The zombies are process events: in the log.
    const int reaped = rowOf(dialog.model(), QStringLiteral("children-reaped"));
    QVERIFY(reaped >= 0);
    table->selectRow(reaped);
    const CheckItem &zombies = dialog.model()->item(reaped);
    QVERIFY(!zombies.calls.isEmpty());
    QCOMPARE(selectedEvents(dialog.logView(), logEvent), quotedEvents(zombies));
    QVERIFY(calls->traceView()->selectionModel()->selectedRows().isEmpty());

    // An item without calls selects nothing.
    const int time = rowOf(dialog.model(), QStringLiteral("limit-time"));
    table->selectRow(time);
    QVERIFY(dialog.logView()->selectionModel()->selectedRows().isEmpty());
}

void TestCheckDialog::tcpClientInPortuguese()
{
    if (!m_namespaces)
        QSKIP("user namespaces are not available here: check cannot make a private network");
    LanguageManager language;
    CheckDialog dialog(&language);
    QVERIFY(language.setLanguage(QStringLiteral("pt_BR")));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.windowTitle(), QStringLiteral("Verificar um programa"), 10000);
    dialog.setCliPath(QStringLiteral(SOCKETLAB_CLI_PATH));
    QVERIFY(dialog.selectBundled(QStringLiteral("tcp_client.py")));
    QCOMPARE(dialog.exercise(), QStringLiteral("tcp-client"));
    dialog.startCheck();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), kCheckWaitMs);
    const QStringList got = results(dialog.model());
    QVERIFY2(got.contains(QStringLiteral("client-sequence=pass")), qPrintable(got.join(' ')));
    QVERIFY2(got.contains(QStringLiteral("stops-at-ctrl-x=pass")), qPrintable(got.join(' ')));
    // The check ran in the window's language.
    QVERIFY2(dialog.statusText().contains(QStringLiteral("itens")),
             qPrintable(dialog.statusText()));
    QCOMPARE(dialog.model()->index(0, CheckResultsModel::ResultColumn).data().toString(),
             QStringLiteral("Passou"));
    QVERIFY2(dialog.model()->item(0).explanation.contains(QStringLiteral("cliente")),
             qPrintable(dialog.model()->item(0).explanation));
}

void TestCheckDialog::noPrivateNetworkMessage()
{
    // A socketlab-cli that cannot make a private network says why on standard error and
    // exits 1: the dialog shows that, as plain text.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fake = dir.filePath(QStringLiteral("socketlab-cli"));
    QFile file(fake);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "#!/bin/sh\necho 'socketlab-cli: A private network cannot be made here: <b>unshare</b> "
        "failed.' >&2\nexit 1\n");
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    CheckDialog dialog(nullptr);
    dialog.setCliPath(fake);
    QVERIFY(dialog.selectBundled(QStringLiteral("udp_server.py")));
    dialog.startCheck();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 30000);
    QCOMPARE(dialog.statusText(),
             QStringLiteral("A private network cannot be made here: <b>unshare</b> failed."));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("checkStatus"));
    QVERIFY(status);
    QCOMPARE(status->textFormat(), Qt::PlainText);
    QCOMPARE(dialog.model()->rowCount(), 0);
}

void TestCheckDialog::stopLeavesNothing()
{
    if (!m_namespaces)
        QSKIP("user namespaces are not available here: check cannot make a private network");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray marker("sleepy_checkdialog_marker");
    QCOMPARE(processesWith(marker), 0);
    CheckDialog dialog(nullptr);
    QVERIFY(prepareSleepyCheck(dir, &dialog));
    dialog.startCheck();
    QTRY_VERIFY_WITH_TIMEOUT(processesWith(marker) > 0, 30000);
    auto *process = dialog.findChild<QProcess *>();
    QVERIFY(process);
    const pid_t group = pid_t(process->processId());
    QVERIFY(group > 0);
    dialog.stopCheck();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 15000);
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Stopped")),
             qPrintable(dialog.statusText()));
    // Neither the program nor anything of the check's process group is left.
    QTRY_COMPARE_WITH_TIMEOUT(processesWith(marker), 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(::kill(-group, 0) != 0 && errno == ESRCH, 15000);
    QCOMPARE(dialog.model()->rowCount(), 0);
}

// Closing the dialog during a check ends it too.
void TestCheckDialog::closingEndsTheCheck()
{
    if (!m_namespaces)
        QSKIP("user namespaces are not available here: check cannot make a private network");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray marker("sleepy_checkdialog_marker");
    QCOMPARE(processesWith(marker), 0);
    CheckDialog dialog(nullptr);
    QVERIFY(prepareSleepyCheck(dir, &dialog));
    dialog.show();
    dialog.startCheck();
    QVERIFY2(dialog.isRunning(), qPrintable(dialog.statusText()));
    QTRY_VERIFY2_WITH_TIMEOUT(processesWith(marker) > 0, qPrintable(dialog.statusText()), 30000);
    dialog.reject();
    QVERIFY(!dialog.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(processesWith(marker), 0, 15000);
}

QTEST_MAIN(TestCheckDialog)
#include "tst_ui_checkdialog.moc"
