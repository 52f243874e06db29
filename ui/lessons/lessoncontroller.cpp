#include "ui/lessons/lessoncontroller.h"

#include "ui/lessons/lessoncatalog.h"

namespace socketlab {

namespace {
constexpr int kPollMs = 25;
// A step that has not settled by then is let go, so the class is never stuck.
constexpr int kStepTimeoutMs = 8000;
}

LessonController::LessonController(QObject *parent)
    : QObject(parent), m_lessons(LessonCatalog::create())
{
    m_pollTimer.setInterval(kPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &LessonController::poll);
    connect(&m_runtime, &LessonRuntime::eventsArrived, this, &LessonController::poll);
}

LessonController::~LessonController() = default;

const Lesson *LessonController::lesson(int index) const
{
    if (index < 0 || index >= lessonCount())
        return nullptr;
    return m_lessons[size_t(index)].get();
}

int LessonController::stepCount() const
{
    return current() ? int(current()->steps().size()) : 0;
}

LessonOutcome LessonController::outcome() const
{
    return current() ? current()->outcome(m_runtime) : LessonOutcome();
}

void LessonController::setLesson(int index)
{
    if (!lesson(index))
        return;
    m_lessonIndex = index;
    m_runtime.setSwitchOn(true);
    emit lessonChanged(index);
    goTo(0);
}

void LessonController::next()
{
    if (canGoNext())
        enter(m_step + 1);
}

void LessonController::back()
{
    if (canGoBack())
        goTo(m_step - 1);
}

void LessonController::restart()
{
    goTo(0);
}

void LessonController::setSwitchOn(bool on)
{
    m_runtime.setSwitchOn(on);
    restart();
}

void LessonController::goTo(int step)
{
    m_runtime.reset();
    ++m_run;
    m_step = -1;
    m_replayTarget = step > 0 ? step : -1;
    enter(0);
}

void LessonController::enter(int step)
{
    const LessonSteps steps = current()->steps();
    if (step < 0 || step >= steps.size())
        return;
    m_step = step;
    m_settled = false;
    m_timedOut = false;
    m_runtime.restartStepClock();
    if (steps[step].enter)
        steps[step].enter(m_runtime);
    emit stepChanged(step);
    m_pollTimer.start();
    poll();
}

void LessonController::poll()
{
    if (m_settled || m_step < 0)
        return;
    const LessonSteps steps = current()->steps();
    const LessonStep &step = steps[m_step];
    const bool done = !step.settled || step.settled(m_runtime);
    if (!done && m_runtime.msInStep() < kStepTimeoutMs)
        return;
    m_timedOut = !done;
    m_settled = true;
    m_pollTimer.stop();
    if (m_replayTarget > m_step) {
        // Replaying after Back: go on at once (a queued call, so events of this step land).
        QTimer::singleShot(0, this, [this, run = m_run] {
            if (run == m_run)
                enter(m_step + 1);
        });
        return;
    }
    m_replayTarget = -1;
    emit stepSettled(m_step);
}

} // namespace socketlab
