#pragma once

#include "ui/lessons/lesson.h"

#include <QCoreApplication>

namespace socketlab {

class AddressInUseLesson : public Lesson
{
    Q_DECLARE_TR_FUNCTIONS(AddressInUseLesson)

public:
    QString title() const override;
    CodeListing code() const override;
    LessonSteps steps() const override;
    LessonOutcome outcome(const LessonRuntime &runtime) const override;
    bool showsTimeWait() const override { return true; }
};

} // namespace socketlab
