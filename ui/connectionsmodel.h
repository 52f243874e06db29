#pragma once

#include "core/socketevent.h"
#include "core/socketstatereader.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

#include <deque>
#include <functional>

namespace socketlab {

// The server's live connections (TCP) or the senders seen so far (UDP), one row each, with
// the process or thread that handles it and what it has sent. With the kernel's view
// (applySockets) it also shows each connection's TCP state and queues, clients that wait in
// the backlog (grey rows, before any accept()), and connections that left while the kernel
// still keeps them (TIME_WAIT, with its countdown) until it drops them. A traced program's
// server (the window's "Run a program…") shows its connections here too, from its calls.
class ConnectionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ClientColumn,
        HandlerColumn,
        StateColumn,
        RecvQColumn,
        SendQColumn,
        MessagesColumn,
        BytesColumn,
        SinceColumn,
        ColumnCount
    };
    static constexpr int kMaxRows = 500;
    // Marks a traced program's connection numbers in Row::id, apart from the lab's own.
    static constexpr quint64 kProgramConnection = quint64(1) << 62;

    struct Row
    {
        quint64 id = 0;
        SocketEvent first; // who handles it: pid, tid, handler kind, peer
        qint64 messages = 0;
        qint64 bytes = 0;
        bool waiting = false; // in the backlog: the kernel has it, no accept() yet
        bool left = false; // the server saw it leave; kept while the kernel keeps it
        SocketSnapshot server; // the kernel's view of the server's side (Unknown: none)
        SocketSnapshot client; // and of this window's client side, when it is one
        // A traced program's connection (its accept()): it ends when the kernel drops it,
        // since a forking server's parent closes its copy at once.
        bool traced = false;
        bool seenByKernel = false;
    };

    explicit ConnectionsModel(QObject *parent = nullptr);

    void appendEvents(const SocketEvents &events);
    // A sample of the lab's sockets (SocketStateSampler) for the server on serverPort.
    void applySockets(const QList<SocketSnapshot> &sockets, quint16 serverPort);
    // Which session client a peer address is (0: a student), for rows the kernel shows first.
    void setClientIdLookup(std::function<int(const QString &)> lookup)
    {
        m_clientIdOf = std::move(lookup);
    }
    // The listening socket in the last sample (state Unknown when none).
    const SocketSnapshot &listener() const { return m_listener; }
    void clear();
    const Row &rowAt(int row) const { return m_rows.at(size_t(row)); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void listenerChanged();

protected:
    // Announces new header texts on a language switch.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int rowOf(quint64 id) const;
    int rowOfPeer(const QString &peer) const;
    void addRow(const SocketEvent &event);
    void removeRow(int row);
    void addWaitingRow(const SocketSnapshot &socket);
    // A traced server's calls: accept() adds its row, recv() counts, the handler follows
    // the child or thread that serves it; the program's end removes its rows.
    void applyProgramEvent(const SocketEvent &event);
    static const SocketSnapshot *shownSide(const Row &row);
    QString stateText(const Row &row) const;
    QString leftText(const Row &row) const;
    QString stateToolTip(const Row &row) const;
    QString toolTip(const Row &row, int column) const;

    std::deque<Row> m_rows;
    SocketSnapshot m_listener;
    // Samples arrive: rows that left wait for the kernel to drop them.
    bool m_live = false;
    std::function<int(const QString &)> m_clientIdOf;
};

} // namespace socketlab
