#pragma once

#include "core/socketevent.h"
#include "core/socketstatereader.h"

#include <QAbstractListModel>
#include <QList>

#include <vector>

namespace socketlab {

// The class at a glance: one row per student (a peer that is none of the window's clients),
// keyed by address, so a reconnect is the same student with the same number (StudentRoster)
// and colour. Each row holds whether the student is connected now, exact message and byte
// counts, the last message as plain text and the TCP state the kernel reports for its
// connection. Rows stay when a student leaves ("left") until clear().
class ClassModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        NumberRole = Qt::UserRole + 1,
        AddressRole, // the address (no port): what makes the student
        PeerRole, // address and port of the newest connection
        ConnectedRole, // bool
        MessagesRole,
        BytesRole,
        LastMessageRole, // plain text, one line
        StateRole, // the kernel's state name ("ESTABLISHED"), or "" when unknown
        StateTextRole, // what the tile shows: the short state, "left", or "connected"
        CountsRole, // messages and bytes: "3 · 45 B"
        ColorRole,
    };
    static constexpr int kMaxStudents = 500;

    struct Student
    {
        int number = 0;
        QString host;
        QString peer;
        quint64 connectionId = 0;
        bool connected = false;
        qint64 connections = 0;
        qint64 messages = 0;
        qint64 bytes = 0;
        QString lastMessage;
        SocketState state = SocketState::Unknown;
    };

    explicit ClassModel(QObject *parent = nullptr);

    void appendEvents(const SocketEvents &events);
    // A sample of the lab's sockets for the server on serverPort.
    void applySockets(const QList<SocketSnapshot> &sockets, quint16 serverPort);
    void clear();

    int connectedCount() const;
    const Student &studentAt(int row) const { return m_students.at(size_t(row)); }
    // The row of the student with that address, or -1.
    int rowOfHost(const QString &host) const;
    // "1.2 kB", short enough for a tile.
    static QString shortBytes(qint64 bytes);
    // ss(8)'s short state names ("ESTAB"), for a tile.
    static QString shortStateName(SocketState state);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    // Students were added, came or left (not for message counts).
    void classChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int rowFor(const SocketEvent &event);
    QString stateText(const Student &student) const;
    QString countsText(const Student &student) const;
    QString toolTip(const Student &student) const;

    std::vector<Student> m_students; // by number
};

} // namespace socketlab
