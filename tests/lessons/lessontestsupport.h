#pragma once

// Runs a lesson of the catalogue from its first step to its last, as a teacher clicking Next.

#include "lessons/lessoncontroller.h"

#include <QTest>

namespace lessontest {

constexpr int kStepWaitMs = 10000;

// Index of the lesson with this 1-based number in the list.
inline int lessonIndex(int number)
{
    return number - 1;
}

// Opens lesson number and goes to its step (from 1), each step settled on its own.
inline bool runToStep(socketlab::LessonController &controller, int number, int step)
{
    controller.setLesson(lessonIndex(number));
    for (;;) {
        if (!QTest::qWaitFor([&] { return controller.isSettled(); }, kStepWaitMs)
            || controller.timedOut())
            return false;
        if (controller.currentStep() >= step - 1)
            return true;
        if (!controller.canGoNext())
            return false;
        controller.next();
    }
}

// Each step must settle on its own (not by the controller's timeout).
inline bool runToEnd(socketlab::LessonController &controller, int number)
{
    controller.setLesson(lessonIndex(number));
    for (;;) {
        if (!QTest::qWaitFor([&] { return controller.isSettled(); }, kStepWaitMs)) {
            qWarning("step %d did not settle", controller.currentStep());
            return false;
        }
        if (controller.timedOut()) {
            qWarning("step %d timed out", controller.currentStep());
            return false;
        }
        if (!controller.canGoNext())
            return controller.currentStep() == controller.stepCount() - 1;
        controller.next();
    }
}

} // namespace lessontest
