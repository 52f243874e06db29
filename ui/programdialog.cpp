#include "ui/programdialog.h"

#include "ui/recipeprograms.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

namespace socketlab {

ProgramDialog::ProgramDialog(QWidget *parent)
    : QDialog(parent),
      m_bundledChoice(new QRadioButton(this)),
      m_commandChoice(new QRadioButton(this)),
      m_programs(new QComboBox(this)),
      m_path(new QLabel(this)),
      m_openFile(new QPushButton(this)),
      m_openFolder(new QPushButton(this)),
      m_copy(new QPushButton(this)),
      m_commandLabel(new QLabel(this)),
      m_command(new QLineEdit(this)),
      m_folderLabel(new QLabel(this)),
      m_folder(new QLineEdit(this)),
      m_browse(new QPushButton(this)),
      m_hint(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("programDialog"));
    m_programs->setObjectName(QStringLiteral("bundledPrograms"));
    m_command->setObjectName(QStringLiteral("commandLine"));
    m_folder->setObjectName(QStringLiteral("workingFolder"));
    // A path is plain text, whatever its characters.
    m_path->setTextFormat(Qt::PlainText);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_bundledChoice);
    auto *bundled = new QGridLayout;
    bundled->setContentsMargins(24, 0, 0, 0);
    bundled->addWidget(m_programs, 0, 0, 1, 3);
    bundled->addWidget(m_path, 1, 0, 1, 3);
    bundled->addWidget(m_openFile, 2, 0);
    bundled->addWidget(m_openFolder, 2, 1);
    bundled->addWidget(m_copy, 2, 2);
    layout->addLayout(bundled);
    layout->addWidget(m_commandChoice);
    auto *command = new QGridLayout;
    command->setContentsMargins(24, 0, 0, 0);
    command->addWidget(m_commandLabel, 0, 0);
    command->addWidget(m_command, 0, 1, 1, 2);
    command->addWidget(m_folderLabel, 1, 0);
    command->addWidget(m_folder, 1, 1);
    command->addWidget(m_browse, 1, 2);
    layout->addLayout(command);
    layout->addWidget(m_hint);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    m_bundledChoice->setChecked(true);
    connect(m_bundledChoice, &QRadioButton::toggled, this, &ProgramDialog::updateEnabled);
    connect(m_programs, &QComboBox::currentIndexChanged, this, &ProgramDialog::updateEnabled);
    connect(m_command, &QLineEdit::textChanged, this, &ProgramDialog::updateEnabled);
    connect(m_openFile, &QPushButton::clicked, this, &ProgramDialog::openFile);
    connect(m_openFolder, &QPushButton::clicked, this, &ProgramDialog::openFolder);
    connect(m_copy, &QPushButton::clicked, this, &ProgramDialog::copyToFolder);
    connect(m_browse, &QPushButton::clicked, this, &ProgramDialog::browseFolder);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    resize(560, sizeHint().height());
}

void ProgramDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ProgramDialog::retranslateUi()
{
    setWindowTitle(tr("Run a program"));
    m_bundledChoice->setText(tr("One of the recipe's programs, bundled with SocketLab (Python 3)"));
    m_commandChoice->setText(tr("A command line"));
    const QString current = m_programs->currentData().toString();
    const QSignalBlocker blocker(m_programs);
    m_programs->clear();
    for (const RecipePrograms::Program &program : RecipePrograms::programs())
        m_programs->addItem(program.title, program.fileName);
    const int index = m_programs->findData(current);
    m_programs->setCurrentIndex(index < 0 ? 1 : index); // the fork server: the class's favourite
    m_openFile->setText(tr("Open file"));
    m_openFile->setToolTip(tr("Opens the program in the system's editor"));
    m_openFolder->setText(tr("Open folder"));
    m_copy->setText(tr("Copy to a folder..."));
    m_copy->setToolTip(tr("Copies the program to a folder of yours, to edit it and run it again"));
    m_commandLabel->setText(tr("Command:"));
    m_command->setPlaceholderText(tr("python3 server.py   or   ./server 5000"));
    m_folderLabel->setText(tr("Working folder:"));
    m_folder->setPlaceholderText(tr("SocketLab's own"));
    m_browse->setText(tr("Browse..."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    updateEnabled();
}

void ProgramDialog::updateEnabled()
{
    const bool bundled = isBundled();
    for (QWidget *widget : {static_cast<QWidget *>(m_programs), static_cast<QWidget *>(m_openFile),
                            static_cast<QWidget *>(m_openFolder), static_cast<QWidget *>(m_copy)})
        widget->setEnabled(bundled);
    for (QWidget *widget : {static_cast<QWidget *>(m_command), static_cast<QWidget *>(m_folder),
                            static_cast<QWidget *>(m_browse)})
        widget->setEnabled(!bundled);
    const QString path = bundledPath();
    m_path->setText(path.isEmpty() ? tr("The bundled programs are missing from this installation.")
                                   : path);
    m_hint->setText(tr("The program runs under SocketLab's tracer: its socket calls join the log, "
                       "the call trace and the processes view. The recipe's servers listen on "
                       "port 5000; connect the client panes to it."));
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(bundled ? !path.isEmpty() : !m_command->text().trimmed().isEmpty());
}

bool ProgramDialog::isBundled() const
{
    return m_bundledChoice->isChecked();
}

QString ProgramDialog::bundledPath() const
{
    return RecipePrograms::path(m_programs->currentData().toString());
}

bool ProgramDialog::selectBundled(const QString &fileName)
{
    const int index = m_programs->findData(fileName);
    if (index < 0)
        return false;
    m_programs->setCurrentIndex(index);
    m_bundledChoice->setChecked(true);
    updateEnabled();
    return true;
}

void ProgramDialog::setCommandLine(const QString &commandLine, const QString &workingDirectory)
{
    m_command->setText(commandLine);
    m_folder->setText(workingDirectory);
    m_commandChoice->setChecked(true);
    updateEnabled();
}

TraceOptions ProgramDialog::options() const
{
    TraceOptions options;
    options.pipeStdio = true;
    if (isBundled()) {
        const QString path = bundledPath();
        if (path.isEmpty())
            return options;
        options.program = RecipePrograms::interpreter();
        // -u: unbuffered, so every line reaches the pane as it is printed.
        options.arguments = {QStringLiteral("-u"), path};
        return options;
    }
    QStringList words = QProcess::splitCommand(m_command->text());
    if (words.isEmpty())
        return options;
    options.program = words.takeFirst();
    options.arguments = words;
    options.workingDirectory = m_folder->text().trimmed();
    return options;
}

QString ProgramDialog::listingPath() const
{
    if (isBundled())
        return bundledPath();
    const TraceOptions chosen = options();
    const QDir folder(chosen.workingDirectory.isEmpty() ? QDir::currentPath()
                                                        : chosen.workingDirectory);
    for (const QString &word : chosen.arguments) {
        if (!word.endsWith(QLatin1String(".py")))
            continue;
        const QString path = folder.absoluteFilePath(word);
        if (QFileInfo(path).isFile())
            return path;
    }
    return QString();
}

QString ProgramDialog::title() const
{
    return isBundled() ? m_programs->currentText() : m_command->text().trimmed();
}

void ProgramDialog::openFile()
{
    const QString path = bundledPath();
    if (!path.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

void ProgramDialog::openFolder()
{
    const QString path = bundledPath();
    if (!path.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
}

bool ProgramDialog::copyBundledTo(const QString &folder, QString *error)
{
    const QString source = bundledPath();
    const QString name = m_programs->currentData().toString();
    const QString target = QDir(folder).filePath(name);
    if (source.isEmpty()) {
        *error = tr("The bundled programs are missing from this installation.");
        return false;
    }
    if (QFileInfo::exists(target) && !QFile::remove(target)) {
        *error = tr("%1 already exists and cannot be replaced.").arg(target);
        return false;
    }
    if (!QFile::copy(source, target)) {
        *error = tr("Cannot copy the program to %1.").arg(folder);
        return false;
    }
    // The installed copy is read-only; the teacher's is to be edited.
    QFile::setPermissions(target, QFile::permissions(target) | QFileDevice::WriteOwner);
    setCommandLine(QStringLiteral("%1 -u %2").arg(RecipePrograms::interpreter(), name), folder);
    return true;
}

void ProgramDialog::copyToFolder()
{
    const QString folder
        = QFileDialog::getExistingDirectory(this, tr("Copy the program to"), QDir::homePath());
    if (folder.isEmpty())
        return;
    QString error;
    if (!copyBundledTo(folder, &error)) {
        QMessageBox::warning(this, tr("Run a program"), error);
        return;
    }
    QDesktopServices::openUrl(
        QUrl::fromLocalFile(QDir(folder).filePath(m_programs->currentData().toString())));
}

void ProgramDialog::browseFolder()
{
    const QString folder
        = QFileDialog::getExistingDirectory(this, tr("Working folder"), m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(folder);
}

} // namespace socketlab
