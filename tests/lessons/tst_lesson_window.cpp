#include "tests/lessons/lessontestsupport.h"
#include "ui/lessons/codeview.h"
#include "ui/lessons/kernelview.h"
#include "ui/lessons/lessoncatalog.h"
#include "ui/lessons/queueplot.h"
#include "ui/lessons/lessonwindow.h"
#include "ui/lessons/sequencediagramwidget.h"

#include <QCheckBox>
#include <QAbstractScrollArea>
#include <QImage>
#include <QScrollBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QXmlStreamReader>

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
        QVERIFY2(image.width() >= 2 * window.diagram()->width() - 2,
                 qPrintable(QStringLiteral("%1 px for %2").arg(image.width()).arg(window.diagram()->width())));
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
        QTRY_VERIFY(diagram->minimumHeight() <= diagram->parentWidget()->height()
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
        QCOMPARE(tabs->currentWidget(), kernel);  // the step says: look at the kernel
        auto *table = kernel->findChild<QTreeWidget *>();
        QVERIFY(table);
        // The listener, the server's side of A's connection and A's socket.
        QTRY_COMPARE_WITH_TIMEOUT(table->topLevelItemCount(), 3, lessontest::kStepWaitMs);
        QStringList states;
        for (int i = 0; i < table->topLevelItemCount(); ++i)
            states << table->topLevelItem(i)->text(1);
        QCOMPARE(states, (QStringList{QStringLiteral("LISTEN"), QStringLiteral("ESTABLISHED"),
                                      QStringLiteral("ESTABLISHED")}));
        QVERIFY(kernel->findChild<QueuePlot *>()->isVisible());
        window.openLesson(2);
        QTRY_VERIFY_WITH_TIMEOUT(controller->isSettled(), lessontest::kStepWaitMs);
        QVERIFY(!kernel->findChild<QueuePlot *>()->isVisible());
    }

    // The line of the step's anchor is highlighted in each language, wherever it is there.
    void codeViewHighlightsTheAnchor()
    {
        CodeView view;
        CodeListing listing;
        listing.c = {ListingLine::commentLine(QStringLiteral("server")), "s = socket(AF_INET, SOCK_STREAM, 0);", {"accept", "c = accept(s, NULL, NULL);"}};
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
