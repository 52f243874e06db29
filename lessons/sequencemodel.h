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
    // Packet: what the wire carried (a captured packet, labelled as Wireshark does), drawn
    // thin between the lanes of its sender and its receiver.
    enum class Kind { Connect, Message, Reply, Close, Mark, Error, Packet };

    Kind kind = Kind::Mark;
    int fromLane = 0;
    int toLane = 0; // marks: the same as fromLane
    int row = 0;
    int endRow = -1; // arrows: the row where it arrived; -1 while nothing arrived
    QString label;
    // Packets: a run of alike ones (same lanes, same flags, carrying no news such as a zero
    // window) is one arrow: how many, their payload bytes, and the flags they share.
    int packets = 0;
    qint64 packetBytes = 0;
    QString packetKind;

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
    // Rows plain packets leave to the calls and to the packets with news (SYN, FIN, RST, win=0).
    static constexpr int kItemsKeptForCalls = 100;

    // Rebuilds from the whole stream (client events carry their client number as
    // connectionId); texts are made in the current language.
    void setEvents(const SocketEvents &events);
    // Adds a batch that came after the events so far, as if setEvents() had been given them all,
    // without sorting them all again: each finds its place from the end (a late arrival is
    // near the end), and only rows from the first one not at the end are made again.
    void appendEvents(const SocketEvents &batch);
    // Makes every row again from the events so far (texts in the current language).
    void rebuild();

    // Clients whose connect() is still waiting (not in the events yet): the next setEvents()
    // draws each as an open arrow to the server (redrawPending() draws them now).
    void setPendingConnects(const QList<quint64> &clients) { m_pendingConnects = clients; }
    void redrawPending();
    const QList<quint64> &pendingConnects() const { return m_pendingConnects; }

    const QVector<SequenceLane> &lanes() const { return m_lanes; }
    const QVector<SequenceItem> &items() const { return m_items; }
    int rowCount() const { return m_rows; }
    int serverLane() const { return m_serverLane; }
    // Lane of client number, or -1.
    int clientLane(quint64 number) const;
    // The events so far as they came, and their indices in causal order.
    const SocketEvents &events() const { return m_events; }
    const QVector<int> &order() const { return m_order; }

    static QString clientName(quint64 number);

private:
    // Bytes sent one way on one lane and where each arrow waits for them to arrive.
    struct Flow
    {
        struct Pending
        {
            int item;
            qint64 end;
        };
        qint64 clientSent = 0;
        qint64 serverReceived = 0;
        QVector<Pending> toServer;
        qint64 serverSent = 0;
        qint64 clientReceived = 0;
        QVector<Pending> toClient;
        bool clientClosed = false;
        bool lingerZero = false; // SO_LINGER {1, 0}: the client's close() sends an RST
    };

    static bool before(const SocketEvent &a, const SocketEvent &b);
    // Whether the lanes buildLanes() makes would differ once event is among the events.
    bool changesLanes(const SocketEvent &event) const;
    // Rows from the events in causal order from m_applied on (up to kMaxItems), then the
    // waiting connects.
    void applyFrom(int first);
    // Every row again from the first event, with the lanes as they are.
    void remakeRows();
    void dropPending();
    void addPending();
    void buildLanes(const SocketEvents &events);
    // The client lane of a server event (its clientId), or of the other peer it names; -1.
    int laneFor(const SocketEvent &serverEvent) const;
    // Where a client's packets went: the server's lane, or a "nobody" lane.
    int targetLane(const QString &address) const;
    static QString targetOf(const SocketEvent &clientEvent);
    void add(const SocketEvent &event);
    void addServerEvent(const SocketEvent &event);
    void addClientEvent(const SocketEvent &event);
    void addPacket(const SocketEvent &event);
    int push(SequenceItem::Kind kind, int from, int to, const QString &label);

    QVector<SequenceLane> m_lanes;
    QVector<quint64> m_laneClients; // per lane: client number, 0 for others
    QVector<QString> m_laneAddresses;
    QVector<SequenceItem> m_items;
    int m_rows = 0;
    SocketEvents m_events; // as they came
    QVector<int> m_order; // m_events' indices in causal order
    int m_applied = 0; // how many of m_order the rows show (the rest: past kMaxItems)
    QVector<Flow> m_flows; // per lane, after the m_applied events
    QSet<QString> m_listening; // addresses the server listened on
    // The rows and items before the waiting connects' arrows.
    int m_rowsBeforePending = 0;
    int m_itemsBeforePending = 0;
    // Server connections whose call failed (a reset): their end is not "recv() = 0".
    QSet<quint64> m_failedConnections;
    int m_serverLane = -1;
    QList<quint64> m_pendingConnects;
    // The wire was captured: the refused connect's SYN and RST are the real packets then,
    // not drawn from the call's error.
    bool m_wire = false;
};

} // namespace socketlab
