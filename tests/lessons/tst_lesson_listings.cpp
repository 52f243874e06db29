#include "lessons/lessoncatalog.h"
#include "lessons/lessoncontroller.h"
#include "translations/languagemanager.h"

#include <QRegularExpression>
#include <QTest>

using namespace socketlab;

namespace {
// A comment written into the code string instead of the comment argument: it would never be
// translated.
bool hasInlineComment(const QString &code)
{
    static const QRegularExpression comment(QStringLiteral("/\\*|\\*/|//|(^|\\s)#(\\s|$)"));
    return code.contains(comment);
}
} // namespace

// The lessons' listings: code stays as written, comments follow the language.
class TestLessonListings : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { m_languages.setLanguage(QStringLiteral("en")); }

    void lessons_data()
    {
        QTest::addColumn<int>("lesson");
        for (int i = 0; i < LessonCatalog::count(); ++i)
            QTest::addRow("lesson%d", i + 1) << i;
    }

    // Every comment goes through the translatable comment, none is left in a code string.
    void lessons()
    {
        QFETCH(int, lesson);
        const LessonScript script = LessonCatalog::build(lesson);
        for (const ListingLines *lines : {&script.listing.c, &script.listing.python}) {
            for (const ListingLine &line : *lines)
                QVERIFY2(!hasInlineComment(line.code), qPrintable(line.code));
        }
    }

    void openLessonFollowsTheLanguage_data() { lessons_data(); }

    // The lesson open when the language changes shows its comments in the new language too
    // (lesson 9's C comments stayed English in Portuguese).
    void openLessonFollowsTheLanguage()
    {
        QFETCH(int, lesson);
        LessonController controller;
        controller.setLesson(lesson);
        QVERIFY(m_languages.setLanguage(QStringLiteral("pt_BR")));
        controller.retranslate();
        const LessonScript portuguese = LessonCatalog::build(lesson);
        QCOMPARE(controller.current()->listing.cTexts(), portuguese.listing.cTexts());
        QCOMPARE(controller.current()->listing.pythonTexts(), portuguese.listing.pythonTexts());
        controller.runtime()->reset();
    }

    void portugueseHasNoEnglishComment_data() { lessons_data(); }

    // Same code and anchors in both languages; every comment translated.
    void portugueseHasNoEnglishComment()
    {
        QFETCH(int, lesson);
        const LessonScript english = LessonCatalog::build(lesson);
        QVERIFY(m_languages.setLanguage(QStringLiteral("pt_BR")));
        const LessonScript portuguese = LessonCatalog::build(lesson);
        QVERIFY(english.title != portuguese.title);
        const auto compare = [](const ListingLines &en, const ListingLines &pt) {
            QCOMPARE(pt.size(), en.size());
            for (int i = 0; i < en.size(); ++i) {
                QCOMPARE(pt.at(i).code, en.at(i).code);
                QCOMPARE(QByteArray(pt.at(i).anchor), QByteArray(en.at(i).anchor));
                QCOMPARE(pt.at(i).comment.isEmpty(), en.at(i).comment.isEmpty());
                if (en.at(i).comment.isEmpty())
                    continue;
                QVERIFY2(pt.at(i).comment != en.at(i).comment, qPrintable(en.at(i).comment));
            }
        };
        compare(english.listing.c, portuguese.listing.c);
        compare(english.listing.python, portuguese.listing.python);
        // Rendered, the comment is in the listing's own syntax and nothing English remains.
        const QStringList c = portuguese.listing.cTexts();
        const QStringList enC = english.listing.cTexts();
        for (int i = 0; i < c.size(); ++i) {
            if (!english.listing.c.at(i).comment.isEmpty()) {
                QVERIFY(c.at(i).endsWith(QStringLiteral(" */")));
                QVERIFY(c.at(i) != enC.at(i));
            }
        }
        const QStringList python = portuguese.listing.pythonTexts();
        for (int i = 0; i < python.size(); ++i) {
            if (!english.listing.python.at(i).comment.isEmpty())
                QVERIFY(python.at(i).contains(QStringLiteral("# ")));
        }
    }

    // Trailing comments line up after the longest commented code.
    void commentsLineUp()
    {
        const ListingLines lines {
            {"a();", QStringLiteral("one")},
            {"anchor", "bbbbbb();", QStringLiteral("two")},
            ListingLine::commentLine(QStringLiteral("own line")),
            "plain();",
        };
        const QStringList c = CodeListing::texts(lines, CodeListing::Language::C);
        QCOMPARE(c,
                 (QStringList {QStringLiteral("a();       /* one */"),
                               QStringLiteral("bbbbbb();  /* two */"),
                               QStringLiteral("/* own line */"), QStringLiteral("plain();")}));
        const QStringList python = CodeListing::texts(lines, CodeListing::Language::Python);
        QCOMPARE(python.at(1), QStringLiteral("bbbbbb();  # two"));
        QCOMPARE(python.at(2), QStringLiteral("# own line"));
        QCOMPARE(CodeListing::lineOf(lines, "anchor"), 1);
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestLessonListings)
#include "tst_lesson_listings.moc"
