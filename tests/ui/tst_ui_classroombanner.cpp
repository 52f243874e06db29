#include "ui/classroombanner.h"
#include "ui/serverpane.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace socketlab;

// The large "how to connect" window of a server open to the classroom network.
class TestClassroomBanner : public QObject
{
    Q_OBJECT

private slots:
    void commandsForEachAddress_data()
    {
        QTest::addColumn<bool>("udp");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("tcp") << false
                             << QStringList{QStringLiteral("nc 192.0.2.15 5000"),
                                            QStringLiteral("nc 2001:db8::1 5000")};
        QTest::newRow("udp") << true
                             << QStringList{QStringLiteral("nc -u 192.0.2.15 5000"),
                                            QStringLiteral("nc -u 2001:db8::1 5000")};
    }

    void commandsForEachAddress()
    {
        QFETCH(bool, udp);
        QFETCH(QStringList, expected);
        ClassroomBanner banner;
        banner.setServer({QStringLiteral("192.0.2.15"), QStringLiteral("2001:db8::1")}, 5000, udp);
        QCOMPARE(banner.commands(), expected);
        banner.show();
        QVERIFY(QTest::qWaitForWindowExposed(&banner));
        // Each command is shown large, as plain selectable text, with its own Copy button.
        QStringList shown;
        for (const QLabel *label : banner.findChildren<QLabel *>()) {
            if (expected.contains(label->text())) {
                shown << label->text();
                QCOMPARE(label->textFormat(), Qt::PlainText);
                QVERIFY(label->font().pointSizeF() >= 1.9 * banner.font().pointSizeF());
            }
        }
        shown.sort();
        QStringList sorted = expected;
        sorted.sort();
        QCOMPARE(shown, sorted);
        const QList<QPushButton *> buttons = banner.findChildren<QPushButton *>();
        QPushButton *copySecond = nullptr;
        for (QPushButton *button : buttons) {
            if (button->toolTip().contains(expected.at(1)))
                copySecond = button;
        }
        QVERIFY(copySecond);
        copySecond->click();
        QCOMPARE(QApplication::clipboard()->text(), expected.at(1));
    }

    // Only a server open to the network offers the banner.
    void buttonOnlyWhenOpen()
    {
        ServerPane pane;
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        auto *button = pane.findChild<QPushButton *>(QStringLiteral("showClassroomBanner"));
        QVERIFY(button);
        pane.setEndpoint(QStringLiteral("127.0.0.1"), 5000);
        QVERIFY(!button->isVisible());
        pane.setEndpoint(QStringLiteral("0.0.0.0"), 5000);
        QVERIFY(button->isVisible());
        button->click();
        QVERIFY(pane.classroomBanner() && pane.classroomBanner()->isVisible());
        QStringList expected;
        for (const QString &address : ServerPane::classroomAddresses())
            expected << ClassroomBanner::ncCommand(address, 5000, false);
        QCOMPARE(pane.classroomBanner()->commands(), expected);
        pane.setEndpoint(QString(), 0);
        QVERIFY(!button->isVisible());
    }
};

QTEST_MAIN(TestClassroomBanner)
#include "tst_ui_classroombanner.moc"
