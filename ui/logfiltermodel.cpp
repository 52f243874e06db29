#include "ui/logfiltermodel.h"

#include "core/packetlabel.h"

#include "ui/models/eventlistmodel.h"
#include "ui/models/studentroster.h"

namespace socketlab {

LogFilterModel::LogFilterModel(EventListModel *source, QObject *parent)
    : QSortFilterProxyModel(parent),
      m_events(source)
{
    setSourceModel(source);
    // A burst row that grows (dataChanged) stays where it is; no sorting, arrival order.
    setDynamicSortFilter(true);
}

void LogFilterModel::refilter()
{
    invalidateFilter();
}

void LogFilterModel::setWho(Who who, int id)
{
    if (who == m_who && id == m_whoId)
        return;
    m_who = who;
    m_whoId = id;
    refilter();
}

void LogFilterModel::setHideEchoes(bool hide)
{
    if (hide == m_hideEchoes)
        return;
    m_hideEchoes = hide;
    refilter();
}

void LogFilterModel::setHideStates(bool hide)
{
    if (hide == m_hideStates)
        return;
    m_hideStates = hide;
    refilter();
}

void LogFilterModel::setShowPackets(bool show)
{
    if (show == m_showPackets)
        return;
    m_showPackets = show;
    refilter();
}

void LogFilterModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    refilter();
}

bool LogFilterModel::isFiltering() const
{
    return m_who != Who::Everyone || m_hideEchoes || m_hideStates || !m_search.isEmpty();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const SocketEvent &event = m_events->eventAt(sourceRow);
    if (m_hideStates && event.kind == EventKind::State)
        return false;
    if (!m_showPackets && PacketLabel::isPacket(event))
        return false;
    if (m_hideEchoes) {
        const EventKind kind = event.kind == EventKind::Coalesced ? event.mergedKind : event.kind;
        if (kind == EventKind::Sent && event.role == Role::Server)
            return false;
    }
    if (m_who == Who::Client && event.clientId != m_whoId)
        return false;
    if (m_who == Who::Student && StudentRoster::studentOf(event) != m_whoId)
        return false;
    if (!m_search.isEmpty()) {
        for (int column : {EventListModel::ClientColumn, EventListModel::EventColumn,
                           EventListModel::MessageColumn}) {
            if (m_events->cellText(sourceRow, column).contains(m_search, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
    return true;
}

} // namespace socketlab
