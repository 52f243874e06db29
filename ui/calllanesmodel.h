#pragma once

#include "core/socketevent.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

#include <deque>

namespace socketlab {

class CallTraceModel;

// The call trace as a sequence diagram's lanes: the same rows in the same causal order, a
// column per participant (each of the lab's clients, the lab's server and each of its
// handler threads or children, each process and thread of a traced program, the kernel),
// each call in its own lane's column. Follows a CallTraceModel as it grows; a lane appears
// with the first call of its participant and is titled with its pid or tid and role.
class CallLanesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kTimeColumn = 0;

    explicit CallLanesModel(CallTraceModel *source, QObject *parent = nullptr);

    int laneCount() const { return int(m_lanes.size()); }
    // "Client 1", "Program child 4250, server", "Kernel" (translated, made now).
    QString laneTitle(int lane) const;
    // The lane of a row of the source (and of this model); a packet's: its sender's.
    int laneOfRow(int row) const { return m_rowLanes.at(size_t(row)); }
    // A packet row's receiver lane (its arrow goes from laneOfRow() to it); -1 for a call.
    int targetLaneOfRow(int row) const { return m_rowTargets.at(size_t(row)); }
    bool isPacketRow(int row) const { return targetLaneOfRow(row) >= 0; }
    static int columnOfLane(int lane) { return lane + 1; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Lane
    {
        QString key;
        SocketEvent latest; // titles the lane: its role may show after its first call
        QString address; // a lane only packets brought: the address at that end
    };

    // Which participant made it: one key per client, server handler, traced thread, kernel.
    static QString laneKey(const SocketEvent &event);
    // A packet's ends: the keys of its sender's and its receiver's lanes (a session client's,
    // the lab's server's, or the address of an end that made no call), made when missing.
    void packetLanes(const SocketEvent &event, int known, QVector<Lane> *added, int *from, int *to);
    int laneForKey(const QString &key, const Lane &made, int known, QVector<Lane> *added);
    void sourceRowsInserted(int first, int last);
    void sourceRowsRemoved(int first, int last);
    void sourceReset();

    CallTraceModel *m_source;
    QVector<Lane> m_lanes;
    QHash<QString, int> m_laneOf;
    std::deque<int> m_rowLanes;
    std::deque<int> m_rowTargets; // per row: a packet's receiver lane, -1 for the rest
};

} // namespace socketlab
