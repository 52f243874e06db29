#include "ui/models/studentroster.h"

#include "core/endpoint.h"
#include "core/eventformatter.h"
#include "core/socketevent.h"

namespace socketlab {

StudentRoster &StudentRoster::instance()
{
    static StudentRoster roster;
    return roster;
}

int StudentRoster::numberFor(const QString &host)
{
    auto it = m_numbers.constFind(host);
    if (it != m_numbers.constEnd())
        return it.value();
    const int number = int(m_numbers.size()) + 1;
    m_numbers.insert(host, number);
    return number;
}

int StudentRoster::studentOf(const SocketEvent &event)
{
    if (event.role != Role::Server || !event.isStudent() || event.peer.isEmpty())
        return 0;
    return instance().numberFor(Endpoint::hostOf(event.peer));
}

QString StudentRoster::label(int number, const QString &peer)
{
    return tr("Student %1 (%2)").arg(number).arg(peer);
}

QString StudentRoster::peerText(const SocketEvent &event)
{
    // Outside a session (sequence 0) nobody can tell a student from a pane's client.
    const int student = event.sequence != 0 ? studentOf(event) : 0;
    return student ? label(student, event.peer) : EventFormatter::peerText(event);
}

} // namespace socketlab
