#include "ui/models/studentroster.h"

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

QString StudentRoster::hostOf(const QString &peer)
{
    if (peer.startsWith(QLatin1Char('['))) {
        const int close = peer.indexOf(QLatin1Char(']'));
        return close > 0 ? peer.mid(1, close - 1) : peer;
    }
    const int colon = peer.lastIndexOf(QLatin1Char(':'));
    // One colon: IPv4 with its port; none or several: no port to cut.
    if (colon > 0 && peer.indexOf(QLatin1Char(':')) == colon)
        return peer.left(colon);
    return peer;
}

int StudentRoster::studentOf(const SocketEvent &event)
{
    if (event.role != Role::Server || !event.isStudent() || event.peer.isEmpty())
        return 0;
    return instance().numberFor(hostOf(event.peer));
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
