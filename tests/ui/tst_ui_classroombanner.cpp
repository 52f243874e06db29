#include "ui/classroombanner.h"
#include "ui/serverpane.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
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
                             << QStringList {QStringLiteral("nc 192.0.2.15 5000"),
                                             QStringLiteral("nc 2001:db8::1 5000")};
        QTest::newRow("udp") << true
                             << QStringList {QStringLiteral("nc -u 192.0.2.15 5000"),
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
                // The first address as large as the screen allows, the others at least as
                // large as the window's text.
                const double scale = label->text() == expected.constFirst() ? 1.9 : 1.0;
                QVERIFY(QFontInfo(label->font()).pixelSize()
                        >= scale * QFontInfo(banner.font()).pixelSize());
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

    // Read from the back of the room: full screen, the first command at least 48 px on a
    // 1024x768 screen (proportionally on a smaller one) and inside the window, the other
    // addresses below it and smaller.
    void firstCommandFillsTheScreen()
    {
        QWidget owner;
        auto *banner = new ClassroomBanner(&owner);
        banner->setServer({QStringLiteral("192.168.100.200"), QStringLiteral("10.0.0.7"),
                           QStringLiteral("2001:db8:85a3::8a2e:370:7334")},
                          6100, false);
        banner->present();
        QVERIFY(QTest::qWaitForWindowExposed(banner));
        QTRY_VERIFY(banner->isFullScreen());
        const QRect screen = banner->screen()->geometry();
        QTRY_COMPARE(banner->size(), screen.size());
        QLabel *first = nullptr;
        QList<QLabel *> others;
        for (QLabel *label : banner->findChildren<QLabel *>()) {
            if (label->text() == banner->commands().constFirst())
                first = label;
            else if (banner->commands().contains(label->text()))
                others << label;
        }
        QVERIFY(first);
        QCOMPARE(others.size(), 2);
        const int least = qMin(ClassroomBanner::kMinCommandPixels,
                               ClassroomBanner::kMinCommandPixels * screen.width() / 1024);
        QVERIFY2(QFontInfo(first->font()).pixelSize() >= least,
                 qPrintable(QString::number(QFontInfo(first->font()).pixelSize())));
        QVERIFY(first->sizeHint().width() <= banner->width());
        for (QLabel *other : std::as_const(others)) {
            QVERIFY(other->y() > first->y());
            QVERIFY(other->font().pixelSize() < first->font().pixelSize());
            QVERIFY(other->geometry().bottom() <= banner->height());
        }
    }

    // The crash of issue 18: a font change (presentation mode's way out sends one to every
    // widget it collected first) must not delete the banner's widgets.
    void fontChangeKeepsItsWidgets()
    {
        ClassroomBanner banner;
        banner.setServer({QStringLiteral("192.0.2.15"), QStringLiteral("192.0.2.16")}, 5000, false);
        banner.show();
        QVERIFY(QTest::qWaitForWindowExposed(&banner));
        QList<QPointer<QLabel>> labels;
        for (QLabel *label : banner.findChildren<QLabel *>())
            labels << label;
        QFont larger = banner.font();
        larger.setPointSizeF(larger.pointSizeF() * 2);
        banner.setFont(larger);
        QEvent changed(QEvent::FontChange);
        QCoreApplication::sendEvent(&banner, &changed);
        for (const QPointer<QLabel> &label : std::as_const(labels))
            QVERIFY(label);
        QCOMPARE(banner.commands().size(), 2);
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
