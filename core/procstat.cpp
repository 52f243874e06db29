#include "core/procstat.h"

#include "core/blockingcall.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace socketlab {

namespace {
QByteArray readSmallFile(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    return *ok ? file.readAll() : QByteArray();
}
} // namespace

ProcState ProcStat::stateFromLetter(char letter)
{
    switch (letter) {
    case 'R':
        return ProcState::Running;
    case 'S':
        return ProcState::Sleeping;
    case 'D':
        return ProcState::DiskSleep;
    case 'T':
    case 't':
        return ProcState::Stopped;
    case 'Z':
        return ProcState::Zombie;
    case 'X':
    case 'x':
        return ProcState::Dead;
    case 'I':
        return ProcState::Idle;
    default:
        return ProcState::Unknown;
    }
}

ProcInfo ProcStat::parse(const QByteArray &statLine)
{
    // The name may hold spaces and parentheses: it ends at the last ')'.
    ProcInfo info;
    const int open = statLine.indexOf('(');
    const int close = statLine.lastIndexOf(')');
    if (open < 0 || close < open || close + 2 >= statLine.size()) {
        info.state = ProcState::Unknown;
        return info;
    }
    info.name = QString::fromUtf8(statLine.mid(open + 1, close - open - 1));
    const QList<QByteArray> fields = statLine.mid(close + 2).simplified().split(' ');
    info.state = fields.isEmpty() || fields[0].isEmpty() ? ProcState::Unknown
                                                         : stateFromLetter(fields[0][0]);
    if (fields.size() > 1)
        info.ppid = fields[1].toLongLong();
    return info;
}

ProcInfo ProcStat::read(const QString &directory)
{
    bool ok = false;
    const QByteArray stat = readSmallFile(directory + QStringLiteral("/stat"), &ok);
    if (!ok)
        return ProcInfo(); // Gone
    ProcInfo info = parse(stat);
    const QByteArray wchan = readSmallFile(directory + QStringLiteral("/wchan"), &ok).trimmed();
    if (ok && !wchan.isEmpty() && wchan != "0")
        info.wchan = QString::fromLatin1(wchan);
    return info;
}

ProcInfo ProcStat::process(qint64 pid)
{
    ProcInfo info = read(QStringLiteral("/proc/%1").arg(pid));
    info.blockedIn = BlockingCall::of(pid); // a forked child's only thread has tid == pid
    return info;
}

ProcInfo ProcStat::thread(qint64 pid, qint64 tid)
{
    ProcInfo info = read(QStringLiteral("/proc/%1/task/%2").arg(pid).arg(tid));
    info.blockedIn = BlockingCall::of(tid);
    return info;
}

QList<qint64> ProcStat::threadIds(qint64 pid)
{
    QList<qint64> ids;
    const QStringList entries = QDir(QStringLiteral("/proc/%1/task").arg(pid))
                                    .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 tid = entry.toLongLong(&ok);
        if (ok)
            ids << tid;
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

QString ProcStat::stateText(const ProcInfo &info)
{
    switch (info.state) {
    case ProcState::Running:
        return tr("running");
    case ProcState::Sleeping:
    case ProcState::Idle:
        // What the code waits for, as the recipe names it; /proc would say poll().
        switch (info.blockedIn) {
        case SysCall::Accept:
            return tr("waiting in accept()");
        case SysCall::Recv:
            return tr("blocked in recv()");
        case SysCall::Recvfrom:
            return tr("waiting in recvfrom()");
        case SysCall::Poll:
            return tr("waiting in poll()");
        case SysCall::None:
            break;
        default:
            return tr("blocked in %1()").arg(sysCallName(info.blockedIn));
        }
        if (info.wchan.contains(QLatin1String("poll")))
            return tr("sleeping in poll()");
        if (info.wchan.contains(QLatin1String("accept")))
            return tr("sleeping in accept()");
        if (info.wchan.contains(QLatin1String("wait_data"))
            || info.wchan.contains(QLatin1String("recv")))
            return tr("sleeping in recv()");
        return info.wchan.isEmpty() ? tr("sleeping") : tr("sleeping in %1").arg(info.wchan);
    case ProcState::DiskSleep:
        return tr("waiting (uninterruptible)");
    case ProcState::Stopped:
        return tr("stopped");
    case ProcState::Zombie:
        return tr("zombie (exited, not reaped)");
    case ProcState::Dead:
        return tr("dead");
    case ProcState::Gone:
        return tr("gone (reaped)");
    case ProcState::Unknown:
        break;
    }
    return tr("unknown");
}

} // namespace socketlab
