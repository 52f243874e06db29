#include "lessons/lessoncatalog.h"
#include "tests/lessons/lessontestsupport.h"
#include "ui/lessons/codeview.h"
#include "ui/lessons/kernelview.h"
#include "ui/lessons/lessonwindow.h"
#include "ui/lessons/queueplot.h"
#include "ui/lessons/sequencediagramwidget.h"
#include "ui/zoomcontroller.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QCheckBox>
#include <QImage>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QXmlStreamReader>

#include <algorithm>

using namespace socketlab;

// The lesson window, offscreen. (A picture of every step of every lesson:
// socketlab-screenshot DIR --every-step, see README.)
class TestLessonWindow : public QObject
{
    Q_OBJECT

private slots:
    void walksALessonAndExports()
    {
        LessonWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LessonController *controller = window.controller();
        window.openLesson(2);
        QTRY_VERIFY_WITH_TIMEOUT(controller->isSettled(), lessontest::kStepWaitMs);
        while (controller->canGoNext()) {
            controller->next();
            QTRY_VERIFY_WITH_TIMEOUT(controller->isSettled(), lessontest::kStepWaitMs);
        }
        QVERIFY(controller->outcome().passed);
        QVERIFY(window.diagram()->model().items().size() > 5);

        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("d.png"));
        const QString svg = dir.filePath(QStringLiteral("d.svg"));
        QVERIFY(window.diagram()->exportPng(png));
        QVERIFY(window.diagram()->exportSvg(svg));
        QImage image(png);
        QVERIFY(!image.isNull());
        // Twice the pixels of the diagram on screen, for slides.
        QVERIFY2(
            image.width() >= 2 * window.diagram()->width() - 2,
            qPrintable(
                QStringLiteral("%1 px for %2").arg(image.width()).arg(window.diagram()->width())));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }

    // A lesson's whole diagram fits its pane at 1024x768, or the pane follows its last step.
    void diagramFitsThePane()
    {
        LessonWindow window;
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(lessontest::runToEnd(*window.controller(), 3));
        const SequenceDiagramWidget *diagram = window.diagram();
        QVERIFY(diagram->model().rowCount() > 8);
        // Nineteen rows: shrunk to the smallest readable scale, it still needs more height than
        // 1024x768 leaves, so the pane follows the newest row instead.
        auto *area = qobject_cast<QAbstractScrollArea *>(diagram->parentWidget()->parentWidget());
        QVERIFY(area);
        QTRY_VERIFY(
            diagram->minimumHeight() <= diagram->parentWidget()->height()
            || (area->verticalScrollBar()->maximum() > 0
                && area->verticalScrollBar()->value() == area->verticalScrollBar()->maximum()));
    }

    // The kernel tab lists the lesson's sockets live; the flow-control lesson plots the queues.
    void kernelTabShowsTheSockets()
    {
        LessonWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LessonController *controller = window.controller();
        window.openLesson(LessonCatalog::count() - 1);
        QTRY_VERIFY_WITH_TIMEOUT(controller->isSettled(), lessontest::kStepWaitMs);
        auto *kernel = window.findChild<KernelView *>();
        QVERIFY(kernel);
        auto *tabs = qobject_cast<QTabWidget *>(kernel->parentWidget()->parentWidget());
        QVERIFY(tabs);
        QCOMPARE(tabs->currentWidget(), kernel); // the step says: look at the kernel
        auto *table = kernel->findChild<QTreeWidget *>();
        QVERIFY(table);
        // The listener, the server's side of A's connection and A's socket.
        QTRY_COMPARE_WITH_TIMEOUT(table->topLevelItemCount(), 3, lessontest::kStepWaitMs);
        QStringList states;
        for (int i = 0; i < table->topLevelItemCount(); ++i)
            states << table->topLevelItem(i)->text(1);
        QCOMPARE(states,
                 (QStringList {QStringLiteral("LISTEN"), QStringLiteral("ESTABLISHED"),
                               QStringLiteral("ESTABLISHED")}));
        QVERIFY(kernel->findChild<QueuePlot *>()->isVisible());
        window.openLesson(2);
        QTRY_VERIFY_WITH_TIMEOUT(controller->isSettled(), lessontest::kStepWaitMs);
        QVERIFY(!kernel->findChild<QueuePlot *>()->isVisible());
    }

    // An exported diagram has room for every label whole, closing quote included (lesson 4's
    // `send(): "B: hello` lost it), whatever the pane on screen had to shorten.
    void exportKeepsWholeLabels()
    {
        LessonWindow window;
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(lessontest::runToEnd(*window.controller(), 4));
        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("d.svg"));
        QVERIFY(window.diagram()->exportSvg(svg));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList texts;
        QXmlStreamReader xml(&file);
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement
                && xml.name() == QLatin1String("text"))
                texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        const QString all = texts.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("send(): \"B: hello\"")), qPrintable(all));
        for (const SequenceItem &item : window.diagram()->model().items())
            QVERIFY2(all.contains(item.label), qPrintable(item.label));
    }

    // "Look at" names a row of the kernel's table: it is in view and highlighted (lesson 3
    // step 4: D's SYN_SENT, below the fold at 1024x768 before).
    void lookAtScrollsToTheRow()
    {
        LessonWindow window;
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(lessontest::runToStep(*window.controller(), 3, 4));
        auto *kernel = window.findChild<KernelView *>();
        auto *table = kernel->findChild<QTreeWidget *>();
        QTreeWidgetItem *synSent = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((synSent = [table]() -> QTreeWidgetItem * {
                                     for (int i = 0; i < table->topLevelItemCount(); ++i) {
                                         if (table->topLevelItem(i)->text(1)
                                             == QLatin1String("SYN_SENT"))
                                             return table->topLevelItem(i);
                                     }
                                     return nullptr;
                                 }()) != nullptr,
                                 lessontest::kStepWaitMs);
        QVERIFY(synSent->font(1).bold());
        QTRY_VERIFY(table->viewport()->rect().contains(table->visualItemRect(synSent)));
        // The diagram draws D's connect() that has not returned.
        const int lane = window.diagram()->model().clientLane(4);
        QVERIFY(lane >= 0);
        QTRY_VERIFY(
            std::any_of(window.diagram()->model().items().cbegin(),
                        window.diagram()->model().items().cend(), [lane](const SequenceItem &item) {
                            return item.fromLane == lane && item.kind == SequenceItem::Kind::Connect
                                && item.endRow < 0;
                        }));
    }

    // Lesson 9's last steps use the server and clients G, H and I, right of six lanes that
    // are quiet by then: the diagram scrolls there.
    void diagramFollowsTheStepLanes()
    {
        LessonWindow window;
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(lessontest::runToStep(*window.controller(), 9, 5));
        const SequenceDiagramWidget *diagram = window.diagram();
        QVERIFY(diagram->model().lanes().size() >= 8);
        const QPair<int, int> last = diagram->lanesSpan(diagram->model().rowCount() - 1);
        QTRY_VERIFY(diagram->visibleRegion().boundingRect().intersects(
            QRect(last.first, 0, last.second - last.first, diagram->height())));
        // Labels at 12 px at least on screen, growing with the window's text.
        QVERIFY2(diagram->labelPixelSize() >= 12,
                 qPrintable(QString::number(diagram->labelPixelSize())));
    }

    // The diagram's text follows the window's text size (zoom, presentation).
    void diagramTextFollowsTheZoom()
    {
        LessonWindow window;
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The zoom (the main window's, shared by every window) at 100%, then its largest step.
        ZoomController *zoom = ZoomController::instance();
        zoom->reset();
        QCoreApplication::processEvents();
        const int before = window.diagram()->labelPixelSize();
        QVERIFY2(before >= 12, qPrintable(QString::number(before)));
        zoom->setPercent(ZoomController::steps().last());
        QTRY_VERIFY2(window.diagram()->labelPixelSize() >= before * 5 / 4,
                     qPrintable(QString::number(window.diagram()->labelPixelSize())));
        zoom->reset();
        QTRY_COMPARE(window.diagram()->labelPixelSize(), before);
    }

    // The line of the step's anchor is highlighted in each language, wherever it is there.
    void codeViewHighlightsTheAnchor()
    {
        CodeView view;
        CodeListing listing;
        listing.c = {ListingLine::commentLine(QStringLiteral("server")),
                     "s = socket(AF_INET, SOCK_STREAM, 0);",
                     {"accept", "c = accept(s, NULL, NULL);"}};
        listing.python = {{"accept", "con, cliente = tcp.accept()"}, "con.close()"};
        view.setListing(listing);
        const auto *c = qobject_cast<QPlainTextEdit *>(view.widget(0));
        const auto *python = qobject_cast<QPlainTextEdit *>(view.widget(1));
        QVERIFY(c && python);
        const auto highlighted = [](const QPlainTextEdit *editor) {
            const QList<QTextEdit::ExtraSelection> selections = editor->extraSelections();
            return selections.isEmpty() ? -1 : selections.first().cursor.blockNumber();
        };
        view.setCurrentAnchor("accept");
        QCOMPARE(highlighted(c), 2);
        QCOMPARE(highlighted(python), 0);
        view.setCurrentAnchor(nullptr);
        QCOMPARE(highlighted(c), -1);
        QCOMPARE(highlighted(python), -1);
    }

    // Lesson 4 step 4 runs a server that does not reap: the box says so, whatever the switch.
    void forkStep4ShowsReapingOff()
    {
        LessonWindow window;
        window.show();
        LessonController *controller = window.controller();
        window.openLesson(3);
        auto *box = window.findChild<QCheckBox *>();
        QVERIFY(box);
        for (int step = 0; step < 3; ++step) {
            QTRY_VERIFY_WITH_TIMEOUT(controller->isSettled(), lessontest::kStepWaitMs);
            QVERIFY(box->isChecked());
            QVERIFY(box->isEnabled());
            controller->next();
        }
        QCOMPARE(controller->currentStep(), 3);
        QVERIFY(!box->isChecked());
        QVERIFY(!box->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(controller->isSettled(), lessontest::kStepWaitMs);
        controller->back();
        QTRY_VERIFY_WITH_TIMEOUT(controller->isSettled(), lessontest::kStepWaitMs);
        QCOMPARE(controller->currentStep(), 2);
        QVERIFY(box->isChecked());
    }

    void languageChangeKeepsTheStep()
    {
        LessonWindow window;
        window.show();
        QTRY_VERIFY(window.controller()->isSettled());
        QEvent change(QEvent::LanguageChange);
        QApplication::sendEvent(&window, &change);
        QCOMPARE(window.controller()->currentLesson(), 0);
        QCOMPARE(window.controller()->currentStep(), 0);
    }

    void closeStopsTheLesson()
    {
        LessonWindow window;
        window.show();
        QTRY_VERIFY(window.controller()->isSettled());
        QVERIFY(window.controller()->runtime()->server()->isRunning());
        window.close();
        QVERIFY(!window.controller()->runtime()->server()->isRunning());
        window.show();
        QTRY_VERIFY(window.controller()->isSettled());
        QVERIFY(window.controller()->runtime()->server()->isRunning());
    }
};

QTEST_MAIN(TestLessonWindow)
#include "tst_lesson_window.moc"
