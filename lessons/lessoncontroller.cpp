#include "lessons/lessoncontroller.h"

#include "lessons/lessoncatalog.h"

namespace socketlab {

namespace {
constexpr int kPollMs = 25;
// A step that has not settled by then is let go, so the class is never stuck.
constexpr int kStepTimeoutMs = 8000;

// The texts of from (a fresh build) into to, whose steps and facts stay as they are.
void takeTexts(LessonScript &to, const LessonScript &from)
{
    to.title = from.title;
    to.switchText = from.switchText;
    // The listing's comments are texts too (the open lesson's stayed English in Portuguese).
    to.listing = from.listing;
    for (int i = 0; i < to.steps.size() && i < from.steps.size(); ++i) {
        to.steps[i].title = from.steps[i].title;
        to.steps[i].explanation = from.steps[i].explanation;
        to.steps[i].observe = from.steps[i].observe;
    }
}
} // namespace

LessonController::LessonController(QObject *parent)
    : QObject(parent),
      m_lessons(LessonCatalog::create())
{
    m_pollTimer.setInterval(kPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &LessonController::poll);
    connect(&m_runtime, &LessonRuntime::eventsArrived, this, &LessonController::poll);
}

LessonController::~LessonController() = default;

const LessonScript *LessonController::lesson(int index) const
{
    if (index < 0 || index >= lessonCount())
        return nullptr;
    return &m_lessons[size_t(index)];
}

int LessonController::stepCount() const
{
    return current() ? int(current()->steps.size()) : 0;
}

LessonOutcome LessonController::outcome() const
{
    return current() && current()->outcome ? current()->outcome(m_runtime) : LessonOutcome();
}

void LessonController::retranslate()
{
    for (int i = 0; i < lessonCount(); ++i) {
        if (i == m_lessonIndex)
            takeTexts(m_lessons[size_t(i)], LessonCatalog::build(i));
        else
            m_lessons[size_t(i)] = LessonCatalog::build(i);
    }
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

bool LessonController::switchForced() const
{
    const LessonScript *lesson = current();
    return lesson && m_step >= 0 && m_step < lesson->steps.size()
        && lesson->steps[m_step].switchForced.has_value();
}

bool LessonController::switchShownOn() const
{
    return switchForced() ? *current()->steps[m_step].switchForced : switchOn();
}

void LessonController::goTo(int step)
{
    // A lesson about the wire captures it from its first step; the others do not.
    const bool wire = current() && current()->showsWire;
    if (!wire)
        m_runtime.setWire(false);
    m_runtime.reset();
    if (wire)
        m_runtime.setWire(true);
    // A fresh build for each run: the facts of the last one are gone with it.
    m_lessons[size_t(m_lessonIndex)] = LessonCatalog::build(m_lessonIndex);
    ++m_run;
    m_step = -1;
    m_replayTarget = step > 0 ? step : -1;
    enter(0);
}

void LessonController::enter(int step)
{
    const LessonSteps steps
        = current()->steps; // a copy: a slot of stepChanged may start another run
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
    const LessonStep step = current()->steps[m_step];
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
