#pragma once

#include "core/checkitem.h"

#include <QDialog>
#include <QProcess>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTemporaryDir;
class QTimer;

namespace socketlab {

class CheckResultsModel;
class LanguageManager;

// "Check a program…": grades a student's program against one of the recipe's exercises with
// socketlab-cli check, run beside this executable. The check must enter a user and network
// namespace of its own, which only a single-threaded process may do, so it never runs in
// the window's process; its --json lines fill the rubric as they arrive.
class CheckDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CheckDialog(LanguageManager *language, QWidget *parent = nullptr);
    ~CheckDialog() override;

    // socketlab-cli beside this executable (the build tree's app/ or the installed bin/),
    // else the first in PATH; empty when missing.
    static QString defaultCliPath();
    // For tests: another socketlab-cli.
    void setCliPath(const QString &path) { m_cliPath = path; }

    // Choices, also for tests. An exercise by its command-line name (tcp-server-fork); a
    // bundled recipe program by file name (it also chooses its exercise); any program file.
    bool setExercise(const QString &name);
    QString exercise() const;
    bool selectBundled(const QString &fileName);
    void setProgramFile(const QString &path);
    QString programFile() const { return m_programPath; }

    bool isRunning() const;
    CheckResultsModel *model() const { return m_model; }
    // The score line once the check ended ("7 of 8 items passed"), or why it could not run.
    QString statusText() const;

public slots:
    void startCheck();
    // Stops the check and everything it started (its process group): SIGTERM, then SIGKILL
    // for what is left after two seconds.
    void stopCheck();
    // Closing the dialog (Close, Escape, the title bar) ends a running check first.
    void done(int result) override;

signals:
    void checkFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class State { Idle, Running, Stopping, Finished, Failed, Stopped };

    void retranslateUi();
    void updateState();
    void browse();
    void readOutput();
    void handleLine(const QByteArray &line);
    void processFinished(int exitCode, QProcess::ExitStatus status);
    void processError(QProcess::ProcessError error);
    void showDetails();
    void signalGroup(int signal);
    QString currentLanguage() const;

    LanguageManager *m_language;
    QString m_cliPath;
    QString m_programPath;
    QComboBox *m_exercises;
    QLabel *m_exerciseLabel;
    QLabel *m_programLabel;
    QLineEdit *m_program;
    QPushButton *m_browse;
    QComboBox *m_bundled;
    QLabel *m_bundledLabel;
    QTableView *m_table;
    QLabel *m_detailsLabel;
    QPlainTextEdit *m_details;
    QLabel *m_status;
    QPushButton *m_check;
    QPushButton *m_stop;
    QDialogButtonBox *m_buttons;
    CheckResultsModel *m_model;
    QProcess *m_process = nullptr;
    // The check's process id, also its process group's (kept after it ended, for the rest).
    qint64 m_pid = 0;
    QTimer *m_killTimer;
    // The check's folder for its own temporary folders (TMPDIR), removed with what a stopped
    // check left in it.
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QByteArray m_pending;
    QByteArray m_errors;
    State m_state = State::Idle;
    int m_passed = 0;
    int m_total = 0;
    bool m_scored = false;
    QString m_failure;
};

} // namespace socketlab
