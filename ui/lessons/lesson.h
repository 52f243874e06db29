#pragma once

#include "ui/lessons/lessonstep.h"

#include <QString>

namespace socketlab {

// A guided lesson: stateless; everything it starts and observes lives in a LessonRuntime.
// Texts are built on each call so a language switch shows them translated.
class Lesson
{
public:
    virtual ~Lesson() = default;

    virtual QString title() const = 0;
    virtual CodeListing code() const = 0;
    virtual LessonSteps steps() const = 0;
    virtual LessonOutcome outcome(const LessonRuntime &runtime) const = 0;
    // The process view counts TIME_WAIT connections on the server's ports.
    virtual bool showsTimeWait() const { return false; }
    // A switch the class may flip (the window shows it as a check box); empty for none. Its
    // state reaches the steps as LessonRuntime::switchOn().
    virtual QString switchText() const { return QString(); }
};

} // namespace socketlab
