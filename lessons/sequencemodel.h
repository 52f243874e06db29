#pragma once

#include "core/socketevent.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QVector>

namespace socketlab {

struct SequenceLane
{
    QString title; // "Client A", "Server"
    QString subtitle; // its address
    bool server = false;
    bool nobody = false; // an address clients tried where no server of the lesson listened
    int colour = 0; // client lanes: 1, 2, ...; the server: 0
};

struct SequenceItem
{
    enum class Kind { Connect, Message, Reply, Close, Mark, Error };

    Kind kind = Kind::Mark;
    int fromLane = 0;
    int toLane = 0; // marks: the same as fromLane
    int row = 0;
    int endRow = -1; // arrows: the row where it arrived; -1 while nothing arrived
    QString label;

    bool isArrow() const { return kind != Kind::Mark && kind != Kind::Error; }
};

// The sequence diagram as data: a lane per client and one for the server, and a row per
// thing that happened, in time order. Arrows end where the bytes were received (a TCP message
// that waits in the backlog ends rows later; a lost datagram never ends).
class SequenceModel
{
    Q_DECLARE_TR_FUNCTIONS(SequenceModel)

public:
    static constexpr int kMaxItems = 400;

    // Rebuilds from the whole stream (client events carry their client number as
    // connectionId); texts are made in the current language.
    void setEvents(const SocketEvents &events);

    // Clients whose connect() is still waiting (not in the events yet): the next setEvents()
    // draws each as an open arrow to the server.
    void setPendingConnects(const QList<quint64> &clients) { m_pendingConnects = clients; }
    const QList<quint64> &pendingConnects() const { return m_pendingConnects; }

    const QVector<SequenceLane> &lanes() const { return m_lanes; }
    const QVector<SequenceItem> &items() const { return m_items; }
    int rowCount() const { return m_rows; }
    int serverLane() const { return m_serverLane; }
    // Lane of client number, or -1.
    int clientLane(quint64 number) const;

    static QString clientName(quint64 number);

private:
    struct Flow;

    void buildLanes(const SocketEvents &events);
    // The client lane of a server event (its clientId), or of the other peer it names; -1.
    int laneFor(const SocketEvent &serverEvent) const;
    // Where a client's packets went: the server's lane, or a "nobody" lane.
    int targetLane(const QString &address) const;
    static QString targetOf(const SocketEvent &clientEvent);
    void add(const SocketEvent &event, QVector<Flow> &flows);
    void addServerEvent(const SocketEvent &event, QVector<Flow> &flows);
    void addClientEvent(const SocketEvent &event, QVector<Flow> &flows);
    int push(SequenceItem::Kind kind, int from, int to, const QString &label);

    QVector<SequenceLane> m_lanes;
    QVector<quint64> m_laneClients; // per lane: client number, 0 for others
    QVector<QString> m_laneAddresses;
    QVector<SequenceItem> m_items;
    int m_rows = 0;
    // Server connections whose call failed (a reset): their end is not "recv() = 0".
    QSet<quint64> m_failedConnections;
    int m_serverLane = -1;
    QList<quint64> m_pendingConnects;
};

} // namespace socketlab
