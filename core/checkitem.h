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

    QString id;
    Result result = Result::NotApplicable;
    QStringList evidence;
    QString explanation;
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
