#pragma once

#include "core/tracer.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace socketlab {

// "Run a program…": one of the recipe's programs bundled with SocketLab (each openable as a
// file, or copied to a folder of the teacher's to edit and run again), or any command line
// with its working folder.
class ProgramDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProgramDialog(QWidget *parent = nullptr);

    // Choices, also for tests: a bundled program by its file name (tcp_server_fork.py), or a
    // command line ("python3 server.py", "./a.out 5000") and its working folder.
    bool selectBundled(const QString &fileName);
    void setCommandLine(const QString &commandLine, const QString &workingDirectory = QString());
    bool isBundled() const;

    // What to run, with pipeStdio (the program pane is its terminal); an empty program when
    // nothing is chosen.
    TraceOptions options() const;
    // The Python file the program pane lists (the bundled program, or a .py file named on the
    // command line); empty for none.
    QString listingPath() const;
    // How the pane names the program: the bundled program's title, or the command line.
    QString title() const;

    // Copies the chosen bundled program into folder and switches to running that copy;
    // false with a translated reason.
    bool copyBundledTo(const QString &folder, QString *error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateEnabled();
    void openFile();
    void openFolder();
    void copyToFolder();
    void browseFolder();
    QString bundledPath() const;

    QRadioButton *m_bundledChoice;
    QRadioButton *m_commandChoice;
    QComboBox *m_programs;
    QLabel *m_path;
    QPushButton *m_openFile;
    QPushButton *m_openFolder;
    QPushButton *m_copy;
    QLabel *m_commandLabel;
    QLineEdit *m_command;
    QLabel *m_folderLabel;
    QLineEdit *m_folder;
    QPushButton *m_browse;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace socketlab
