#include "ui/calllanesmodel.h"

#include "core/eventformatter.h"
#include "core/packetlabel.h"
#include "core/socketstatereader.h"
#include "ui/calltracemodel.h"
#include "ui/models/colorpalette.h"

namespace socketlab {

namespace {
// Lanes of a traced program's processes and threads: a tint of their own, so a child's
// calls read apart from its parent's across the view.
const QColor kProgramTints[]
    = {QColor(0xE8, 0xF0, 0xFF), QColor(0xE6, 0xF6, 0xE6), QColor(0xFF, 0xF0, 0xE0),
       QColor(0xF3, 0xE8, 0xFA), QColor(0xE6, 0xF6, 0xF6)};

} // namespace

CallLanesModel::CallLanesModel(CallTraceModel *source, QObject *parent)
    : QAbstractTableModel(parent),
      m_source(source)
{
    // Mirrors the source's changes as they happen, so its rows and these are the same rows
    // at every moment a view may ask.
    connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) {
                beginInsertRows(QModelIndex(), first, last);
            });
    connect(source, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { sourceRowsInserted(first, last); });
    connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                beginRemoveRows(QModelIndex(), first, last);
            });
    connect(source, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { sourceRowsRemoved(first, last); });
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(source, &QAbstractItemModel::modelReset, this, &CallLanesModel::sourceReset);
    // A language switch: the source announces new texts, the lanes' titles are new too.
    connect(source, &QAbstractItemModel::headerDataChanged, this, [this] {
        if (!m_lanes.isEmpty())
            emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    });
    connect(source, &QAbstractItemModel::dataChanged, this, [this] {
        if (!m_rowLanes.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    });
    if (source->rowCount() > 0) {
        beginInsertRows(QModelIndex(), 0, source->rowCount() - 1);
        sourceRowsInserted(0, source->rowCount() - 1);
    }
}

QString CallLanesModel::laneKey(const SocketEvent &event)
{
    if (event.kind == EventKind::State)
        return QStringLiteral("kernel");
    if (event.traced)
        return QStringLiteral("program %1 %2").arg(event.pid).arg(event.tid);
    if (event.role == Role::Client)
        return QStringLiteral("client %1").arg(event.connectionId);
    switch (event.handler) {
    case HandlerKind::Thread:
        return QStringLiteral("server thread %1").arg(event.tid);
    case HandlerKind::Process:
        return QStringLiteral("server child %1").arg(event.pid);
    case HandlerKind::Main:
        break;
    }
    return QStringLiteral("server");
}

int CallLanesModel::laneForKey(const QString &key, const Lane &made, int known,
                               QVector<Lane> *added)
{
    const auto it = m_laneOf.constFind(key);
    if (it != m_laneOf.constEnd())
        return it.value();
    const int lane = known + int(added->size());
    m_laneOf.insert(key, lane);
    added->append(made);
    added->last().key = key;
    return lane;
}

void CallLanesModel::packetLanes(const SocketEvent &event, int known, QVector<Lane> *added,
                                 int *from, int *to)
{
    // The session stamped the client at one end; role says whether that side sent it.
    const PacketInfo &packet = event.packet;
    const bool clientSent = event.role == Role::Client;
    const auto laneOfEnd = [&](bool clientEnd, const QString &address) {
        if (clientEnd) {
            Lane made;
            made.latest.kind = EventKind::Call;
            made.latest.role = Role::Client;
            made.latest.connectionId = quint64(event.clientId);
            return laneForKey(QStringLiteral("client %1").arg(event.clientId), made, known, added);
        }
        // The lab's server's end (the session names it as the packet's local): its lane,
        // which its handlers' lanes stand beside; any other end that made no call of the
        // lab's (a port nobody listens on, a student) is its address.
        const auto server = m_laneOf.constFind(QStringLiteral("server"));
        if (server != m_laneOf.constEnd() && address == event.local)
            return server.value();
        Lane made;
        made.latest = event;
        made.address = address;
        return laneForKey(QStringLiteral("peer %1").arg(address), made, known, added);
    };
    const bool clientAtFrom = event.clientId != 0 && clientSent;
    const bool clientAtTo = event.clientId != 0 && !clientSent;
    *from = laneOfEnd(clientAtFrom, PacketLabel::senderEnd(packet));
    *to = laneOfEnd(clientAtTo, PacketLabel::receiverEnd(packet));
}

void CallLanesModel::sourceRowsInserted(int first, int last)
{
    // Called between beginInsertRows() and its end: the rows first, then the lanes they
    // bring (a column cannot be inserted while rows are).
    QVector<int> lanes;
    QVector<int> targets;
    lanes.reserve(last - first + 1);
    targets.reserve(last - first + 1);
    const int known = int(m_lanes.size());
    QVector<Lane> added;
    for (int row = first; row <= last; ++row) {
        const SocketEvent &event = m_source->eventAt(row);
        if (PacketLabel::isPacket(event)) {
            int from = -1;
            int to = -1;
            packetLanes(event, known, &added, &from, &to);
            lanes.append(from);
            targets.append(to);
            continue;
        }
        Lane made;
        lanes.append(laneForKey(laneKey(event), made, known, &added));
        targets.append(-1);
    }
    m_rowLanes.insert(m_rowLanes.begin() + first, lanes.cbegin(), lanes.cend());
    m_rowTargets.insert(m_rowTargets.begin() + first, targets.cbegin(), targets.cend());
    endInsertRows();
    if (!added.isEmpty()) {
        beginInsertColumns(QModelIndex(), columnOfLane(known),
                           columnOfLane(known + int(added.size()) - 1));
        m_lanes += added;
        endInsertColumns();
    }
    // Each lane's title follows its latest call (a process's role shows after its first call).
    QVector<bool> retitled(m_lanes.size(), false);
    for (int i = 0; i < lanes.size(); ++i) {
        Lane &lane = m_lanes[lanes.at(i)];
        const SocketEvent &event = m_source->eventAt(first + i);
        if (targets.at(i) >= 0)
            continue; // a packet titles no lane: the calls do
        if (lanes.at(i) < known && lane.latest.role != event.role)
            retitled[lanes.at(i)] = true;
        lane.latest = event;
        lane.latest.payload.clear();
    }
    for (int lane = 0; lane < retitled.size(); ++lane) {
        if (retitled.at(lane))
            emit headerDataChanged(Qt::Horizontal, columnOfLane(lane), columnOfLane(lane));
    }
}

void CallLanesModel::sourceRowsRemoved(int first, int last)
{
    m_rowLanes.erase(m_rowLanes.begin() + first, m_rowLanes.begin() + last + 1);
    m_rowTargets.erase(m_rowTargets.begin() + first, m_rowTargets.begin() + last + 1);
    endRemoveRows();
}

void CallLanesModel::sourceReset()
{
    m_lanes.clear();
    m_laneOf.clear();
    m_rowLanes.clear();
    m_rowTargets.clear();
    endResetModel();
    if (m_source->rowCount() > 0) {
        beginInsertRows(QModelIndex(), 0, m_source->rowCount() - 1);
        sourceRowsInserted(0, m_source->rowCount() - 1);
    }
}

QString CallLanesModel::laneTitle(int lane) const
{
    // An end that only packets showed: its address (plain text, from the wire).
    if (!m_lanes.at(lane).address.isEmpty())
        return m_lanes.at(lane).address;
    return CallTraceModel::whoText(m_lanes.at(lane).latest);
}

int CallLanesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rowLanes.size());
}

int CallLanesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lanes.size()) + 1;
}

QVariant CallLanesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const int row = index.row();
    const int lane = index.column() - 1;
    if (index.column() == kTimeColumn)
        return m_source->index(row, CallTraceModel::TimeColumn).data(role);
    const bool own = m_rowLanes.at(size_t(row)) == lane;
    if (role == Qt::BackgroundRole) {
        const SocketEvent &latest = m_lanes.at(lane).latest;
        if (!m_lanes.at(lane).address.isEmpty())
            return QVariant();
        if (latest.traced)
            return kProgramTints[lane % int(std::size(kProgramTints))];
        if (latest.kind != EventKind::State && latest.role == Role::Client)
            return ColorPalette::tint(latest.connectionId);
        return QVariant();
    }
    if (isPacketRow(row)) {
        // The arrow spans its ends' lanes (PacketArrowDelegate draws it); its sender's cell
        // holds the label, each cell on the way the whole packet as its tooltip.
        const int from = m_rowLanes.at(size_t(row));
        const int to = m_rowTargets.at(size_t(row));
        if (lane < qMin(from, to) || lane > qMax(from, to))
            return QVariant();
        const SocketEvent &event = m_source->eventAt(row);
        if (role == Qt::DisplayRole)
            return own ? PacketLabel::of(event) : QVariant();
        if (role == Qt::ToolTipRole || role == Qt::ForegroundRole)
            return m_source->index(row, CallTraceModel::CallColumn).data(role);
        return QVariant();
    }
    if (!own)
        return QVariant();
    switch (role) {
    case Qt::DisplayRole: {
        // The kernel's lane is narrow too: whose socket and where it went; the whole
        // sentence is in the tooltip.
        const SocketEvent &event = m_source->eventAt(row);
        if (event.kind != EventKind::State)
            return m_source->index(row, CallTraceModel::CallColumn).data(role);
        const QString state = event.stateChange == StateChange::WentAway
            ? QStringLiteral("%1 \u2192").arg(socketStateName(SocketState(event.previousState)))
            : socketStateName(SocketState(event.socketState));
        // The connection's own port: the client's end (the server's is the same for all).
        const QString end = event.role == Role::Server ? event.peer : event.local;
        return QStringLiteral(":%1 %2").arg(end.section(QLatin1Char(':'), -1), state);
    }
    case Qt::ToolTipRole:
    case Qt::ForegroundRole:
        return m_source->index(row, CallTraceModel::CallColumn).data(role);
    default:
        return QVariant();
    }
}

QVariant CallLanesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (section == kTimeColumn)
        return m_source->headerData(CallTraceModel::TimeColumn, orientation, role);
    if (section < 1 || section > m_lanes.size())
        return QVariant();
    if (role == Qt::ToolTipRole)
        return laneTitle(section - 1);
    if (role == Qt::DisplayRole) {
        // Two lines, so a lane is as narrow as a call's text allows: who, then the role.
        const SocketEvent &latest = m_lanes.at(section - 1).latest;
        if (!latest.traced)
            return laneTitle(section - 1);
        return tr("Program %1\n%2")
            .arg(EventFormatter::shortHandlerText(latest),
                 latest.role == Role::Server ? tr("server") : tr("client"));
    }
    if (role == Qt::DecorationRole) {
        const SocketEvent &latest = m_lanes.at(section - 1).latest;
        if (!m_lanes.at(section - 1).address.isEmpty())
            return QVariant();
        if (!latest.traced && latest.kind != EventKind::State && latest.role == Role::Client)
            return ColorPalette::strong(latest.connectionId);
    }
    return QVariant();
}

} // namespace socketlab
