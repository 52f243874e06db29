#pragma once

#include "core/checkitem.h"
#include "core/socketevent.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace socketlab {

class CallSequenceWidget;
class CheckProcess;
class CheckResultsModel;
class EventListModel;
class LanguageManager;

// "Check a program…": grades a student's program against one of the recipe's exercises with
// socketlab-cli check (a CheckProcess); the rubric fills in as its items are decided, the
// program's calls fill the sequence diagram and the log as they are made, and the selected
// item's evidence shows below it and is selected in the diagram and the log.
class CheckDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CheckDialog(LanguageManager *language, QWidget *parent = nullptr);
    ~CheckDialog() override;

    // For tests: another socketlab-cli.
    void setCliPath(const QString &path);

    // Choices, also for tests. An exercise by its command-line name (tcp-server-fork); a
    // bundled recipe program by file name (it also chooses its exercise); any program file.
    bool setExercise(const QString &name);
    QString exercise() const;
    bool selectBundled(const QString &fileName);
    void setProgramFile(const QString &path);
    QString programFile() const { return m_programPath; }

    bool isRunning() const;
    CheckResultsModel *model() const { return m_model; }
    CallSequenceWidget *callView() const { return m_calls; }
    EventListModel *logModel() const { return m_log; }
    QTableView *logView() const { return m_logView; }
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
    void finish(State state);
    void showDetails();
    // Selects the rows of the item's calls in the diagram and the log; scroll: to the first.
    void highlightEvidence(const CheckItem &item, bool scroll);
    void eventsArrived(const SocketEvents &events);
    QString currentLanguage() const;

    LanguageManager *m_language;
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
    QTabWidget *m_views;
    CallSequenceWidget *m_calls;
    EventListModel *m_log;
    QTableView *m_logView;
    QLabel *m_status;
    QPushButton *m_check;
    QPushButton *m_stop;
    QDialogButtonBox *m_buttons;
    CheckResultsModel *m_model;
    CheckProcess *m_runner;
    State m_state = State::Idle;
    int m_passed = 0;
    int m_total = 0;
    QString m_failure;
};

} // namespace socketlab
