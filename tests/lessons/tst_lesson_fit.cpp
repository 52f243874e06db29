#include "tests/lessons/lessontestsupport.h"
#include "translations/languagemanager.h"
#include "ui/lessons/codeview.h"
#include "ui/lessons/kernelview.h"
#include "ui/lessons/lessoncatalog.h"
#include "ui/lessons/lessonwindow.h"
#include "ui/lessons/queueplot.h"

#include <QHeaderView>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTreeWidget>

using namespace socketlab;

// Issues 11/12: every lesson reads at 1024x768, offscreen, in both languages.
class TestLessonFit : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { m_languages.setLanguage(QStringLiteral("en")); }

    void listingsFitThePane_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : LanguageManager::availableLanguages())
            QTest::addRow("%s", qPrintable(language)) << language;
    }

    // No line of any lesson's C or Python listing is wider than the code view's viewport.
    void queuesAreReadable_data() { listingsFitThePane_data(); }

    // Lesson 12's punch line: the queue plot has real height, its titles whole, and the kernel
    // table shows all three sockets.
    void queuesAreReadable()
    {
        QFETCH(QString, language);
        QVERIFY(m_languages.setLanguage(language));
        LessonWindow window;
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LessonController *controller = window.controller();
        window.openLesson(LessonCatalog::count() - 1);
        for (int step = 0; step < 2; ++step) {
            QTRY_VERIFY_WITH_TIMEOUT(controller->isSettled(), lessontest::kStepWaitMs);
            controller->next();
        }
        QTRY_VERIFY_WITH_TIMEOUT(controller->isSettled(), lessontest::kStepWaitMs);
        auto *kernel = window.findChild<KernelView *>();
        QVERIFY(kernel);
        auto *plot = kernel->findChild<QueuePlot *>();
        QVERIFY(plot && plot->isVisible());
        // Each lane keeps some 80 px for its curve below a two-line title (squashed to 152 px
        // the curves were ~30 px strips under Xvfb's larger fonts).
        QVERIFY2(plot->height() >= 200, qPrintable(QString::number(plot->height())));
        QVERIFY(plot->titlesFit());
        auto *table = kernel->findChild<QTreeWidget *>();
        QVERIFY(table);
        QTRY_COMPARE_WITH_TIMEOUT(table->topLevelItemCount(), 3, lessontest::kStepWaitMs);
        const QRect last = table->visualItemRect(table->topLevelItem(2));
        QVERIFY2(last.isValid() && last.bottom() <= table->viewport()->height(),
                 qPrintable(QStringLiteral("row to %1, viewport %2")
                                .arg(last.bottom())
                                .arg(table->viewport()->height())));
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestLessonFit)
#include "tst_lesson_fit.moc"
