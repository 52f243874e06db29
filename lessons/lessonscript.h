#pragma once

#include "lessons/lessonstep.h"

#include <any>
#include <functional>
#include <memory>

namespace socketlab {

// A guided lesson as data, built by a function (see lessons.h). Everything a run starts and
// observes lives in a LessonRuntime; what its steps record for the outcome lives in the
// lesson's own facts struct, which a fresh build starts anew (the controller builds one per run).
struct LessonScript
{
    QString title;
    CodeListing listing;
    LessonSteps steps;
    std::function<LessonOutcome(const LessonRuntime &)> outcome;
    // The process view counts TIME_WAIT connections on the server's ports.
    bool showsTimeWait = false;
    // The kernel view plots client A's connection's queues (Recv-Q at the server, Send-Q at A).
    bool showsQueues = false;
    // The lesson is about the wire: its session captures the packets (when capture is
    // allowed here), and the diagram shows them as thin arrows between the lanes.
    bool showsWire = false;
    // A switch the class may flip (the window shows it as a check box); empty for none. Its
    // state reaches the steps as LessonRuntime::switchOn().
    QString switchText;
    // std::shared_ptr<XFacts> of the lesson, empty if it records none.
    std::any facts;

    // New facts of type Facts for this build's steps and outcome to share.
    template<typename Facts> std::shared_ptr<Facts> makeFacts()
    {
        auto made = std::make_shared<Facts>();
        facts = made;
        return made;
    }

    // The facts of this build if they are of type Facts, else null.
    template<typename Facts> const Facts *factsAs() const
    {
        const auto *held = std::any_cast<std::shared_ptr<Facts>>(&facts);
        return held ? held->get() : nullptr;
    }
};

} // namespace socketlab
