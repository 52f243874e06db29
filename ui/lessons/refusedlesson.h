#pragma once

#include "ui/lessons/lesson.h"

#include <QCoreApplication>

namespace socketlab {

class RefusedLesson : public Lesson
{
    Q_DECLARE_TR_FUNCTIONS(RefusedLesson)

public:
    QString title() const override;
    CodeListing code() const override;
    LessonSteps steps() const override;
    LessonOutcome outcome(const LessonRuntime &runtime) const override;
};

} // namespace socketlab
