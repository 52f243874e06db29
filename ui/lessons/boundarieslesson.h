#pragma once

#include "ui/lessons/lesson.h"

#include <QCoreApplication>

namespace socketlab {

class BoundariesLesson : public Lesson
{
    Q_DECLARE_TR_FUNCTIONS(BoundariesLesson)

public:
    QString title() const override;
    CodeListing code() const override;
    LessonSteps steps() const override;
    LessonOutcome outcome(const LessonRuntime &runtime) const override;
};

} // namespace socketlab
