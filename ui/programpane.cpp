#include "ui/programpane.h"

#include "core/labsession.h"
#include "core/syscall.h"
#include "ui/programdialog.h"
#include "ui/programprocesses.h"
#include "ui/recipeprograms.h"

#include <QCheckBox>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>

#include <csignal>

namespace socketlab {

namespace {
// What the output view keeps, at most: a program that floods its output must not fill memory.
constexpr int kMaxOutputLines = 2000;
constexpr int kMaxOutputChars = 256 * 1024;
// Stop: SIGTERM first, SIGKILL for what is left after this long.
constexpr int kStopGraceMs = 2000;
// Threads whose listing line is remembered (a thread server makes one per client).
constexpr int kMaxRememberedThreads = 1024;
const QColor kStepColor(0xFF, 0xD5, 0x4F); // paused before this call
const QColor kCallColor(0xCC, 0xE5, 0xFF); // the latest call was here
const QColor kErrorColor(0xB0, 0x00, 0x20); // standard error
} // namespace

ProgramPane::ProgramPane(LabSession *session, QWidget *parent)
    : QWidget(parent),
      m_session(session),
      m_headline(new QLabel(this)),
      m_run(new QPushButton(this)),
      m_stop(new QPushButton(this)),
      m_stepMode(new QCheckBox(this)),
      m_next(new QPushButton(this)),
      m_continue(new QPushButton(this)),
      m_tabs(new QTabWidget(this)),
      m_output(new QPlainTextEdit(this)),
      m_listing(new QPlainTextEdit(this)),
      m_processes(new ProgramProcesses(this)),
      m_inputLabel(new QLabel(this)),
      m_input(new QLineEdit(this)),
      m_send(new QPushButton(this)),
      m_sendEnd(new QPushButton(this)),
      m_closeInput(new QPushButton(this))
{
    setObjectName(QStringLiteral("programPane"));
    m_headline->setObjectName(QStringLiteral("programHeadline"));
    m_run->setObjectName(QStringLiteral("programRun"));
    m_stop->setObjectName(QStringLiteral("programStop"));
    m_stepMode->setObjectName(QStringLiteral("programStepMode"));
    m_next->setObjectName(QStringLiteral("programNext"));
    m_continue->setObjectName(QStringLiteral("programContinue"));
    m_output->setObjectName(QStringLiteral("programOutput"));
    m_listing->setObjectName(QStringLiteral("programListing"));
    m_input->setObjectName(QStringLiteral("programInput"));
    // What the program writes is plain text wherever it appears.
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    for (QPlainTextEdit *view : {m_output, m_listing}) {
        view->setReadOnly(true);
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    updateFonts();
    m_output->setMaximumBlockCount(kMaxOutputLines);
    m_next->setShortcut(QKeySequence(Qt::Key_Space));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    // Two short rows rather than one long one: the pane shares a 1024-pixel width with the
    // client panes.
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_run);
    controls->addWidget(m_stop);
    controls->addStretch(1);
    layout->addLayout(controls);
    auto *step = new QHBoxLayout;
    step->addWidget(m_stepMode);
    step->addWidget(m_next);
    step->addWidget(m_continue);
    step->addStretch(1);
    layout->addLayout(step);
    layout->addWidget(m_headline);
    m_tabs->addTab(m_output, QString());
    m_tabs->addTab(m_listing, QString());
    m_tabs->addTab(m_processes, QString());
    layout->addWidget(m_tabs, 1);
    auto *input = new QHBoxLayout;
    input->addWidget(m_inputLabel);
    input->addWidget(m_input, 1);
    input->addWidget(m_send);
    layout->addLayout(input);
    auto *inputEnd = new QHBoxLayout;
    inputEnd->addStretch(1);
    inputEnd->addWidget(m_sendEnd);
    inputEnd->addWidget(m_closeInput);
    layout->addLayout(inputEnd);

    connect(m_run, &QPushButton::clicked, this, &ProgramPane::chooseProgram);
    connect(m_stop, &QPushButton::clicked, this, &ProgramPane::stop);
    connect(m_stepMode, &QCheckBox::toggled, this, &ProgramPane::setStepMode);
    connect(m_next, &QPushButton::clicked, this, &ProgramPane::next);
    connect(m_continue, &QPushButton::clicked, this, &ProgramPane::continueAll);
    connect(m_input, &QLineEdit::returnPressed, this, &ProgramPane::sendLine);
    connect(m_send, &QPushButton::clicked, this, &ProgramPane::sendLine);
    connect(m_sendEnd, &QPushButton::clicked, this, &ProgramPane::sendEndLine);
    connect(m_closeInput, &QPushButton::clicked, this, &ProgramPane::closeInput);
    if (m_session)
        connect(m_session, &LabSession::eventsArrived, this, &ProgramPane::sessionEvents);
    retranslateUi();
    updateEnabled();
}

ProgramPane::~ProgramPane()
{
    kill();
}

void ProgramPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        updateFonts();
    QWidget::changeEvent(event);
}

void ProgramPane::updateFonts()
{
    // Monospaced and bold, but at the window's text size (zoom, presentation mode).
    QFont bold = font();
    bold.setBold(true);
    m_headline->setFont(bold);
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(font().pointSizeF());
    for (QPlainTextEdit *view : {m_output, m_listing})
        view->setFont(fixed);
}

void ProgramPane::retranslateUi()
{
    m_run->setText(tr("Run a program..."));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Ends the program and every process it made (SIGTERM, then SIGKILL)"));
    m_stepMode->setText(tr("Pause before each socket call"));
    m_next->setText(tr("Next (Space)"));
    m_next->setToolTip(
        tr("Lets the waiting thread make its call; it pauses again at the next one"));
    m_continue->setText(tr("Continue"));
    m_continue->setToolTip(tr("Lets every waiting thread go on and stops pausing"));
    m_tabs->setTabText(0, tr("Output"));
    m_tabs->setTabText(1, tr("Listing"));
    m_tabs->setTabText(2, tr("Processes"));
    m_inputLabel->setText(tr("Input:"));
    m_input->setPlaceholderText(tr("A line for the program's standard input (Enter sends it)"));
    m_send->setText(tr("Send"));
    m_sendEnd->setText(tr("Send Ctrl+X"));
    m_sendEnd->setToolTip(tr("A line with Ctrl+X: the recipe's clients end on it"));
    m_closeInput->setText(tr("Close input"));
    m_closeInput->setToolTip(tr("Ends the program's standard input (EOF)"));
    updateHeadline();
}

bool ProgramPane::isRunning() const
{
    return m_tracer && m_running;
}

bool ProgramPane::run(const TraceOptions &options, const QString &listingPath, const QString &title)
{
    kill();
    m_error.clear();
    m_warning.clear();
    m_exitStatus = -1;
    m_paused.clear();
    m_title = title.isEmpty() ? options.program : title;
    m_output->clear();
    m_outDecoder.resetState();
    m_errDecoder.resetState();
    m_processes->clear();
    m_lineOfThread.clear();
    loadListing(listingPath);

    auto *tracer = new Tracer(this);
    m_tracer = tracer;
    if (m_session)
        m_session->addProgram(tracer);
    connect(tracer, &Tracer::outputArrived, this, &ProgramPane::appendOutput);
    connect(tracer, &Tracer::callPaused, this, &ProgramPane::callPaused);
    connect(tracer, &Tracer::finished, this, &ProgramPane::programFinished);
    connect(tracer, &Tracer::warned, this, [this](const QString &message) {
        m_warning = message;
        appendNote(message);
        updateHeadline();
    });
    tracer->setStepMode(m_stepMode->isChecked());
    TraceOptions piped = options;
    piped.pipeStdio = true;
    if (!tracer->start(piped)) {
        m_error = tracer->errorString();
        if (m_error.isEmpty())
            m_error = tr("%1 could not be started.").arg(options.program);
        appendNote(m_error);
        m_tracer = nullptr;
        tracer->deleteLater();
        updateHeadline();
        updateEnabled();
        emit runningChanged(false);
        return false;
    }
    m_running = true;
    m_tabs->setCurrentWidget(m_output);
    updateHeadline();
    updateEnabled();
    emit runningChanged(true);
    return true;
}

void ProgramPane::chooseProgram()
{
    ProgramDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    run(dialog.options(), dialog.listingPath(), dialog.title());
}

void ProgramPane::stop()
{
    if (m_tracer && m_tracer->isRunning())
        m_tracer->terminate(kStopGraceMs);
    m_paused.clear();
    updateHeadline();
}

void ProgramPane::kill()
{
    if (!m_tracer)
        return;
    Tracer *tracer = m_tracer;
    m_tracer = nullptr;
    disconnect(tracer, nullptr, this, nullptr);
    // The destructor kills and reaps every process the program made.
    delete tracer;
    m_running = false;
    m_paused.clear();
}

void ProgramPane::programFinished(int exitStatus)
{
    m_exitStatus = exitStatus;
    m_running = false;
    m_paused.clear();
    appendNote(tr("The program ended with status %1.").arg(exitStatus));
    updateHeadline();
    updateEnabled();
    emit runningChanged(false);
}

void ProgramPane::writeToProgram(const QByteArray &bytes)
{
    if (isRunning())
        m_tracer->writeInput(bytes);
}

void ProgramPane::sendLine()
{
    if (!isRunning())
        return;
    writeToProgram(m_input->text().toUtf8() + '\n');
    m_input->clear();
}

void ProgramPane::sendEndLine()
{
    writeToProgram(QByteArrayLiteral("\x18\n"));
}

void ProgramPane::closeInput()
{
    if (isRunning())
        m_tracer->closeInput();
    m_input->setEnabled(false);
    m_send->setEnabled(false);
    m_sendEnd->setEnabled(false);
    m_closeInput->setEnabled(false);
}

void ProgramPane::setStepMode(bool on)
{
    if (!on)
        m_paused.clear();
    if (m_tracer)
        m_tracer->setStepMode(on);
    updateHeadline();
    updateEnabled();
}

void ProgramPane::next()
{
    if (m_paused.isEmpty() || !m_tracer)
        return;
    m_paused.removeFirst();
    m_tracer->stepOnce();
    updateHeadline();
    updateEnabled();
}

void ProgramPane::continueAll()
{
    // Continue runs on without pausing again: step mode ends, every waiting thread goes on.
    m_stepMode->setChecked(false);
    m_paused.clear();
    if (m_tracer)
        m_tracer->continueAll();
    updateHeadline();
    updateEnabled();
}

void ProgramPane::callPaused(const SocketEvent &event)
{
    if (!m_stepMode->isChecked())
        return;
    m_paused.append(event);
    if (m_paused.size() == 1)
        highlightCall(event, true);
    updateHeadline();
    updateEnabled();
}

void ProgramPane::sessionEvents(const SocketEvents &events)
{
    SocketEvents mine;
    for (const SocketEvent &event : events) {
        if (event.traced)
            mine.append(event);
    }
    if (mine.isEmpty() || !m_tracer)
        return;
    m_processes->appendEvents(mine);
    // While a thread waits at a step, its line stays the one shown.
    if (!m_paused.isEmpty())
        return;
    for (const SocketEvent &event : std::as_const(mine)) {
        if (event.kind == EventKind::Call)
            highlightCall(event, false);
    }
}

void ProgramPane::loadListing(const QString &path)
{
    m_listingLines.clear();
    m_currentLine = -1;
    const QString name = QFileInfo(path).fileName();
    m_roleHint = name.contains(QLatin1String("server")) || name.contains(QLatin1String("servidor"))
        ? 1
        : name.contains(QLatin1String("client")) || name.contains(QLatin1String("cliente")) ? 2
                                                                                            : 0;
    QFile file(path);
    if (!path.isEmpty() && file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        // A listing is small; a huge file is no program of the recipe's.
        const QString text = QString::fromUtf8(file.read(512 * 1024));
        m_listingLines = text.split(QLatin1Char('\n'));
        m_listing->setPlainText(text);
    } else {
        m_listing->setPlainText(tr("No listing: the line of each call shows for Python programs "
                                   "(the recipe's, or a .py file on the command line)."));
    }
    m_listing->setExtraSelections({});
}

void ProgramPane::highlightCall(const SocketEvent &event, bool paused)
{
    if (m_listingLines.isEmpty())
        return;
    // A new thread or child starts where its process was.
    const qint64 thread = event.tid != 0 ? event.tid : event.pid;
    const int from = m_lineOfThread.value(
        thread, m_lineOfThread.value(event.pid, m_lineOfThread.value(event.parentPid, -1)));
    const int line = RecipePrograms::lineOfCall(m_listingLines, event.call, from);
    if (line < 0)
        return;
    if (m_lineOfThread.size() > kMaxRememberedThreads)
        m_lineOfThread.clear();
    m_lineOfThread.insert(thread, line);
    m_currentLine = line;
    QTextEdit::ExtraSelection selection;
    selection.format.setBackground(paused ? kStepColor : kCallColor);
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    selection.cursor = QTextCursor(m_listing->document()->findBlockByNumber(line));
    m_listing->setExtraSelections({selection});
    m_listing->setTextCursor(selection.cursor);
    m_listing->centerCursor();
}

void ProgramPane::appendOutput(const QByteArray &bytes, bool standardError)
{
    const QString text = (standardError ? m_errDecoder : m_outDecoder).decode(bytes);
    QTextCharFormat format;
    if (standardError)
        format.setForeground(kErrorColor);
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    const bool atEnd
        = m_output->verticalScrollBar()->value() == m_output->verticalScrollBar()->maximum();
    // Plain text: insertText never reads markup.
    cursor.insertText(text, format);
    if (m_output->document()->characterCount() > kMaxOutputChars) {
        QTextCursor head(m_output->document());
        head.setPosition(m_output->document()->characterCount() - kMaxOutputChars / 2);
        head.setPosition(0, QTextCursor::KeepAnchor);
        head.removeSelectedText();
    }
    if (atEnd)
        m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

void ProgramPane::appendNote(const QString &text)
{
    QTextCharFormat format;
    format.setFontItalic(true);
    format.setForeground(Qt::darkGray);
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_output->document()->isEmpty() && !cursor.block().text().isEmpty())
        cursor.insertText(QStringLiteral("\n"));
    cursor.insertText(QStringLiteral("— %1\n").arg(text), format);
}

QString ProgramPane::outputText() const
{
    return m_output->toPlainText();
}

QString ProgramPane::headline() const
{
    return m_headline->text();
}

void ProgramPane::updateHeadline()
{
    QString text;
    if (!m_error.isEmpty()) {
        text = m_error;
    } else if (!m_paused.isEmpty()) {
        const SocketEvent &event = m_paused.constFirst();
        const QString who = event.tid != 0 && event.tid != event.pid
            ? tr("Thread %1").arg(event.tid)
            : tr("Process %1").arg(event.pid);
        const QString call = sysCallName(event.call);
        const Role role = m_roleHint == 1 ? Role::Server
            : m_roleHint == 2             ? Role::Client
                                          : event.role;
        const int step = m_roleHint != 0 ? recipeStep(event.call, role) : event.step;
        if (m_roleHint == 0 && event.step < 0)
            text = tr("%1 is about to call %2() — its role shows later (listen: a server; "
                      "connect or a send first: a client).")
                       .arg(who, call);
        else if (step == 0)
            text = tr("%1 is about to call %2().").arg(who, call);
        else if (role == Role::Server)
            text = tr("%1 is about to call %2() — step %3 of the server's recipe.")
                       .arg(who, call)
                       .arg(step);
        else
            text = tr("%1 is about to call %2() — step %3 of the client's recipe.")
                       .arg(who, call)
                       .arg(step);
        if (m_paused.size() > 1)
            text = tr("%1 (%2 threads wait)").arg(text).arg(m_paused.size());
    } else if (isRunning()) {
        text = tr("Running: %1 (pid %2)").arg(m_title).arg(m_tracer->programPid());
        if (m_stepMode->isChecked())
            text = tr("%1 — pauses before each socket call").arg(text);
    } else if (m_exitStatus >= 0) {
        text = tr("%1 ended with status %2.").arg(m_title).arg(m_exitStatus);
    } else {
        text = tr("No program runs. Run one of the recipe's programs, or your own, to see its "
                  "socket calls here and in the log.");
    }
    if (!m_warning.isEmpty() && m_error.isEmpty())
        text = tr("%1 %2").arg(text, m_warning);
    m_headline->setText(text);
}

void ProgramPane::updateEnabled()
{
    const bool running = isRunning();
    m_stop->setEnabled(running);
    m_next->setEnabled(running && !m_paused.isEmpty());
    m_continue->setEnabled(running && !m_paused.isEmpty());
    for (QWidget *widget :
         {static_cast<QWidget *>(m_input), static_cast<QWidget *>(m_send),
          static_cast<QWidget *>(m_sendEnd), static_cast<QWidget *>(m_closeInput)})
        widget->setEnabled(running);
}

} // namespace socketlab
