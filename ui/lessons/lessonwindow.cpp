#include "ui/lessons/lessonwindow.h"

#include "ui/lessons/codeview.h"
#include "ui/lessons/eventlogview.h"
#include "ui/lessons/kernelview.h"
#include "ui/lessons/processview.h"
#include "ui/lessons/sequencediagramwidget.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace socketlab {

namespace {
// Percent of the left column for the diagram, the rest for the tabs below it.
constexpr int kDiagramShare = 60;
constexpr int kDiagramShareWithQueues = 30;
constexpr int kDiagramShareObservingDetails = 48;
// Percent of the width the code pane takes at least and at most: the diagram and the tables
// are what the class reads; a long listing line scrolls.
constexpr int kCodeShare = 24;
constexpr int kMaxCodeShare = 33;

const char kStyle[]
    = "QGroupBox { border: 2px solid #b8b8b8; border-radius: 4px; margin-top: 1.3em; padding: 2px; "
      "}"
      "QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }"
      "QGroupBox[observed=\"true\"] { border: 3px solid #e08a00; }"
      "QGroupBox[observed=\"true\"]::title { color: #a85000; }"
      "QLabel#observe { background: #fff3d6; border: 1px solid #e08a00; padding: 4px; }";

// Dialog texts are plain: a path is shown as it was typed, whatever it holds.
void warnPlain(QWidget *parent, const QString &text)
{
    QMessageBox box(QMessageBox::Warning, parent->windowTitle(), text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

QGroupBox *makeBox(QWidget *content, QWidget *parent, QLayout *header = nullptr)
{
    auto *box = new QGroupBox(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    if (header)
        layout->addLayout(header);
    layout->addWidget(content, 1);
    return box;
}
} // namespace

LessonWindow::LessonWindow(QWidget *parent)
    : QMainWindow(parent)
{
    // The text size is the application's (the main window's zoom sets it for every window).
    buildUi();
    retranslateUi();
    resize(1024, 768);

    LessonRuntime *runtime = m_controller.runtime();
    connect(runtime, &LessonRuntime::eventsArrived, this, &LessonWindow::eventsArrived);
    connect(runtime, &LessonRuntime::cleared, this, &LessonWindow::cleared);
    connect(&m_controller, &LessonController::lessonChanged, this, &LessonWindow::showLesson);
    connect(&m_controller, &LessonController::stepChanged, this, &LessonWindow::showStep);
    connect(&m_controller, &LessonController::stepSettled, this, &LessonWindow::showStep);
    connect(m_lessons, &QComboBox::activated, this, &LessonWindow::openLesson);
    connect(m_switch, &QCheckBox::clicked, &m_controller, &LessonController::setSwitchOn);
    connect(m_back, &QPushButton::clicked, &m_controller, &LessonController::back);
    connect(m_next, &QPushButton::clicked, &m_controller, &LessonController::next);
    connect(m_restart, &QPushButton::clicked, &m_controller, &LessonController::restart);
    connect(m_exportPng, &QPushButton::clicked, this, &LessonWindow::exportPng);
    connect(m_exportSvg, &QPushButton::clicked, this, &LessonWindow::exportSvg);
    connect(m_diagram, &SequenceDiagramWidget::grew, this, [this] {
        // Follow the newest row and the lanes the step uses, after the scroll area has taken
        // the new size.
        QTimer::singleShot(0, this, [this] {
            m_diagramScroll->verticalScrollBar()->setValue(
                m_diagramScroll->verticalScrollBar()->maximum());
            followStepLanes();
        });
    });
    connect(&m_controller, &LessonController::stepChanged, this,
            [this] { m_stepFirstRow = m_diagram->model().rowCount(); });
    connect(runtime, &LessonRuntime::kernelSampled, this, &LessonWindow::updatePendingConnects);
    m_processes->setServer(runtime->server());
    m_processes->setNetwork(runtime->network());
    m_kernel->setRuntime(runtime);
    // The sticky lane titles are painted at the visible top: repaint whole on scroll.
    connect(m_diagramScroll->verticalScrollBar(), &QScrollBar::valueChanged, m_diagram,
            qOverload<>(&QWidget::update));
    openLesson(0);
}

LessonWindow::~LessonWindow() = default;

void LessonWindow::buildUi()
{
    setStyleSheet(QString::fromLatin1(kStyle));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);

    auto *top = new QHBoxLayout;
    m_lessonLabel = new QLabel(central);
    m_lessons = new QComboBox(central);
    m_back = new QPushButton(central);
    m_next = new QPushButton(central);
    m_restart = new QPushButton(central);
    m_next->setDefault(true);
    // The list may elide a long title; the window must fit a 1024 px screen at any zoom.
    m_lessons->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_lessons->setMinimumContentsLength(12);
    top->addWidget(m_lessonLabel);
    top->addWidget(m_lessons, 1);
    m_switch = new QCheckBox(central);
    top->addSpacing(12);
    top->addWidget(m_back);
    top->addWidget(m_next);
    top->addWidget(m_restart);
    // The way out of presentation mode, in sight while it is on.
    m_exitPresentation = new QPushButton(central);
    m_exitPresentation->setObjectName(QStringLiteral("exitPresentation"));
    m_exitPresentation->setVisible(false);
    top->addWidget(m_exitPresentation);
    layout->addLayout(top);
    // A row of its own: with the buttons it would widen the window past a 1024 px screen.
    layout->addWidget(m_switch);

    m_stepTitle = new QLabel(central);
    updateFonts();
    m_explanation = new QLabel(central);
    m_explanation->setWordWrap(true);
    m_observe = new QLabel(central);
    m_observe->setObjectName(QStringLiteral("observe"));
    m_observe->setWordWrap(true);
    m_outcome = new QLabel(central);
    m_outcome->setWordWrap(true);
    for (QLabel *label : {m_stepTitle, m_explanation, m_observe, m_outcome})
        label->setTextFormat(Qt::PlainText);
    layout->addWidget(m_stepTitle);
    layout->addWidget(m_explanation);
    layout->addWidget(m_observe);
    layout->addWidget(m_outcome);

    auto *columns = new QSplitter(Qt::Horizontal, central);
    m_columns = columns;
    auto *left = new QSplitter(Qt::Vertical, columns);
    m_left = left;

    m_diagram = new SequenceDiagramWidget;
    m_diagramScroll = new QScrollArea;
    m_diagramScroll->setWidget(m_diagram);
    m_diagramScroll->setWidgetResizable(true);
    m_diagramScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    auto *exportRow = new QHBoxLayout;
    m_exportPng = new QPushButton(central);
    m_exportSvg = new QPushButton(central);
    exportRow->addStretch(1);
    exportRow->addWidget(m_exportPng);
    exportRow->addWidget(m_exportSvg);
    m_diagramBox = makeBox(m_diagramScroll, left, exportRow);

    m_details = new QTabWidget;
    m_processes = new ProcessView;
    m_log = new EventLogView;
    m_kernel = new KernelView;
    m_details->addTab(m_processes, QString());
    m_details->addTab(m_kernel, QString());
    m_details->addTab(m_log, QString());
    m_detailsBox = makeBox(m_details, left);
    left->addWidget(m_diagramBox);
    left->addWidget(m_detailsBox);
    left->setStretchFactor(0, kDiagramShare);
    left->setStretchFactor(1, 100 - kDiagramShare);
    // The diagram is what the class reads; the tabs below (the kernel tab's table and plot ask
    // for much height) get the smaller part from the start, not by their size hints.
    left->setSizes({10 * kDiagramShare, 10 * (100 - kDiagramShare)});

    m_code = new CodeView;
    m_codeBox = makeBox(m_code, columns);
    columns->addWidget(left);
    columns->addWidget(m_codeBox);
    // The code pane as wide as the lesson's listing needs (fitCodePane), the rest for the
    // diagram and the tables.
    columns->setStretchFactor(0, 1);
    columns->setStretchFactor(1, 0);
    columns->setSizes({640, 360});
    layout->addWidget(columns, 1);
    setCentralWidget(central);

    m_presentation = new QAction(this);
    m_presentation->setObjectName(QStringLiteral("lessonPresentation"));
    m_presentation->setCheckable(true);
    m_presentation->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_presentation, &QAction::toggled, this, &LessonWindow::setPresentationMode);
    connect(m_exitPresentation, &QPushButton::clicked, this,
            [this] { setPresentationMode(false); });
    addAction(m_presentation);
    auto *leave = new QAction(this);
    leave->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(leave, &QAction::triggered, this, [this] { setPresentationMode(false); });
    addAction(leave);
}

void LessonWindow::updateFonts()
{
    QFont titleFont = font();
    titleFont.setPointSizeF(font().pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_stepTitle->setFont(titleFont);
}

void LessonWindow::setPresentationMode(bool on)
{
    if (m_presentation->isChecked() != on)
        m_presentation->setChecked(on);
    if (on == m_presenting)
        return;
    m_presenting = on;
    if (on) {
        m_normalGeometry = geometry();
        m_normalState = windowState();
        m_exitPresentation->setVisible(true);
        emit presentationModeChanged(true);
        showFullScreen();
        return;
    }
    m_exitPresentation->setVisible(false);
    emit presentationModeChanged(false);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::ApplicationFontChange);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    setWindowState(m_normalState);
    if (!(m_normalState & (Qt::WindowMaximized | Qt::WindowFullScreen)))
        setGeometry(m_normalGeometry);
}

void LessonWindow::retranslateUi()
{
    setWindowTitle(tr("SocketLab lessons"));
    m_lessonLabel->setText(tr("Lesson:"));
    m_controller.retranslate();
    const int current = m_lessons->currentIndex();
    m_lessons->clear();
    for (int i = 0; i < m_controller.lessonCount(); ++i)
        m_lessons->addItem(tr("%1. %2").arg(i + 1).arg(m_controller.lesson(i)->title));
    m_lessons->setCurrentIndex(current);
    m_back->setText(tr("< Back"));
    m_next->setText(tr("Next >"));
    m_restart->setText(tr("Restart"));
    m_exitPresentation->setText(tr("Exit presentation"));
    m_exitPresentation->setToolTip(tr("Back to the normal window (F11 or Esc)"));
    m_exportPng->setText(tr("Export PNG..."));
    m_exportSvg->setText(tr("Export SVG..."));
    m_diagramBox->setTitle(tr("Sequence diagram"));
    m_detailsBox->setTitle(tr("Processes, kernel and event log"));
    m_details->setTabText(m_details->indexOf(m_processes), tr("Processes"));
    m_details->setTabText(m_details->indexOf(m_kernel), tr("Kernel: sockets and queues"));
    m_details->setTabText(m_details->indexOf(m_log), tr("Event log"));
    m_codeBox->setTitle(tr("The same calls in code"));
    showLesson();
    showStep();
}

void LessonWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange && m_stepTitle) {
        updateFonts();
        // After the listings have taken the new size.
        QTimer::singleShot(0, this, &LessonWindow::fitCodePane);
    }
    QMainWindow::changeEvent(event);
}

void LessonWindow::closeEvent(QCloseEvent *event)
{
    // No server or client of a lesson keeps running behind a closed window.
    m_controller.runtime()->reset();
    m_closed = true;
    QMainWindow::closeEvent(event);
}

void LessonWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_closed) {
        m_closed = false;
        m_controller.restart();
    }
}

void LessonWindow::openLesson(int index)
{
    m_controller.setLesson(index);
}

void LessonWindow::showLesson()
{
    if (m_controller.currentLesson() < 0)
        return;
    m_lessons->setCurrentIndex(m_controller.currentLesson());
    if (const LessonScript *lesson = m_controller.current()) {
        m_code->setListing(lesson->listing);
        fitCodePane();
        m_processes->setShowTimeWait(lesson->showsTimeWait);
        m_kernel->setShowQueues(lesson->showsQueues);
        if (lesson->showsQueues != m_showsQueues) {
            // The queue plot is that lesson's point: the tabs get most of the column (the
            // diagram then follows its newest row); other lessons give it back to the diagram.
            m_showsQueues = lesson->showsQueues;
            const int diagram = m_showsQueues ? kDiagramShareWithQueues : kDiagramShare;
            // Sizes for now (in tenths of a percent: QSplitter raises a size below the widget's
            // minimum to it), stretch for the resizes to come (the window's first layout too).
            m_left->setSizes({10 * diagram, 10 * (100 - diagram)});
            m_left->setStretchFactor(0, diagram);
            m_left->setStretchFactor(1, 100 - diagram);
        }
        m_switch->setText(lesson->switchText);
        m_switch->setVisible(!lesson->switchText.isEmpty());
        showSwitch();
    }
}

void LessonWindow::fitCodePane()
{
    // The listing's longest line whole when that takes no more than a third of the width
    // (the rest scrolls sideways), never less than the usual share: what the code pane does
    // not need goes to the diagram and the tables on the left (tst_lesson_fit).
    const int total = m_columns->width() > 200 ? m_columns->width() : width() - 16;
    const int chrome = m_codeBox->width() > 100 && m_code->width() > 50
        ? m_codeBox->width() - m_code->width()
        : 24;
    const int code = std::clamp(m_code->listingWidth() + chrome, total * kCodeShare / 100,
                                total * kMaxCodeShare / 100);
    m_columns->setSizes({total - code, code});
}

void LessonWindow::followStepLanes()
{
    // The lanes of this step's rows (lesson 9's last clients and the server sit right of six
    // lanes that are quiet by then); before the step drew anything, the last few rows'.
    const int rows = m_diagram->model().rowCount();
    QPair<int, int> span = m_diagram->lanesSpan(std::min(m_stepFirstRow, rows));
    if (span.second <= span.first)
        span = m_diagram->lanesSpan(std::max(0, rows - 3));
    if (span.second <= span.first)
        return;
    QScrollBar *bar = m_diagramScroll->horizontalScrollBar();
    const int shown = m_diagramScroll->viewport()->width();
    if (span.first < bar->value() || span.second - span.first > shown)
        bar->setValue(span.first);
    else if (span.second > bar->value() + shown)
        bar->setValue(span.second - shown);
}

void LessonWindow::updatePendingConnects()
{
    LessonRuntime *runtime = m_controller.runtime();
    QList<quint64> pending;
    for (const int number : runtime->clientNumbers()) {
        if (runtime->client(number)->state() == Client::State::Connecting)
            pending << quint64(number);
    }
    m_diagram->setPendingConnects(pending);
}

void LessonWindow::showSwitch()
{
    // A step that sets the switch itself shows its own state, not the class's choice.
    const bool forced = m_controller.switchForced();
    m_switch->setChecked(m_controller.switchShownOn());
    m_switch->setEnabled(!forced);
    m_switch->setToolTip(
        forced ? tr("This step sets it itself; your choice applies to the other steps.")
               : QString());
}

void LessonWindow::showStep()
{
    const LessonScript *lesson = m_controller.current();
    const int index = m_controller.currentStep();
    if (!lesson || index < 0)
        return;
    const LessonSteps &steps = lesson->steps;
    const LessonStep &step = steps[index];
    m_stepTitle->setText(tr("Step %1 of %2: %3").arg(index + 1).arg(steps.size()).arg(step.title));
    m_explanation->setText(step.explanation);
    QString observe = tr("Look at: %1").arg(step.observe);
    // A lesson about the wire points at its packets, or says in one line why there are none.
    const QString wireNote = m_controller.runtime()->wireNote();
    if (lesson->showsWire && !wireNote.isEmpty())
        observe += QLatin1Char('\n') + wireNote;
    else if (lesson->showsWire && !step.wire.isEmpty())
        observe += QLatin1Char('\n') + tr("On the wire: %1").arg(step.wire);
    m_observe->setText(observe);
    m_code->setCurrentAnchor(step.anchor);
    showSwitch();
    markObserved(step.target);
    m_kernel->setObserved(step.target == ObserveTarget::Kernel ? step.observe : QString());
    m_processes->setObserved(step.target == ObserveTarget::Processes);
    QTimer::singleShot(0, this, &LessonWindow::followStepLanes);
    m_back->setEnabled(m_controller.canGoBack());
    m_next->setEnabled(m_controller.canGoNext());
    const bool last = index == steps.size() - 1;
    if (!m_controller.isSettled()) {
        m_outcome->setText(tr("Working..."));
        m_outcome->setStyleSheet(QStringLiteral("color: #606060;"));
    } else if (m_controller.timedOut()) {
        m_outcome->setText(
            tr("This step did not finish in time; press Restart to run the lesson again."));
        m_outcome->setStyleSheet(QStringLiteral("color: #b01010;"));
    } else if (last) {
        const LessonOutcome outcome = m_controller.outcome();
        m_outcome->setText(tr("Outcome: %1").arg(outcome.text));
        m_outcome->setStyleSheet(outcome.passed
                                     ? QStringLiteral("color: #106010; font-weight: bold;")
                                     : QStringLiteral("color: #b01010; font-weight: bold;"));
    } else {
        m_outcome->setText(tr("Done. Press Next to go on."));
        m_outcome->setStyleSheet(QStringLiteral("color: #106010;"));
    }
}

void LessonWindow::markObserved(ObserveTarget target)
{
    if (target == ObserveTarget::Processes)
        m_details->setCurrentWidget(m_processes);
    else if (target == ObserveTarget::Log)
        m_details->setCurrentWidget(m_log);
    else if (target == ObserveTarget::Kernel)
        m_details->setCurrentWidget(m_kernel);
    const bool details = target == ObserveTarget::Processes || target == ObserveTarget::Log
        || target == ObserveTarget::Kernel;
    // The panel the step points at gets room: the tabs half the column when they are it
    // (the queue plot's lesson keeps its own split).
    if (!m_showsQueues && m_left->height() > 100) {
        const int diagram = details ? kDiagramShareObservingDetails : kDiagramShare;
        const int total = m_left->sizes().value(0) + m_left->sizes().value(1);
        if (total > 0)
            m_left->setSizes({total * diagram / 100, total - total * diagram / 100});
    }
    const QList<QPair<QGroupBox *, bool>> boxes {{m_diagramBox, target == ObserveTarget::Diagram},
                                                 {m_detailsBox, details},
                                                 {m_codeBox, target == ObserveTarget::Code}};
    for (const auto &box : boxes) {
        box.first->setProperty("observed", box.second);
        box.first->style()->unpolish(box.first);
        box.first->style()->polish(box.first);
    }
}

void LessonWindow::eventsArrived(const SocketEvents &events)
{
    const SocketEvents &all = m_controller.runtime()->events();
    updatePendingConnects();
    // The diagram and the processes take the batch alone unless they missed some (the
    // diagram sorts only when it must, the processes keep their rows).
    if (m_diagram->model().events().size() + events.size() == all.size()) {
        m_diagram->appendEvents(events);
        m_processes->appendEvents(events);
    } else {
        m_diagram->setEvents(all);
        m_processes->setEvents(all);
    }
    m_log->appendEvents(events);
}

void LessonWindow::cleared()
{
    m_stepFirstRow = 0;
    m_diagram->setPendingConnects({});
    m_diagram->setEvents({});
    m_processes->setEvents({});
    m_log->setEvents({});
}

void LessonWindow::exportPng()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export the diagram as PNG"),
                                       QStringLiteral("sequence.png"), tr("PNG images (*.png)"));
    if (!path.isEmpty() && !m_diagram->exportPng(path))
        warnPlain(this, tr("Could not write %1.").arg(path));
}

void LessonWindow::exportSvg()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export the diagram as SVG"),
                                       QStringLiteral("sequence.svg"), tr("SVG images (*.svg)"));
    if (!path.isEmpty() && !m_diagram->exportSvg(path))
        warnPlain(this, tr("Could not write %1.").arg(path));
}

} // namespace socketlab
