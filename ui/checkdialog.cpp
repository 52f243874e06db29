#include "ui/checkdialog.h"

#include "translations/languagemanager.h"
#include "ui/checkprocess.h"
#include "ui/checkresultsmodel.h"
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
#include <QTableView>
#include <QVBoxLayout>

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
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
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
    ScreenFit::apply(this, QSize(900, 640));
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
        return;
    }
    const CheckItem &item = m_model->item(current.row());
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
        m_status->setText(tr("%1 of %2 items passed (items that do not apply are not counted).")
                              .arg(m_passed)
                              .arg(m_total));
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
