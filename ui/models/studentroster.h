#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace socketlab {

struct SocketEvent;

// The class list of this run of the program: each student (a peer that is none of the
// window's clients) gets a number the first time its address is seen, and keeps it (and the
// colour that goes with it) for the session, so a student who reconnects from the same
// address, on a new port, is the same student in the class view, the connections table and
// the log.
class StudentRoster
{
    Q_DECLARE_TR_FUNCTIONS(StudentRoster)

public:
    static StudentRoster &instance();

    // The student's number (from 1), given on first sight of host.
    int numberFor(const QString &host);
    // 0 when host was never seen.
    int numberOf(const QString &host) const { return m_numbers.value(host, 0); }
    int count() const { return int(m_numbers.size()); }
    // Forgets every student (tests; the window never does during a session).
    void clear() { m_numbers.clear(); }

    // A server event's student (numbered on first sight), or 0: a client pane's event or the
    // server's own.
    static int studentOf(const SocketEvent &event);
    // How the log and the table name a student: "Student 12 (127.0.0.12:50000)".
    static QString label(int number, const QString &peer);
    // An event's peer as the views show it: a student's label, else EventFormatter::peerText.
    static QString peerText(const SocketEvent &event);

private:
    QHash<QString, int> m_numbers;
};

} // namespace socketlab
