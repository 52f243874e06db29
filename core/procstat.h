#pragma once

#include "core/syscall.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace socketlab {

enum class ProcState { Running, Sleeping, DiskSleep, Stopped, Zombie, Dead, Idle, Gone, Unknown };

struct ProcInfo
{
    ProcState state = ProcState::Gone;
    QString name; // comm: a thread's name (Qt sets it from the QThread's objectName)
    qint64 ppid = 0;
    QString wchan; // the kernel function it sleeps in, when the system tells
    // The call its code waits to make (BlockingCall): accept() where /proc says poll.
    SysCall blockedIn = SysCall::None;
};

// Reads a process's or thread's state from /proc/<pid>/stat and /proc/<pid>/task/<tid>/stat.
class ProcStat
{
    Q_DECLARE_TR_FUNCTIONS(ProcStat)

public:
    static ProcInfo process(qint64 pid);
    static ProcInfo thread(qint64 pid, qint64 tid);
    static QList<qint64> threadIds(qint64 pid);
    // One stat line: "1234 (name with ) maybe) S 1 ...".
    static ProcInfo parse(const QByteArray &statLine);
    static ProcState stateFromLetter(char letter);
    // "running", "waiting in accept()", "blocked in recv()", "sleeping in do_sys_poll",
    // "zombie (exited, not reaped)", "gone (reaped)".
    static QString stateText(const ProcInfo &info);

private:
    static ProcInfo read(const QString &directory);
};

} // namespace socketlab
