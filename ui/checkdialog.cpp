#include "ui/checkdialog.h"

#include "core/checkexercise.h"
#include "core/checkrubric.h"
#include "translations/languagemanager.h"
#include "ui/callsequencewidget.h"
#include "ui/calltracemodel.h"
#include "ui/checkprocess.h"
#include "ui/checkresultsmodel.h"
#include "ui/models/eventlistmodel.h"
#include "ui/recipeprograms.h"
#include "ui/screenfit.h"
#include "ui/zoomcontroller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace socketlab {

namespace {

// The recipe's exercises in the order a class meets them, with names for a teacher.
struct ExerciseChoice
{
    const char *name;
    QString title;
};

QVector<ExerciseChoice> exerciseChoices()
{
    return {
        {"tcp-server", CheckDialog::tr("TCP server, one client at a time")},
        {"tcp-server-fork", CheckDialog::tr("TCP server, one process per client (fork)")},
        {"tcp-server-thread", CheckDialog::tr("TCP server, one thread per client")},
        {"tcp-client", CheckDialog::tr("TCP client")},
        {"udp-server", CheckDialog::tr("UDP server")},
        {"udp-client", CheckDialog::tr("UDP client")},
    };
}

} // namespace

CheckDialog::CheckDialog(LanguageManager *language, QWidget *parent)
    : QDialog(parent),
      m_language(language),
      m_exercises(new QComboBox(this)),
      m_exerciseLabel(new QLabel(this)),
      m_programLabel(new QLabel(this)),
      m_program(new QLineEdit(this)),
      m_browse(new QPushButton(this)),
      m_bundled(new QComboBox(this)),
      m_bundledLabel(new QLabel(this)),
      m_table(new QTableView(this)),
      m_detailsLabel(new QLabel(this)),
      m_details(new QPlainTextEdit(this)),
      m_views(new QTabWidget(this)),
      m_calls(new CallSequenceWidget(this)),
      m_log(new EventListModel(this)),
      m_logView(new QTableView(this)),
      m_status(new QLabel(this)),
      m_check(new QPushButton(this)),
      m_stop(new QPushButton(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this)),
      m_model(new CheckResultsModel(this)),
      m_runner(new CheckProcess(this))
{
    setObjectName(QStringLiteral("checkDialog"));
    m_exercises->setObjectName(QStringLiteral("checkExercise"));
    m_program->setObjectName(QStringLiteral("checkProgram"));
    m_bundled->setObjectName(QStringLiteral("checkBundled"));
    m_table->setObjectName(QStringLiteral("checkRubric"));
    m_details->setObjectName(QStringLiteral("checkDetails"));
    m_status->setObjectName(QStringLiteral("checkStatus"));
    m_check->setObjectName(QStringLiteral("checkStart"));
    m_stop->setObjectName(QStringLiteral("checkStop"));
    m_views->setObjectName(QStringLiteral("checkViews"));
    m_calls->setObjectName(QStringLiteral("checkCalls"));
    m_logView->setObjectName(QStringLiteral("checkLog"));
    ZoomController::followFontChanges(m_exercises);
    ZoomController::followFontChanges(m_bundled);

    // Evidence and messages come from the student's program and the check: plain text only.
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_detailsLabel->setBuddy(m_details);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(CheckResultsModel::ResultColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CheckResultsModel::ItemColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Rows come one by one as items are decided: the header does not fit them by itself.
    connect(m_model, &QAbstractItemModel::rowsInserted, m_table,
            &QTableView::resizeColumnsToContents);

    // The program's calls as the window shows a traced program: the sequence diagram (lanes
    // per process and thread) and a log of its calls and processes.
    m_calls->showLanes(true);
    EventListModel::Filter filter;
    filter.kinds = {EventKind::Call, EventKind::Process};
    m_log->setFilter(filter);
    m_logView->setModel(m_log);
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setWordWrap(false);
    m_logView->verticalHeader()->hide();
    for (const int column :
         {EventListModel::ClientColumn, EventListModel::HexColumn, EventListModel::LineColumn})
        m_logView->setColumnHidden(column, true);
    m_logView->horizontalHeader()->setStretchLastSection(false);
    m_logView->horizontalHeader()->setSectionResizeMode(EventListModel::MessageColumn,
                                                        QHeaderView::Stretch);
    m_views->addTab(m_calls, QString());
    m_views->addTab(m_logView, QString());

    auto *choices = new QGridLayout;
    choices->addWidget(m_exerciseLabel, 0, 0);
    choices->addWidget(m_exercises, 0, 1, 1, 2);
    choices->addWidget(m_programLabel, 1, 0);
    choices->addWidget(m_program, 1, 1);
    choices->addWidget(m_browse, 1, 2);
    choices->addWidget(m_bundledLabel, 2, 0);
    choices->addWidget(m_bundled, 2, 1, 1, 2);
    choices->setColumnStretch(1, 1);

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_detailsLabel);
    detailsLayout->addWidget(m_details);
    auto *rubric = new QSplitter(Qt::Vertical, this);
    rubric->addWidget(m_table);
    rubric->addWidget(details);
    rubric->setStretchFactor(0, 3);
    rubric->setStretchFactor(1, 2);
    rubric->setChildrenCollapsible(false);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(rubric);
    splitter->addWidget(m_views);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_check);
    buttons->addWidget(m_stop);
    buttons->addStretch(1);
    buttons->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choices);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    m_check->setDefault(true);
    connect(m_runner, &CheckProcess::itemArrived, m_model, &CheckResultsModel::addItem);
    connect(m_runner, &CheckProcess::eventsArrived, this, &CheckDialog::eventsArrived);
    connect(m_runner, &CheckProcess::scored, this, [this](int passed, int total) {
        m_passed = passed;
        m_total = total;
        finish(State::Finished);
    });
    connect(m_runner, &CheckProcess::stopped, this, [this] { finish(State::Stopped); });
    connect(m_runner, &CheckProcess::failed, this, [this](const QString &message) {
        m_failure = message;
        finish(State::Failed);
    });
    connect(m_check, &QPushButton::clicked, this, &CheckDialog::startCheck);
    connect(m_stop, &QPushButton::clicked, this, &CheckDialog::stopCheck);
    connect(m_browse, &QPushButton::clicked, this, &CheckDialog::browse);
    connect(m_program, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_programPath = text.trimmed();
        updateState();
    });
    connect(m_bundled, &QComboBox::activated, this, [this](int index) {
        const QString fileName = m_bundled->itemData(index).toString();
        if (!fileName.isEmpty())
            selectBundled(fileName);
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CheckDialog::showDetails);
    retranslateUi();
    ScreenFit::apply(this, QSize(1100, 700));
}

CheckDialog::~CheckDialog() = default;

void CheckDialog::setCliPath(const QString &path)
{
    m_runner->setCliPath(path);
}

bool CheckDialog::setExercise(const QString &name)
{
    const int index = m_exercises->findData(name);
    if (index < 0)
        return false;
    m_exercises->setCurrentIndex(index);
    return true;
}

QString CheckDialog::exercise() const
{
    return m_exercises->currentData().toString();
}

bool CheckDialog::selectBundled(const QString &fileName)
{
    const QString path = RecipePrograms::path(fileName);
    if (path.isEmpty())
        return false;
    // tcp_server_fork.py grades as tcp-server-fork.
    QString name = QFileInfo(fileName).completeBaseName();
    name.replace(QLatin1Char('_'), QLatin1Char('-'));
    setExercise(name);
    setProgramFile(path);
    const QSignalBlocker blocker(m_bundled);
    m_bundled->setCurrentIndex(qMax(0, m_bundled->findData(fileName)));
    return true;
}

void CheckDialog::setProgramFile(const QString &path)
{
    m_programPath = path;
    m_program->setText(path);
    updateState();
}

bool CheckDialog::isRunning() const
{
    return m_runner->isRunning();
}

QString CheckDialog::statusText() const
{
    return m_status->text();
}

void CheckDialog::browse()
{
    const QString start
        = m_programPath.isEmpty() ? QDir::homePath() : QFileInfo(m_programPath).absolutePath();
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Choose the program to check"), start,
                                       tr("Python programs (*.py);;All files (*)"));
    if (path.isEmpty())
        return;
    const QSignalBlocker blocker(m_bundled);
    m_bundled->setCurrentIndex(0);
    setProgramFile(path);
}

QString CheckDialog::currentLanguage() const
{
    const QString language
        = m_language ? m_language->language() : LanguageManager::systemLanguage();
    return language == QLatin1String("pt_BR") ? language : QStringLiteral("en");
}

void CheckDialog::startCheck()
{
    if (isRunning())
        return;
    m_model->clear();
    m_details->clear();
    m_calls->clear();
    m_log->clear();
    Exercise chosen = Exercise::TcpServer;
    if (parseExercise(exercise(), &chosen)) {
        m_model->setOrder(CheckRubric::itemIds(chosen));
        m_calls->setProtocol(exerciseProtocol(chosen));
    }
    m_failure.clear();
    m_passed = 0;
    m_total = 0;
    if (!m_runner->start(exercise(), m_programPath, currentLanguage(), &m_failure)) {
        m_state = State::Failed;
        updateState();
        return;
    }
    m_state = State::Running;
    updateState();
}

void CheckDialog::stopCheck()
{
    m_runner->stop();
    updateState();
}

void CheckDialog::finish(State state)
{
    m_state = state;
    if (m_state == State::Finished) {
        // The first failure is what a teacher looks at first.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->item(row).result == CheckItem::Result::Fail) {
                m_table->selectRow(row);
                break;
            }
        }
    }
    updateState();
    emit checkFinished();
}

void CheckDialog::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        highlightEvidence({}, false);
        return;
    }
    const CheckItem &item = m_model->item(current.row());
    highlightEvidence(item, true);
    QString text = tr("%1: %2").arg(CheckResultsModel::resultText(item.result), item.id);
    text += QStringLiteral("\n\n") + item.explanation + QStringLiteral("\n\n");
    if (item.evidence.isEmpty()) {
        text += tr("No evidence: nothing in the trace or the output was needed to decide it.");
    } else {
        text += tr("Evidence (process, [recipe step] call, thread):");
        for (const QString &line : item.evidence)
            text += QStringLiteral("\n  ") + line;
    }
    m_details->setPlainText(text);
}

void CheckDialog::eventsArrived(const SocketEvents &events)
{
    m_calls->appendEvents(events);
    m_log->appendEvents(events);
    // The diagram keeps causal order by making rows again: the selection follows.
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        highlightEvidence(m_model->item(current.row()), false);
}

void CheckDialog::highlightEvidence(const CheckItem &item, bool scroll)
{
    auto quoted = [&item](const SocketEvent &event) {
        return std::any_of(
            item.calls.cbegin(), item.calls.cend(), [&event](const CheckItem::Call &call) {
                return call.pid == event.pid && call.tid == event.tid && call.endUs == event.endUs;
            });
    };
    auto select = [scroll](QTableView *view, const std::function<bool(int)> &matches) {
        QAbstractItemModel *model = view->model();
        QItemSelection selection;
        int first = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (!matches(row))
                continue;
            if (first < 0)
                first = row;
            selection.select(model->index(row, 0), model->index(row, model->columnCount() - 1));
        }
        view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
        if (scroll && first >= 0)
            view->scrollTo(model->index(first, 0), QAbstractItemView::PositionAtCenter);
    };
    // The lanes are the trace's rows, a column per participant.
    auto inTrace = [this, &quoted](int row) { return quoted(m_calls->traceModel()->eventAt(row)); };
    select(m_calls->traceView(), inTrace);
    select(m_calls->lanesView(), inTrace);
    select(m_logView, [this, &quoted](int row) { return quoted(m_log->eventAt(row)); });
}

void CheckDialog::updateState()
{
    const bool running = isRunning();
    if (m_runner->isStopping())
        m_state = State::Stopping;
    m_check->setEnabled(!running && !m_programPath.isEmpty());
    m_stop->setEnabled(running && !m_runner->isStopping());
    for (QWidget *widget : {static_cast<QWidget *>(m_exercises), static_cast<QWidget *>(m_program),
                            static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_bundled)})
        widget->setEnabled(!running);
    switch (m_state) {
    case State::Idle:
        m_status->setText(tr("Choose the exercise and the program, then Check. The program runs in "
                             "a private network of its own, with time and resource limits."));
        break;
    case State::Running:
        m_status->setText(tr("Checking... SocketLab drives the program as the exercise expects."));
        break;
    case State::Stopping:
        m_status->setText(tr("Stopping the check..."));
        break;
    case State::Finished:
        m_status->setText(
            tr("%1 of %n item(s) passed (items that do not apply are not counted).", "", m_total)
                .arg(m_passed));
        break;
    case State::Failed:
        m_status->setText(m_failure);
        break;
    case State::Stopped:
        m_status->setText(tr("Stopped: the check and the program were ended."));
        break;
    }
}

void CheckDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CheckDialog::done(int result)
{
    // Nothing keeps running unseen.
    m_runner->kill();
    QDialog::done(result);
}

void CheckDialog::retranslateUi()
{
    setWindowTitle(tr("Check a program"));
    m_exerciseLabel->setText(tr("&Exercise:"));
    m_exerciseLabel->setBuddy(m_exercises);
    m_programLabel->setText(tr("&Program file:"));
    m_programLabel->setBuddy(m_program);
    m_program->setPlaceholderText(tr("A Python program (.py) or an executable"));
    m_browse->setText(tr("&Browse..."));
    m_bundledLabel->setText(tr("Or the &recipe's:"));
    m_bundledLabel->setBuddy(m_bundled);
    m_detailsLabel->setText(tr("&Details of the selected item:"));
    m_views->setTabText(0, tr("Calls of the program"));
    m_views->setTabText(1, tr("Log of the program"));
    m_check->setText(tr("&Check"));
    m_check->setToolTip(
        tr("Runs the program in a private network and grades it against the exercise"));
    m_stop->setText(tr("&Stop"));
    m_stop->setToolTip(tr("Stops the check and every process of the program"));

    {
        const QString current = exercise();
        const QSignalBlocker blocker(m_exercises);
        m_exercises->clear();
        for (const ExerciseChoice &choice : exerciseChoices())
            m_exercises->addItem(choice.title, QString::fromLatin1(choice.name));
        m_exercises->setCurrentIndex(qMax(0, m_exercises->findData(current)));
    }
    {
        const QString current = m_bundled->currentData().toString();
        const QSignalBlocker blocker(m_bundled);
        m_bundled->clear();
        m_bundled->addItem(tr("(choose one to check it)"), QString());
        for (const RecipePrograms::Program &program : RecipePrograms::programs())
            m_bundled->addItem(program.title, program.fileName);
        m_bundled->setCurrentIndex(qMax(0, m_bundled->findData(current)));
    }
    m_model->retranslate();
    showDetails();
    updateState();
}

} // namespace socketlab
