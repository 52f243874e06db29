// Projecting the window at 1024x768: zoom, presentation mode and the client panes. The
// offscreen screen is made 1024x768 (see main()), so full screen is a projector's size.

#include "translations/languagemanager.h"
#include "ui/clientpane.h"
#include "ui/clientpanes.h"
#include "ui/connectionsmodel.h"
#include "ui/lessons/lessonwindow.h"
#include "ui/mainwindow.h"
#include "ui/models/eventlistmodel.h"
#include "ui/serverpane.h"
#include "ui/servertoolbar.h"
#include "ui/viewcontrols.h"
#include "ui/zoomcontroller.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStyleOptionComboBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace socketlab;

namespace {
const QSize kProjector(1024, 768);

// Where a widget shows inside its window.
QRect inWindow(const QWidget *widget)
{
    return QRect(widget->mapTo(widget->window(), QPoint(0, 0)), widget->size());
}

// The problems that make a projected window unusable, one line each.
QStringList offWindow(MainWindow *window, bool headersWhole)
{
    QStringList problems;
    const QRect area(QPoint(0, 0), window->size());
    if (window->size() != kProjector)
        problems << QStringLiteral("window is %1x%2").arg(window->width()).arg(window->height());
    ServerToolBar *bar = window->serverToolBar();
    for (QAction *action : bar->actions()) {
        QWidget *widget = bar->widgetForAction(action);
        if (!widget || action->isSeparator())
            continue;
        if (!widget->isVisible() || !area.contains(inWindow(widget)))
            problems << QStringLiteral("toolbar %1 %2 at %3,%4 %5x%6")
                            .arg(QString::fromLatin1(widget->metaObject()->className()),
                                 action->iconText())
                            .arg(inWindow(widget).x())
                            .arg(inWindow(widget).y())
                            .arg(widget->width())
                            .arg(widget->height());
    }
    for (QWidget *widget : window->findChild<ViewControls *>(QStringLiteral("viewControls"))
                               ->findChildren<QWidget *>()) {
        if (widget->isVisibleTo(window->findChild<ViewControls *>(QStringLiteral("viewControls")))
            && !area.contains(inWindow(widget)))
            problems << QStringLiteral("view control %1 at %2,%3 %4x%5 off the window")
                            .arg(widget->objectName())
                            .arg(inWindow(widget).x())
                            .arg(inWindow(widget).y())
                            .arg(widget->width())
                            .arg(widget->height());
    }
    QTableView *log = window->serverPane()->logView();
    const int viewport = log->viewport()->width();
    for (int c = 0; c < log->model()->columnCount(); ++c) {
        if (log->isColumnHidden(c))
            continue;
        const int left = log->horizontalHeader()->sectionViewportPosition(c);
        const int right = left + log->horizontalHeader()->sectionSize(c);
        const QString title = log->model()->headerData(c, Qt::Horizontal).toString();
        if (left < 0 || right > viewport)
            problems << QStringLiteral("log column %1 spans %2..%3 of %4")
                            .arg(title)
                            .arg(left)
                            .arg(right)
                            .arg(viewport);
        // The header's text is not clipped.
        if (log->horizontalHeader()->sectionSize(c) < log->horizontalHeader()->sectionSizeHint(c)
            && c != EventListModel::MessageColumn && headersWhole)
            problems << QStringLiteral("log header %1 clipped").arg(title);
    }
    if (!area.contains(inWindow(log)))
        problems << QStringLiteral("log view off the window");
    return problems;
}

// Every widget's font.
QHash<QWidget *, QFont> fonts(QWidget *root)
{
    QHash<QWidget *, QFont> result {{root, root->font()}};
    for (QWidget *widget : root->findChildren<QWidget *>())
        result.insert(widget, widget->font());
    return result;
}
} // namespace

class TestProjection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void zoomShowsTheRealPercentAndButtonsStayPut();
    void everythingInsideTheWindow_data();
    void everythingInsideTheWindow();
    void leavingPresentationRestoresEverything_data();
    void leavingPresentationRestoresEverything();
    void lessonsWindowFollowsTheZoom();
    void longMessageWrapsInsteadOfEliding();
    void fourClientPanesSideBySide();
    void messagePlaceholderFits_data();
    void messagePlaceholderFits();
    void fourPanesFitWhenProjected_data();
    void fourPanesFitWhenProjected();
    void languageComboShowsItsWholeText_data();
    void languageComboShowsItsWholeText();
    void serverTablesKeepRowsWhenProjected_data();
    void serverTablesKeepRowsWhenProjected();
    void portBoxesShowEveryDigit_data();
    void portBoxesShowEveryDigit();

private:
    void settle();

    QTemporaryDir m_settingsDir;
    LanguageManager *m_language = nullptr;
    MainWindow *m_window = nullptr;
};

void TestProjection::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    m_language = new LanguageManager(this);
}

void TestProjection::init()
{
    m_language->setLanguage(QStringLiteral("en"));
    m_window = new MainWindow(m_language);
    m_window->resize(kProjector);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    settle();
}

void TestProjection::cleanup()
{
    if (m_window->zoom()->isPresenting(m_window))
        m_window->setPresentationMode(false);
    m_window->zoom()->reset();
    delete m_window;
    m_window = nullptr;
}

void TestProjection::settle()
{
    // Font changes and layouts arrive as posted events; the column fitter runs from a timer.
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(10);
    }
}

void TestProjection::zoomShowsTheRealPercentAndButtonsStayPut()
{
    ViewControls *controls = m_window->findChild<ViewControls *>(QStringLiteral("viewControls"));
    QToolButton *larger = controls->findChild<QToolButton *>(QStringLiteral("zoomInButton"));
    QToolButton *percent = controls->findChild<QToolButton *>(QStringLiteral("zoomResetButton"));
    QVERIFY(larger && percent);
    QCOMPARE(percent->text(), QStringLiteral("100%"));
    const QPoint where = larger->mapTo(m_window, QPoint(0, 0));
    const QPoint percentWhere = percent->mapTo(m_window, QPoint(0, 0));
    const double before = m_window->serverPane()->logView()->font().pointSizeF();
    // Two clicks on the same spot zoom twice (the old toolbar moved "100%" under the pointer).
    QTest::mouseClick(larger, Qt::LeftButton);
    settle();
    QCOMPARE(larger->mapTo(m_window, QPoint(0, 0)), where);
    QCOMPARE(percent->mapTo(m_window, QPoint(0, 0)), percentWhere);
    QCOMPARE(m_window->childAt(where + QPoint(5, 5)), larger);
    QTest::mouseClick(larger, Qt::LeftButton);
    settle();
    QCOMPARE(m_window->zoom()->percent(), 120);
    QCOMPARE(percent->text(), QStringLiteral("120%"));
    QVERIFY(m_window->serverPane()->logView()->font().pointSizeF() > before * 1.15);
    QTest::keyClick(m_window, Qt::Key_0, Qt::ControlModifier);
    settle();
    QCOMPARE(percent->text(), QStringLiteral("100%"));
    QCOMPARE(m_window->serverPane()->logView()->font().pointSizeF(), before);
}

void TestProjection::everythingInsideTheWindow_data()
{
    QTest::addColumn<int>("percent");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QString>("language");
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("pt_BR")}) {
        for (int percent : ZoomController::steps()) {
            for (bool presentation : {false, true}) {
                QTest::addRow("%s %d%%%s", qPrintable(language), percent,
                              presentation ? " presenting" : "")
                    << percent << presentation << language;
            }
        }
    }
}

void TestProjection::everythingInsideTheWindow()
{
    QFETCH(int, percent);
    QFETCH(bool, presentation);
    QFETCH(QString, language);
    m_window->setLanguage(language);
    m_window->clientPanes()->addClient();
    m_window->serverPane()->setHexVisible(false);
    m_window->zoom()->setPercent(percent);
    if (presentation)
        m_window->setPresentationMode(true);
    settle();
    // Up to 150% every header is whole; beyond, the narrow ones may elide.
    const QStringList problems
        = offWindow(m_window, percent <= 150 && !(presentation && percent > 110));
    // The server's status and one row of each table stay in sight.
    QVERIFY(m_window->serverPane()->logView()->viewport()->height()
            >= m_window->serverPane()->logView()->verticalHeader()->defaultSectionSize());
    QVERIFY(m_window->serverPane()->connectionsView()->viewport()->height()
            >= m_window->serverPane()->connectionsView()->verticalHeader()->defaultSectionSize());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n"))));
    // The message gets the most room of all the log's columns.
    QTableView *log = m_window->serverPane()->logView();
    for (int c = 0; c < log->model()->columnCount(); ++c) {
        if (c != EventListModel::MessageColumn && !log->isColumnHidden(c))
            QVERIFY(log->columnWidth(c) < log->columnWidth(EventListModel::MessageColumn));
    }
    // Exit presentation is on screen while presenting.
    if (presentation) {
        QWidget *exit = m_window->findChild<ViewControls *>(QStringLiteral("viewControls"))
                            ->buttonFor(m_window->findChild<QAction *>(
                                QStringLiteral("presentation"), Qt::FindDirectChildrenOnly));
        QVERIFY(exit && exit->isVisible());
        QVERIFY(QRect(QPoint(0, 0), m_window->size()).contains(inWindow(exit)));
    }
}

void TestProjection::leavingPresentationRestoresEverything_data()
{
    QTest::addColumn<int>("zoomSteps");
    QTest::addColumn<int>("stepsWhilePresenting");
    QTest::newRow("at 100%") << 0 << 0;
    QTest::newRow("zoomed first") << 3 << 0;
    QTest::newRow("zoomed while presenting") << 2 << 2;
}

void TestProjection::leavingPresentationRestoresEverything()
{
    QFETCH(int, zoomSteps);
    QFETCH(int, stepsWhilePresenting);
    for (int i = 0; i < zoomSteps; ++i)
        m_window->zoom()->zoomIn();
    settle();
    const QRect geometry = m_window->geometry();
    const int percent = m_window->zoom()->percent();
    const QHash<QWidget *, QFont> before = fonts(m_window);
    const QFont font = QApplication::font();
    // The switches' rows come back exactly (the "Open to" box used to come back wider).
    auto *exposure = m_window->serverToolBar()->findChild<QComboBox *>(QStringLiteral("exposure"));
    QVERIFY(exposure);
    exposure->setCurrentIndex(1);
    settle();
    QHash<QWidget *, QRect> switches;
    for (QWidget *widget : m_window->serverToolBar()->findChildren<QWidget *>()) {
        if (widget->isVisible()) // not the box's hidden list
            switches.insert(widget, widget->geometry());
    }

    m_window->findChild<QAction *>(QStringLiteral("presentation"), Qt::FindDirectChildrenOnly)
        ->trigger();
    settle();
    QVERIFY(m_window->zoom()->isPresenting(m_window));
    QVERIFY(m_window->font().pointSizeF() > font.pointSizeF());
    // A message and its echo stay told apart by their event, not by bold alone.
    QVERIFY(!m_window->serverPane()->logView()->isColumnHidden(EventListModel::EventColumn));
    for (int i = 0; i < stepsWhilePresenting; ++i)
        m_window->zoom()->zoomIn();
    settle();
    QTest::keyClick(m_window, Qt::Key_Escape);
    settle();

    QVERIFY(!m_window->zoom()->isPresenting(m_window));
    QCOMPARE(m_window->geometry(), geometry);
    QCOMPARE(m_window->zoom()->percent(), percent);
    QCOMPARE(QApplication::font(), font);
    const QHash<QWidget *, QFont> after = fonts(m_window);
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        // Widgets made while presenting (tooltips, scroll bars) are not compared.
        if (!after.contains(it.key()))
            continue;
        QVERIFY2(after.value(it.key()) == it.value(),
                 qPrintable(QStringLiteral("%1 %2: %3 pt, was %4 pt")
                                .arg(QString::fromLatin1(it.key()->metaObject()->className()),
                                     it.key()->objectName())
                                .arg(after.value(it.key()).pointSizeF())
                                .arg(it.value().pointSizeF())));
    }
    QStringList moved;
    for (auto it = switches.cbegin(); it != switches.cend(); ++it) {
        if (it.key()->geometry() != it.value())
            moved << QStringLiteral("%1 %2: %3,%4 %5x%6, was %7,%8 %9x%10")
                         .arg(QString::fromLatin1(it.key()->metaObject()->className()),
                              it.key()->objectName())
                         .arg(it.key()->x())
                         .arg(it.key()->y())
                         .arg(it.key()->width())
                         .arg(it.key()->height())
                         .arg(it.value().x())
                         .arg(it.value().y())
                         .arg(it.value().width())
                         .arg(it.value().height());
    }
    QVERIFY2(moved.isEmpty(), qPrintable(moved.join(QStringLiteral("; "))));
}

void TestProjection::lessonsWindowFollowsTheZoom()
{
    m_window->findChild<QAction *>(QStringLiteral("lessons"))->trigger();
    LessonWindow *lessons = m_window->lessonWindow();
    QVERIFY(lessons);
    QVERIFY(QTest::qWaitForWindowExposed(lessons));
    settle();
    QLabel *anyLabel = lessons->findChildren<QLabel *>().value(0);
    QVERIFY(anyLabel);
    const double before = anyLabel->font().pointSizeF();
    // Ctrl++ in the lessons window itself.
    QTest::keyClick(lessons, Qt::Key_Plus, Qt::ControlModifier);
    settle();
    QCOMPARE(m_window->zoom()->percent(), 110);
    QVERIFY2(anyLabel->font().pointSizeF() > before * 1.05,
             qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(anyLabel->font().pointSizeF())));
    // F11 presents the lessons window: full screen, larger still; Esc leaves.
    const QRect geometry = lessons->geometry();
    const double zoomed = anyLabel->font().pointSizeF();
    QTest::keyClick(lessons, Qt::Key_F11);
    settle();
    QVERIFY(lessons->isFullScreen());
    QVERIFY(anyLabel->font().pointSizeF() > zoomed);
    auto *exit = lessons->findChild<QWidget *>(QStringLiteral("exitPresentation"));
    QVERIFY(exit && exit->isVisible());
    QTest::keyClick(lessons, Qt::Key_Escape);
    settle();
    QVERIFY(!lessons->isFullScreen());
    QCOMPARE(lessons->geometry(), geometry);
    QCOMPARE(anyLabel->font().pointSizeF(), zoomed);
    // The lesson with a switch, zoomed to 150%, still fits the projector's width (in
    // Portuguese, the longer texts).
    m_window->setLanguage(QStringLiteral("pt_BR"));
    lessons->resize(kProjector);
    lessons->openLesson(3);
    m_window->zoom()->setPercent(150);
    settle();
    QVERIFY2(lessons->width() <= kProjector.width(), qPrintable(QString::number(lessons->width())));
    lessons->close();
}

void TestProjection::longMessageWrapsInsteadOfEliding()
{
    ServerToolBar *bar = m_window->serverToolBar();
    bar->portSpin()->setValue(0);
    QVERIFY(m_window->startServer());
    m_window->setPresentationMode(true);
    settle();
    const QString typed
        = QStringLiteral("A student typed this rather long line to see whether the "
                         "projector shows all of it, word by word, to the very end");
    m_window->clientPanes()->pane(0)->sendMessage(typed);
    EventListModel *log = m_window->serverPane()->logModel();
    int row = -1;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 for (int r = 0; r < log->rowCount(); ++r) {
                                     if (log->eventAt(r).kind == EventKind::Data) {
                                         row = r;
                                         return true;
                                     }
                                 }
                                 return false;
                             }()),
                             5000);
    settle();
    QTableView *view = m_window->serverPane()->logView();
    view->scrollTo(log->index(row, EventListModel::MessageColumn));
    settle();
    const int width = view->columnWidth(EventListModel::MessageColumn);
    const int needed
        = view->fontMetrics().horizontalAdvance(log->cellText(row, EventListModel::MessageColumn));
    QVERIFY2(needed > width, "the message should be wider than its column for this test");
    // As many lines as the text needs, not one line ending in "…".
    const int lines = view->rowHeight(row) / view->fontMetrics().lineSpacing();
    QVERIFY2(lines * width >= needed,
             qPrintable(QStringLiteral("%1 px of text in %2 lines of %3 px")
                            .arg(needed)
                            .arg(lines)
                            .arg(width)));
    m_window->stopServer();
}

void TestProjection::fourClientPanesSideBySide()
{
    ClientPanes *panes = m_window->clientPanes();
    while (panes->count() < 4)
        panes->addClient();
    settle();
    const QRect visible(panes->viewport()->mapTo(m_window, QPoint(0, 0)),
                        panes->viewport()->size());
    int top = -1;
    for (ClientPane *pane : panes->panes()) {
        QVERIFY(pane->isVisible());
        const QRect where = inWindow(pane);
        QVERIFY2(visible.contains(QRect(where.topLeft(), QSize(where.width(), 1))),
                 qPrintable(QStringLiteral("client %1 at %2,%3")
                                .arg(pane->id())
                                .arg(where.x())
                                .arg(where.y())));
        if (top >= 0)
            QCOMPARE(where.y(), top); // side by side, not stacked or tabbed
        top = where.y();
    }
    // A fifth scrolls sideways; it does not squeeze the four.
    const int width = panes->pane(0)->width();
    panes->addClient();
    settle();
    QCOMPARE(panes->pane(0)->width(), width);
}

void TestProjection::messagePlaceholderFits_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("pt_BR") << QStringLiteral("pt_BR");
}

void TestProjection::messagePlaceholderFits()
{
    QFETCH(QString, language);
    m_window->setLanguage(language);
    ClientPanes *panes = m_window->clientPanes();
    while (panes->count() < 4)
        panes->addClient();
    settle();
    for (ClientPane *pane : panes->panes()) {
        auto *edit = pane->findChild<QLineEdit *>(QStringLiteral("message"));
        QVERIFY(edit);
        // The text area of a line edit: its width less the frame and the text margins.
        const int room = edit->width() - 2 * 6;
        const int text = edit->fontMetrics().horizontalAdvance(edit->placeholderText());
        QVERIFY2(text <= room,
                 qPrintable(QStringLiteral("\"%1\" needs %2 px, has %3")
                                .arg(edit->placeholderText())
                                .arg(text)
                                .arg(room)));
    }
}

void TestProjection::fourPanesFitWhenProjected_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<bool>("connected");
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("pt_BR")}) {
        for (bool presentation : {false, true}) {
            for (bool connected : {false, true}) {
                QTest::addRow("%s%s%s", qPrintable(language), presentation ? " presenting" : "",
                              connected ? " connected" : "")
                    << language << presentation << connected;
            }
        }
    }
}

void TestProjection::fourPanesFitWhenProjected()
{
    QFETCH(QString, language);
    QFETCH(bool, presentation);
    QFETCH(bool, connected);
    m_window->setLanguage(language);
    ClientPanes *panes = m_window->clientPanes();
    while (panes->count() < 4)
        panes->addClient();
    if (connected) {
        m_window->serverToolBar()->portSpin()->setValue(0);
        QVERIFY(m_window->startServer());
        for (ClientPane *pane : panes->panes())
            pane->findChild<QPushButton *>(QStringLiteral("connect"))->click();
        for (ClientPane *pane : panes->panes())
            QTRY_COMPARE_WITH_TIMEOUT(pane->client()->state(), Client::State::Connected, 5000);
    }
    if (presentation)
        m_window->setPresentationMode(true);
    settle();
    QStringList problems;
    const QRect visible(panes->viewport()->mapTo(m_window, QPoint(0, 0)),
                        panes->viewport()->size());
    for (ClientPane *pane : panes->panes()) {
        // The teacher types here: the message line and Send are on screen, not scrolled away.
        for (const char *name : {"message", "send"}) {
            QWidget *widget = pane->findChild<QWidget *>(QLatin1String(name));
            QVERIFY(widget);
            if (!widget->isVisible() || !visible.contains(inWindow(widget)))
                problems << QStringLiteral("client %1 %2 at %3,%4 %5x%6, clients area %7,%8 %9x%10")
                                .arg(pane->id())
                                .arg(QLatin1String(name))
                                .arg(inWindow(widget).x())
                                .arg(inWindow(widget).y())
                                .arg(widget->width())
                                .arg(widget->height())
                                .arg(visible.x())
                                .arg(visible.y())
                                .arg(visible.width())
                                .arg(visible.height());
        }
        // No button or check box cuts its text.
        for (QAbstractButton *button : pane->findChildren<QAbstractButton *>()) {
            if (!button->isVisible() || button->text().isEmpty())
                continue;
            if (!qobject_cast<QPushButton *>(button) && !qobject_cast<QCheckBox *>(button))
                continue;
            if (button->sizeHint().width() > button->width())
                problems << QStringLiteral("client %1 \"%2\" needs %3 px, has %4")
                                .arg(pane->id())
                                .arg(button->text())
                                .arg(button->sizeHint().width())
                                .arg(button->width());
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n"))));
    if (connected)
        m_window->stopServer();
}

void TestProjection::languageComboShowsItsWholeText_data()
{
    fourPanesFitWhenProjected_data();
}

void TestProjection::languageComboShowsItsWholeText()
{
    QFETCH(QString, language);
    QFETCH(bool, presentation);
    m_window->setLanguage(language);
    if (presentation)
        m_window->setPresentationMode(true);
    settle();
    QComboBox *combo
        = m_window->findChild<ViewControls *>(QStringLiteral("viewControls"))->languageCombo();
    QVERIFY(combo->isVisible());
    // The room its style gives the current text.
    QStyleOptionComboBox option;
    option.initFrom(combo);
    option.editable = false;
    option.currentText = combo->currentText();
    option.frame = combo->hasFrame();
    const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                       QStyle::SC_ComboBoxEditField, combo);
    const int text = combo->fontMetrics().horizontalAdvance(combo->currentText());
    QVERIFY2(text <= field.width() && combo->width() >= combo->sizeHint().width(),
             qPrintable(QStringLiteral("\"%1\" needs %2 px, has %3 (combo %4 of %5)")
                            .arg(combo->currentText())
                            .arg(text)
                            .arg(field.width())
                            .arg(combo->width())
                            .arg(combo->sizeHint().width())));
}

void TestProjection::serverTablesKeepRowsWhenProjected_data()
{
    fourPanesFitWhenProjected_data();
}

void TestProjection::serverTablesKeepRowsWhenProjected()
{
    QFETCH(QString, language);
    QFETCH(bool, presentation);
    m_window->setLanguage(language);
    ClientPanes *panes = m_window->clientPanes();
    while (panes->count() < 4)
        panes->addClient();
    if (presentation)
        m_window->setPresentationMode(true);
    settle();
    QTest::qWait(50);
    settle();
    QStringList problems;
    QTableView *log = m_window->serverPane()->logView();
    QTableView *connections = m_window->serverPane()->connectionsView();
    const int row = log->verticalHeader()->defaultSectionSize();
    if (log->viewport()->height() < 4 * row)
        problems << QStringLiteral("log shows %1 px, four rows need %2")
                        .arg(log->viewport()->height())
                        .arg(4 * row);
    if (connections->viewport()->height() < 3 * row)
        problems << QStringLiteral("connections show %1 px, three rows need %2")
                        .arg(connections->viewport()->height())
                        .arg(3 * row);
    // The longest state the sampler shows, whole (margins as a cell draws them).
    const int state = connections->fontMetrics().horizontalAdvance(QStringLiteral("TIME_WAIT 60 s"))
        + 2 * (connections->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1);
    if (connections->columnWidth(ConnectionsModel::StateColumn) < state)
        problems << QStringLiteral("State column %1 px, \"TIME_WAIT 60 s\" needs %2")
                        .arg(connections->columnWidth(ConnectionsModel::StateColumn))
                        .arg(state);
    // Every header whole (they may be short, with the long name in a tooltip).
    QHeaderView *header = connections->horizontalHeader();
    for (int c = 0; c < connections->model()->columnCount(); ++c) {
        if (!connections->isColumnHidden(c) && header->sectionSize(c) < header->sectionSizeHint(c))
            problems << QStringLiteral("connections header %1 clipped: %2 of %3")
                            .arg(connections->model()->headerData(c, Qt::Horizontal).toString())
                            .arg(header->sectionSize(c))
                            .arg(header->sectionSizeHint(c));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n"))));
}

int main(int argc, char *argv[])
{
    // A 1024x768 screen, the projector this is made for.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    QFile file(config);
    if (file.open(QIODevice::WriteOnly))
        file.write(
            R"({"windowFrameMargins": false, "screens": [{"name": "projector", "x": 0, "y": 0, "width": 1024,
                       "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + config.toLocal8Bit());
    QApplication app(argc, argv);
    TestProjection test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_projection.moc"

void TestProjection::portBoxesShowEveryDigit_data()
{
    QTest::addColumn<int>("zoomSteps");
    QTest::addColumn<bool>("presenting");
    QTest::newRow("100%") << 0 << false;
    QTest::newRow("zoom +3") << 3 << false;
    QTest::newRow("presenting") << 0 << true;
}

// "6100" showed as "5100": a port box narrower than its widest port cut digits off.
void TestProjection::portBoxesShowEveryDigit()
{
    QFETCH(int, zoomSteps);
    QFETCH(bool, presenting);
    m_window->clientPanes()->addClient();
    for (int i = 0; i < zoomSteps; ++i)
        m_window->zoom()->zoomIn();
    if (presenting)
        m_window->setPresentationMode(true);
    settle();
    int checked = 0;
    for (QSpinBox *box : m_window->findChildren<QSpinBox *>()) {
        if (!box->objectName().contains(QStringLiteral("ort")) || !box->isVisible())
            continue;
        box->setValue(6100);
        const int text = box->fontMetrics().horizontalAdvance(QStringLiteral("65535"));
        const QRect edit = box->findChild<QLineEdit *>()->geometry();
        QVERIFY2(box->width() >= box->sizeHint().width() && edit.width() > text,
                 qPrintable(QStringLiteral("%1: %2 wide, its text field %3 for %4 of text")
                                .arg(box->objectName())
                                .arg(box->width())
                                .arg(edit.width())
                                .arg(text)));
        ++checked;
    }
    QVERIFY(checked >= 3);
}
