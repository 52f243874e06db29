#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace socketlab {

// One rubric item of socketlab-cli check: its stable id (lowercase-hyphen, never translated),
// the result, the evidence that decided it (the calls with pid, tid and step, or lines of
// the program's output) and, translated, what was checked or, for a failure, what went wrong
// and what to change.
struct CheckItem
{
    enum class Result { Pass, Fail, NotApplicable };

    // One event of the trace the evidence quotes (a call or a process event), as the trace's
    // `call` and `process` events name it: a thread's events never end in the same
    // microsecond, so pid, tid and end_us find exactly that one.
    struct Call
    {
        qint64 pid = 0;
        qint64 tid = 0;
        qint64 endUs = 0;
        bool operator==(const Call &other) const
        {
            return pid == other.pid && tid == other.tid && endUs == other.endUs;
        }
    };

    QString id;
    Result result = Result::NotApplicable;
    QStringList evidence;
    QString explanation;
    // The events the evidence quotes, in its order (lines of output have none).
    QVector<Call> calls;

    bool operator==(const CheckItem &other) const
    {
        return id == other.id && result == other.result && evidence == other.evidence
            && explanation == other.explanation && calls == other.calls;
    }
    bool operator!=(const CheckItem &other) const { return !(*this == other); }
};

using CheckItems = QVector<CheckItem>;

// "pass", "fail", "n/a" (the JSON contract's `result`).
inline QString checkResultName(CheckItem::Result result)
{
    switch (result) {
    case CheckItem::Result::Pass:
        return QStringLiteral("pass");
    case CheckItem::Result::Fail:
        return QStringLiteral("fail");
    case CheckItem::Result::NotApplicable:
        break;
    }
    return QStringLiteral("n/a");
}

} // namespace socketlab
