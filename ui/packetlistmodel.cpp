#include "ui/packetlistmodel.h"

#include "core/eventformatter.h"

#include <QDateTime>
#include <QLocale>

namespace socketlab {

PacketListModel::PacketListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int PacketListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PacketListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PacketListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Time:
        return tr("Time");
    case Route:
        return tr("From → To");
    case Flags:
        return tr("Flags");
    case SeqAck:
        return tr("Seq / Ack");
    case Length:
        return tr("Length");
    case Window:
        return tr("Window");
    case Cause:
        return tr("Sent by");
    default:
        return QVariant();
    }
}

QString PacketListModel::text(const Row &row, int column) const
{
    const QLocale locale;
    const PacketInfo &p = row.packet;
    if (row.merged > 0) {
        if (column == Time)
            return QDateTime::fromMSecsSinceEpoch(row.us / 1000)
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        if (column == Route)
            return tr("%1 packets (%2 of payload) counted but not listed: the display lagged")
                .arg(locale.toString(row.merged), EventFormatter::byteCount(row.mergedBytes));
        return QString();
    }
    switch (column) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(row.us / 1000)
            .toString(QStringLiteral("HH:mm:ss.zzz"));
    case Route:
        return tr("%1 → %2").arg(p.from, p.to);
    case Flags: {
        QString flags = p.proto == PacketInfo::Proto::Tcp ? p.flagsText()
            : p.proto == PacketInfo::Proto::Udp           ? tr("UDP")
            : p.portUnreachable                           ? tr("ICMP port unreachable")
                                                          : tr("ICMP unreachable");
        if (p.retransmission)
            flags += tr(" (retransmission)");
        if (p.zeroWindow)
            flags += tr(" (zero window)");
        if (p.windowProbe)
            flags += tr(" (window probe)");
        return flags;
    }
    case SeqAck:
        return p.proto == PacketInfo::Proto::Tcp ? tr("%1 / %2").arg(p.seq).arg(p.ack) : QString();
    case Length:
        return locale.toString(p.len);
    case Window:
        return p.proto == PacketInfo::Proto::Tcp ? locale.toString(p.win) : QString();
    case Cause:
        return p.cause == SysCall::None
            ? QString()
            : tr("%1() (pid %2)").arg(sysCallName(p.cause)).arg(p.causePid);
    default:
        return QString();
    }
}

QVariant PacketListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return text(m_rows.at(index.row()), index.column());
    if (role == Qt::TextAlignmentRole && (index.column() == Length || index.column() == Window))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return QVariant();
}

void PacketListModel::appendEvents(const SocketEvents &events)
{
    QVector<Row> added;
    for (const SocketEvent &event : events) {
        if (event.kind == EventKind::Packet) {
            added.append({event.endUs, event.packet, 0, 0});
            ++m_packets;
        } else if (event.kind == EventKind::Coalesced && event.mergedKind == EventKind::Packet) {
            added.append({event.endUs, PacketInfo(), event.messages, event.bytes});
            m_packets += event.messages;
        }
    }
    if (added.isEmpty())
        return;
    if (added.size() > kRowCap)
        added.remove(0, added.size() - kRowCap);
    const int overflow = int(m_rows.size() + added.size()) - kRowCap;
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, overflow - 1);
        m_rows.remove(0, overflow);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
    m_rows += added;
    endInsertRows();
}

void PacketListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_packets = 0;
    endResetModel();
}

void PacketListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace socketlab
