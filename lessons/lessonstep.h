#pragma once

#include "lessons/codelisting.h"

#include <QString>
#include <QVector>

#include <functional>
#include <optional>

namespace socketlab {

class LessonRuntime;

// The part of the lesson window a step asks the class to look at.
enum class ObserveTarget { Diagram, Processes, Log, Code, Kernel };

// One numbered step: its texts (translated when the lesson builds its script), the listing
// line it stands for (by anchor, in both languages), what it does and when it is done.
struct LessonStep
{
    using Enter = std::function<void(LessonRuntime &)>;
    using Settled = std::function<bool(LessonRuntime &)>;

    QString title;
    QString explanation;
    QString observe;
    ObserveTarget target = ObserveTarget::Diagram;
    const char *anchor = nullptr; // the listing line to highlight, null for none
    // Run once when the step is entered (forward or while replaying after Back).
    Enter enter;
    // Polled until true; null means done at once. May record facts for the outcome.
    Settled settled;
    // The lesson's switch as this step runs it whatever the class chose (a step that starts
    // its own server with the switch off), shown so; empty: the class's choice. Initialized
    // here so the steps' brace lists may leave it out.
    std::optional<bool> switchForced = std::nullopt;
    // What the packets of this step show (the lesson captures the wire: LessonScript::
    // showsWire), shown beside observe while they are captured; empty for nothing special.
    // Initialized here, as switchForced, so the brace lists may leave it out.
    QString wire = QString();
};

using LessonSteps = QVector<LessonStep>;

// What a lesson teaches, checked on what actually happened.
struct LessonOutcome
{
    bool passed = false;
    QString text;
};

} // namespace socketlab
