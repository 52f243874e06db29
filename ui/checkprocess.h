#pragma once

#include "core/checkitem.h"
#include "core/socketevent.h"

#include <QObject>
#include <QProcess>

#include <memory>

class QFile;
class QTemporaryDir;
class QTimer;

namespace socketlab {

// One run of `socketlab-cli check --json` for the window ("Check a program…"). The check must
// enter a user and network namespace of its own, which only a single-threaded process may do,
// so it never runs in the window's process. It runs in a process group of its own (stopping it
// signals the whole group) with a TMPDIR that is removed once it ended, and its `item` lines
// are reported as they arrive. The program's calls and process events come through a file
// in that folder (check --output), read as it grows: standard output stays the rubric's, and
// a file needs no descriptor passed to a process that changes user and namespaces.
class CheckProcess : public QObject
{
    Q_OBJECT

public:
    explicit CheckProcess(QObject *parent = nullptr);
    // Kills a running check and waits for it.
    ~CheckProcess() override;

    // socketlab-cli beside this executable (the build tree's app/ or the installed bin/),
    // else the first in PATH; empty when missing.
    static QString defaultCliPath();
    // Another socketlab-cli (tests); empty for the default.
    void setCliPath(const QString &path) { m_cliPath = path; }

    // Checks programFile (a .py file runs with python3, anything else as it is) against
    // exercise ("tcp-server-fork") in language ("en", "pt_BR"); false with a translated reason.
    bool start(const QString &exercise, const QString &programFile, const QString &language,
               QString *error);
    // SIGTERM to the group, SIGKILL to what is left after two seconds; stopped() follows.
    void stop();
    // SIGKILL to the group, and waits (a little) until the check is reaped.
    void kill();

    bool isRunning() const;
    bool isStopping() const { return m_stopping && isRunning(); }
    // The check's process id, also its group's; 0 when none runs.
    qint64 processId() const { return m_pid; }

signals:
    void itemArrived(const socketlab::CheckItem &item);
    // The checked program's calls and process events, in batches, as they come.
    void eventsArrived(const socketlab::SocketEvents &events);
    // The end, one of these three: the score line came; stop() ended it; it ended without a
    // score (no private network, a program that cannot be run…), with socketlab-cli's message.
    void scored(int passed, int total);
    void stopped();
    void failed(const QString &message);

private:
    void readOutput();
    void readCalls();
    void handleLine(const QByteArray &line);
    void processFinished(int exitCode, QProcess::ExitStatus status);
    void processError(QProcess::ProcessError error);
    void signalGroup(int signal);
    void cleanUp();

    QString m_cliPath;
    QProcess *m_process = nullptr;
    qint64 m_pid = 0;
    QTimer *m_killTimer;
    QTimer *m_callsTimer;
    std::unique_ptr<QFile> m_calls;
    QByteArray m_callsPending;
    // The check's TMPDIR: a check ended by a signal cannot remove its folder, this can.
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QByteArray m_pending;
    QByteArray m_errors;
    bool m_stopping = false;
    bool m_scored = false;
    int m_passed = 0;
    int m_total = 0;
};

} // namespace socketlab
