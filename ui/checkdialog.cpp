#include "ui/checkdialog.h"

#include "translations/languagemanager.h"
#include "ui/checkresultsmodel.h"
#include "ui/recipeprograms.h"
#include "ui/screenfit.h"
#include "ui/zoomcontroller.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace socketlab {

namespace {

// How long a stopped check has to end after SIGTERM before its group gets SIGKILL.
constexpr int kKillAfterMs = 2000;
// How long closing the dialog waits for a killed check to be reaped.
constexpr int kReapWaitMs = 3000;
// A check prints a few kilobytes; more on standard error is cut.
constexpr qsizetype kMaxErrorBytes = 16 * 1024;

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

CheckItem::Result parseResult(const QString &text)
{
    if (text == QLatin1String("pass"))
        return CheckItem::Result::Pass;
    if (text == QLatin1String("fail"))
        return CheckItem::Result::Fail;
    return CheckItem::Result::NotApplicable;
}

} // namespace

CheckDialog::CheckDialog(LanguageManager *language, QWidget *parent)
    : QDialog(parent), m_language(language), m_exercises(new QComboBox(this)),
      m_exerciseLabel(new QLabel(this)), m_programLabel(new QLabel(this)),
      m_program(new QLineEdit(this)), m_browse(new QPushButton(this)),
      m_bundled(new QComboBox(this)), m_bundledLabel(new QLabel(this)),
      m_table(new QTableView(this)), m_detailsLabel(new QLabel(this)),
      m_details(new QPlainTextEdit(this)), m_status(new QLabel(this)),
      m_check(new QPushButton(this)), m_stop(new QPushButton(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this)),
      m_model(new CheckResultsModel(this)), m_killTimer(new QTimer(this))
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
    m_table->horizontalHeader()->setSectionResizeMode(
        CheckResultsModel::ResultColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(
        CheckResultsModel::ItemColumn, QHeaderView::ResizeToContents);
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
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] { signalGroup(SIGKILL); });
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

CheckDialog::~CheckDialog()
{
    if (isRunning()) {
        signalGroup(SIGKILL);
        m_process->waitForFinished(kReapWaitMs);
    }
}

QString CheckDialog::defaultCliPath()
{
    const QString beside
        = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("socketlab-cli"));
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("socketlab-cli"));
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
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString CheckDialog::statusText() const
{
    return m_status->text();
}

void CheckDialog::browse()
{
    const QString start
        = m_programPath.isEmpty() ? QDir::homePath() : QFileInfo(m_programPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the program to check"),
        start, tr("Python programs (*.py);;All files (*)"));
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
    m_pending.clear();
    m_errors.clear();
    m_scored = false;
    m_passed = 0;
    m_total = 0;
    m_failure.clear();

    const QFileInfo file(m_programPath);
    QString cli = m_cliPath.isEmpty() ? defaultCliPath() : m_cliPath;
    if (!file.isFile()) {
        m_failure = tr("Choose the program file to check.");
    } else if (file.suffix() != QLatin1String("py") && !file.isExecutable()) {
        m_failure = tr("%1 cannot be run: choose a Python program (.py) or an executable file.")
                        .arg(file.absoluteFilePath());
    } else if (cli.isEmpty()) {
        m_failure = tr("socketlab-cli, which runs the check, was not found beside SocketLab.");
    } else {
        // Its own TMPDIR: a check stopped by a signal cannot remove its folder, this can.
        m_tempDir = std::make_unique<QTemporaryDir>(
            QDir::tempPath() + QStringLiteral("/socketlab-gui-check-XXXXXX"));
        if (!m_tempDir->isValid()) {
            m_failure = tr("Cannot make a folder for the check: %1").arg(m_tempDir->errorString());
            m_tempDir.reset();
        }
    }
    if (!m_failure.isEmpty()) {
        m_state = State::Failed;
        updateState();
        return;
    }
    // Started by root, the check runs the program as nobody, who must reach its folder.
    QFile::setPermissions(m_tempDir->path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);

    QStringList arguments {QStringLiteral("check"), QStringLiteral("--exercise"), exercise(),
        QStringLiteral("--json"), QStringLiteral("--lang"), currentLanguage(),
        QStringLiteral("--")};
    // python3 from PATH, as the command line would: the check picks one its user may run.
    if (file.suffix() == QLatin1String("py"))
        arguments << QStringLiteral("python3");
    arguments << file.absoluteFilePath();

    m_process = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TMPDIR"), m_tempDir->path());
    m_process->setProcessEnvironment(environment);
    m_process->setWorkingDirectory(m_tempDir->path());
    // A group of its own, so Stop reaches the check, its namespace child and the program.
    // The group no longer gets a terminal's Ctrl+C: the check ends when this process does.
    m_process->setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &CheckDialog::readOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray more = m_process->readAllStandardError();
        if (m_errors.size() < kMaxErrorBytes)
            m_errors += more.left(kMaxErrorBytes - m_errors.size());
    });
    connect(m_process, &QProcess::finished, this, &CheckDialog::processFinished);
    connect(m_process, &QProcess::errorOccurred, this, &CheckDialog::processError);
    m_state = State::Running;
    updateState();
    m_process->start(cli, arguments);
    m_pid = m_process->processId();
}

void CheckDialog::stopCheck()
{
    if (!isRunning() || m_state == State::Stopping)
        return;
    m_state = State::Stopping;
    updateState();
    signalGroup(SIGTERM);
    m_killTimer->start(kKillAfterMs);
}

void CheckDialog::signalGroup(int signal)
{
    if (m_pid > 0)
        ::kill(-pid_t(m_pid), signal);
}

void CheckDialog::readOutput()
{
    m_pending += m_process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(newline);
        m_pending.remove(0, newline + 1);
        handleLine(line);
    }
}

void CheckDialog::handleLine(const QByteArray &line)
{
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    const QString event = object.value(QLatin1String("event")).toString();
    if (event == QLatin1String("item")) {
        CheckItem item;
        item.id = object.value(QLatin1String("item")).toString();
        item.result = parseResult(object.value(QLatin1String("result")).toString());
        const QJsonArray evidence = object.value(QLatin1String("evidence")).toArray();
        for (const QJsonValue &value : evidence)
            item.evidence << value.toString();
        item.explanation = object.value(QLatin1String("explanation")).toString();
        m_model->addItem(item);
    } else if (event == QLatin1String("score")) {
        m_passed = object.value(QLatin1String("passed")).toInt();
        m_total = object.value(QLatin1String("total")).toInt();
        m_scored = true;
    }
}

void CheckDialog::processFinished(int exitCode, QProcess::ExitStatus status)
{
    m_killTimer->stop();
    readOutput();
    if (!m_pending.isEmpty())
        handleLine(m_pending);
    m_pending.clear();
    m_errors += m_process->readAllStandardError();
    if (m_state == State::Stopping) {
        // Whatever of the group is left (the tracer kills the program when it ends).
        signalGroup(SIGKILL);
        m_state = State::Stopped;
    } else if (m_scored) {
        m_state = State::Finished;
    } else {
        m_state = State::Failed;
        QString message = QString::fromUtf8(m_errors).trimmed();
        message.replace(QLatin1String("socketlab-cli: "), QString());
        if (message.isEmpty()) {
            message = status == QProcess::CrashExit
                ? tr("The check ended abnormally.")
                : tr("The check ended without a result (exit status %1).").arg(exitCode);
        }
        m_failure = message;
    }
    m_process->deleteLater();
    m_process = nullptr;
    m_pid = 0;
    m_tempDir.reset();
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

void CheckDialog::processError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return;
    m_failure = tr("socketlab-cli could not be started: %1").arg(m_process->errorString());
    m_state = State::Failed;
    m_process->deleteLater();
    m_process = nullptr;
    m_tempDir.reset();
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
    m_check->setEnabled(!running && !m_programPath.isEmpty());
    m_stop->setEnabled(running && m_state != State::Stopping);
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
    if (isRunning()) {
        m_state = State::Stopping;
        signalGroup(SIGKILL);
        m_process->waitForFinished(kReapWaitMs);
    }
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
