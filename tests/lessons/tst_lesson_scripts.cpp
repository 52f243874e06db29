#include "lessons/lessoncatalog.h"
#include "lessons/lessons.h"
#include "tests/lessons/lessontestsupport.h"

#include <QSet>

using namespace socketlab;

namespace {
// The listing lines each step highlighted when steps named them by index (C, Python), and
// the listings' lengths then: the anchors must point at the same lines.
struct Highlighted
{
    int c;
    int python;
};

struct Expected
{
    int cLines;
    int pythonLines;
    QVector<Highlighted> steps;
};

const QVector<Expected> &expected()
{
    static const QVector<Expected> lessons {
        {20, 15, {{2, 2}, {4, 4}, {10, 8}, {6, 5}, {4, 4}, {17, 13}}}, // udp
        {18, 17, {{4, 3}, {6, 5}, {15, 14}, {7, 7}, {9, 10}, {6, 5}}}, // tcp basics
        {7, 8, {{0, 0}, {3, 4}, {3, 4}, {0, 0}, {2, 2}, {5, 7}}}, // iterative
        {13, 10, {{1, 1}, {5, 5}, {12, 9}, {7, 6}, {12, 9}, {9, 7}}}, // fork
        {14, 13, {{6, 5}, {4, 4}, {11, 11}, {0, 0}, {6, 5}}}, // shared memory
        {9, 9, {{5, 5}, {5, 5}, {8, 8}}}, // boundaries
        {10, 8, {{2, 2}, {8, 6}}}, // refused
        {11, 9, {{4, 3}, {10, 8}, {4, 3}, {2, 2}, {4, 3}}}, // address in use
        {21, 17, {{0, 0}, {0, 0}, {2, 2}, {8, 9}, {15, 14}}}, // poll
        {16, 14, {{1, 1}, {4, 4}, {2, 2}, {5, 5}, {10, 8}, {2, 2}}}, // closing
        {13, 9, {{9, 7}, {6, 4}, {2, 1}, {6, 4}, {7, 5}}}, // nagle
        // the catalogue's last
        {17, 13, {{2, 1}, {11, 8}, {12, 9}, {13, 10}, {15, 12}}}, // flow control
    };
    return lessons;
}

QSet<QByteArray> anchors(const ListingLines &lines)
{
    QSet<QByteArray> names;
    for (const ListingLine &line : lines) {
        if (line.anchor)
            names.insert(QByteArray(line.anchor));
    }
    return names;
}
} // namespace

class TestLessonScripts : public QObject
{
    Q_OBJECT

private slots:
    void stepAnchors_data()
    {
        QTest::addColumn<int>("lesson");
        QTest::addColumn<int>("step");
        QCOMPARE(LessonCatalog::count(), expected().size());
        for (int lesson = 0; lesson < expected().size(); ++lesson) {
            for (int step = 0; step < expected().at(lesson).steps.size(); ++step)
                QTest::addRow("lesson%d-step%d", lesson + 1, step + 1) << lesson << step;
        }
    }

    void stepAnchors()
    {
        QFETCH(int, lesson);
        QFETCH(int, step);
        const LessonScript script = LessonCatalog::build(lesson);
        const Expected &was = expected().at(lesson);
        QCOMPARE(script.steps.size(), was.steps.size());
        QCOMPARE(script.listing.c.size(), was.cLines);
        QCOMPARE(script.listing.python.size(), was.pythonLines);
        const char *anchor = script.steps.at(step).anchor;
        QVERIFY(anchor);
        QVERIFY2(script.listing.cLine(anchor) >= 0, anchor);
        QVERIFY2(script.listing.pythonLine(anchor) >= 0, anchor);
        QCOMPARE(script.listing.cLine(anchor), was.steps.at(step).c);
        QCOMPARE(script.listing.pythonLine(anchor), was.steps.at(step).python);
    }

    // An anchor names one line per listing, and every anchor is there in both languages.
    void anchorsMatchAcrossLanguages()
    {
        for (const LessonScript &script : LessonCatalog::create()) {
            const QSet<QByteArray> c = anchors(script.listing.c);
            const QSet<QByteArray> python = anchors(script.listing.python);
            QCOMPARE(c, python);
            QCOMPARE(qsizetype(c.size()),
                     std::count_if(script.listing.c.cbegin(), script.listing.c.cend(),
                                   [](const ListingLine &l) { return l.anchor; }));
            QCOMPARE(qsizetype(python.size()),
                     std::count_if(script.listing.python.cbegin(), script.listing.python.cend(),
                                   [](const ListingLine &l) { return l.anchor; }));
        }
    }

    // Each run starts with the lesson's facts anew.
    void restartForgetsTheFacts()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 6));
        QVERIFY(controller.current()->factsAs<BoundariesFacts>()->tcpChunks > 0);
        QVERIFY(!controller.current()->factsAs<ForkFacts>());
        controller.restart();
        QCOMPARE(controller.current()->factsAs<BoundariesFacts>()->tcpChunks, 0);
        QTRY_VERIFY_WITH_TIMEOUT(controller.isSettled(), lessontest::kStepWaitMs);
    }

    // A language switch builds the texts again but keeps the run and what it recorded.
    void retranslateKeepsTheFacts()
    {
        LessonController controller;
        QVERIFY(lessontest::runToEnd(controller, 6));
        const BoundariesFacts *facts = controller.current()->factsAs<BoundariesFacts>();
        const int chunks = facts->tcpChunks;
        QVERIFY(chunks > 0);
        controller.retranslate();
        QCOMPARE(controller.current()->factsAs<BoundariesFacts>(), facts);
        QCOMPARE(facts->tcpChunks, chunks);
        QCOMPARE(controller.currentStep(), controller.stepCount() - 1);
        QVERIFY2(controller.outcome().passed, qPrintable(controller.outcome().text));
    }
};

QTEST_MAIN(TestLessonScripts)
#include "tst_lesson_scripts.moc"
