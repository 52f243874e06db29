#pragma once

#include "core/socketevent.h"

#include <QAbstractTableModel>
#include <QVector>

namespace socketlab {

// The Wire view's rows, as Wireshark's packet list shows packets: time, from → to, flags,
// seq/ack, length, window, and the call that sent it. Packet events are appended in batches;
// a coalesced event (a flood merged) is one row that says how many packets it stands for. At
// most kRowCap rows are kept, the oldest dropped.
class PacketListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Route, Flags, SeqAck, Length, Window, Cause, ColumnCount };
    static constexpr int kRowCap = 5000;

    explicit PacketListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Takes the Packet events (and coalesced packets) of a batch; the rest is left out.
    void appendEvents(const SocketEvents &events);
    void clear();
    // Exact totals, also of what the cap dropped and of coalesced packets.
    qint64 packets() const { return m_packets; }
    // Headers and texts follow the language.
    void retranslate();

private:
    struct Row
    {
        qint64 us = 0;
        PacketInfo packet;
        qint64 merged = 0; // a coalesced row: how many packets, and their payload bytes
        qint64 mergedBytes = 0;
    };
    QString text(const Row &row, int column) const;

    QVector<Row> m_rows;
    qint64 m_packets = 0;
};

} // namespace socketlab
