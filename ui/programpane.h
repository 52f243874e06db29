#pragma once

#include "core/socketevent.h"
#include "core/tracer.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QStringDecoder>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace socketlab {

class LabSession;
class ProgramProcesses;

// A program run under the tracer ("Run a program…"): a participant of the window's session
// (its calls in the log, the call trace and the call sequence), with its standard output and
// error, a line that types into its standard input, its processes and threads, the listing
// of a Python program with the line of its latest call highlighted, and step mode: "Pause
// before each socket call", Next (Space) and Continue.
class ProgramPane : public QWidget
{
    Q_OBJECT

public:
    explicit ProgramPane(LabSession *session, QWidget *parent = nullptr);
    ~ProgramPane() override;

    // Runs a program (a running one is stopped first); false with the reason in the headline
    // (errorText()). listingPath: a Python file to list, or empty.
    bool run(const TraceOptions &options, const QString &listingPath, const QString &title);
    bool isRunning() const;
    // Stop: SIGTERM to every process, SIGKILL to those left after a grace.
    void stop();
    // At once (the window closes).
    void kill();

    Tracer *tracer() const { return m_tracer; }
    QString headline() const;
    QString errorText() const { return m_error; }
    QString outputText() const;
    QPlainTextEdit *outputView() const { return m_output; }
    QPlainTextEdit *listingView() const { return m_listing; }
    // The 0-based line highlighted in the listing, -1 for none.
    int currentListingLine() const { return m_currentLine; }
    ProgramProcesses *processes() const { return m_processes; }
    QCheckBox *stepModeBox() const { return m_stepMode; }
    // The threads waiting before a call, the first to go on Next first.
    QList<SocketEvent> pausedCalls() const { return m_paused; }

public slots:
    // Opens the "Run a program" dialog and runs what it chose.
    void chooseProgram();
    void sendLine();
    void sendEndLine(); // the recipe's clients end at a Ctrl+X line
    void closeInput();
    void next();
    void continueAll();

signals:
    void runningChanged(bool running);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateFonts();
    void updateHeadline();
    void updateEnabled();
    void appendOutput(const QByteArray &bytes, bool standardError);
    void appendNote(const QString &text);
    void sessionEvents(const SocketEvents &events);
    void callPaused(const SocketEvent &event);
    void programFinished(int exitStatus);
    void setStepMode(bool on);
    void loadListing(const QString &path);
    void highlightCall(const SocketEvent &event, bool paused);
    void writeToProgram(const QByteArray &bytes);

    LabSession *m_session;
    QPointer<Tracer> m_tracer;
    QString m_title;
    QString m_error;
    QString m_warning;
    int m_exitStatus = -1;
    // From start() to finished() (the tracer's thread may still be winding down after it).
    bool m_running = false;
    QList<SocketEvent> m_paused;
    QStringDecoder m_outDecoder {QStringDecoder::Utf8};
    QStringDecoder m_errDecoder {QStringDecoder::Utf8};

    QLabel *m_headline;
    QPushButton *m_run;
    QPushButton *m_stop;
    QCheckBox *m_stepMode;
    QPushButton *m_next;
    QPushButton *m_continue;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_output;
    QPlainTextEdit *m_listing;
    ProgramProcesses *m_processes;
    QLabel *m_inputLabel;
    QLineEdit *m_input;
    QPushButton *m_send;
    QPushButton *m_sendEnd;
    QPushButton *m_closeInput;

    // The recipe's role of a listed program, from its file name (tcp_server.py): its socket()
    // is step 2 of the server's recipe before the tracer can tell (at listen) it is a server.
    // 0 none, 1 server, 2 client.
    int m_roleHint = 0;
    QStringList m_listingLines;
    int m_currentLine = -1;
    // Where each thread's last call was in the listing: the next one is searched from there.
    QHash<qint64, int> m_lineOfThread;
};

} // namespace socketlab
