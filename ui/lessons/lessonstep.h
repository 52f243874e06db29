#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

namespace socketlab {

class LessonRuntime;

// The part of the lesson window a step asks the class to look at.
enum class ObserveTarget { Diagram, Processes, Log, Code };

// One numbered step: its texts (translated when the lesson builds its steps), the listing
// lines it stands for, what it does and when it is done.
struct LessonStep
{
    QString title;
    QString explanation;
    QString observe;
    ObserveTarget target = ObserveTarget::Diagram;
    int cLine = -1;       // 0-based line of the C listing to highlight, -1 for none
    int pythonLine = -1;  // the same in the Python listing
    // Run once when the step is entered (forward or while replaying after Back).
    std::function<void(LessonRuntime &)> enter;
    // Polled until true; null means done at once. May record facts in the runtime.
    std::function<bool(LessonRuntime &)> settled;
};

using LessonSteps = QVector<LessonStep>;

// The equivalent calls, written for this project; code is not translated.
struct CodeListing
{
    QStringList c;
    QStringList python;
};

// What a lesson teaches, checked on what actually happened.
struct LessonOutcome
{
    bool passed = false;
    QString text;
};

} // namespace socketlab
