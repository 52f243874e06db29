#pragma once

#include "core/checkitem.h"
#include "core/checkrun.h"

#include <QHash>
#include <QSet>

namespace socketlab {

// Decides the rubric's items while a ProgramCheck runs, each as soon as the probes it depends
// on have shown what they were there for: the server's sequence once the first client got in,
// survives-reset once the client after the reset was served, …; what only the end can tell
// (children reaped, threads ended, descriptors, limits) and every failure wait for the end.
// An item is decided early only when the rest of the run cannot change it: it passes (and
// still reads the same after the next probe) or does not apply to the exercise at all, and
// every probe so far did what it was for, so the evidence it quotes is all there is. CheckRubric
// evaluates the whole run at the end the same way; mismatches() says where the two would differ
// (none, as tests/check verifies).
class LiveRubric
{
public:
    // What a probe that did what it was for has shown.
    enum class Milestone {
        None,
        Listening, // the server bound (and listened on) the port
        FirstClientRead, // its first client's (or datagram's) line was read
        SecondClientConcurrent, // the second client's line, while the first was connected
        LongLineRead, // the first client's 1,500 bytes
        FirstClientClosed, // the first client left by FIN and the server closed
        LastClientRead, // the client after the reset was served: every client came
        ClientConnected, // a client program connected to SocketLab's server
        FirstLineArrived, // the client program sent the first line typed
        LinesArrived, // every line typed arrived
    };

    explicit LiveRubric(Exercise exercise);

    // The items newly decided now that a probe did what it was for (showing milestone, or
    // None), evaluated on what the run has seen so far (snapshot: CheckRun as CheckRubric
    // reads it at the end). A pass is said once a second probe found it the same.
    CheckItems reach(Milestone milestone, const CheckRun &snapshot);
    // A probe did not do what it was for: from now on the run may take any turn, and the
    // rest waits for the end.
    void giveUp() { m_gaveUp = true; }

    // At the end: the whole rubric in its order, from the items already decided and the
    // evaluation of the whole run for the others. mismatches: the ids decided early that
    // the whole run would have decided otherwise.
    CheckItems complete(const CheckItems &whole, QStringList *mismatches) const;
    const CheckItems &decided() const { return m_decided; }
    bool isDecided(const QString &id) const;

private:
    Exercise m_exercise;
    QHash<QString, Milestone> m_decidedAt;
    QSet<QString> m_notApplicable;
    QSet<Milestone> m_reached;
    // Passes seen at the latest probe, said if the next one sees them the same.
    QHash<QString, CheckItem> m_candidates;
    CheckItems m_decided;
    bool m_gaveUp = false;
};

} // namespace socketlab
