#pragma once

#include "lessons/lessonruntime.h"
#include "lessons/lessonscript.h"

#include <QObject>
#include <QTimer>

#include <vector>

namespace socketlab {

// Walks one lesson's steps: Next enters the following step once the current one has settled;
// Back and Restart start the lesson again and replay its steps up to the one asked for (live
// sockets cannot be un-sent). Needs no widget, so the tests drive it headless.
class LessonController : public QObject
{
    Q_OBJECT

public:
    explicit LessonController(QObject *parent = nullptr);
    ~LessonController() override;

    // The catalogue: all lessons, in teaching order.
    int lessonCount() const { return int(m_lessons.size()); }
    const LessonScript *lesson(int index) const;
    int currentLesson() const { return m_lessonIndex; }
    // The script of the current run: its steps' facts are this run's.
    const LessonScript *current() const { return lesson(m_lessonIndex); }
    LessonRuntime *runtime() { return &m_runtime; }
    const LessonRuntime *runtime() const { return &m_runtime; }

    int currentStep() const { return m_step; }
    int stepCount() const;
    // The current step has done what it does (and every replayed step before it).
    bool isSettled() const { return m_settled && m_replayTarget < 0; }
    bool timedOut() const { return m_timedOut; }
    bool canGoBack() const { return m_step > 0; }
    bool canGoNext() const { return isSettled() && m_step + 1 < stepCount(); }
    LessonOutcome outcome() const;

    void setLesson(int index);
    void next();
    void back();
    void restart();
    // Flips the lesson's switch and runs the lesson again from its first step.
    void setSwitchOn(bool on);
    bool switchOn() const { return m_runtime.switchOn(); }
    // The switch as the current step runs it: the step's own state where it sets one
    // (LessonStep::switchForced), else the class's choice.
    bool switchShownOn() const;
    bool switchForced() const;
    // Builds every lesson's texts again in the current language; the current run goes on.
    void retranslate();

signals:
    void lessonChanged(int index);
    void stepChanged(int step);
    void stepSettled(int step);

private:
    void goTo(int step);
    void enter(int step);
    void poll();

    std::vector<LessonScript> m_lessons;
    LessonRuntime m_runtime;
    QTimer m_pollTimer;
    int m_lessonIndex = -1;
    int m_step = -1;
    int m_replayTarget = -1;
    int m_run = 0; // counts restarts, so a replay step queued for an older run is dropped
    bool m_settled = false;
    bool m_timedOut = false;
};

} // namespace socketlab
