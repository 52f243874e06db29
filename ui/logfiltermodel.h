#pragma once

#include <QSortFilterProxyModel>

namespace socketlab {

class EventListModel;

// What the server log shows of what it keeps: one client pane's or one student's rows, without
// the server's echoes, without the kernel's TCP state rows, with or without the wire's packets
// (off by default), and rows holding a search text
// (client, event or message, case-insensitive). Saving and copying take the rows shown.
class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    // Whose rows: everyone's, one client pane's (by its id) or one student's (by number).
    enum class Who { Everyone, Client, Student };

    explicit LogFilterModel(EventListModel *source, QObject *parent = nullptr);

    void setWho(Who who, int id = 0);
    Who who() const { return m_who; }
    int whoId() const { return m_whoId; }
    void setHideEchoes(bool hide);
    bool hidesEchoes() const { return m_hideEchoes; }
    void setHideStates(bool hide);
    bool hidesStates() const { return m_hideStates; }
    // Packet rows (the wire's, added while the log shows packets): hidden unless shown.
    void setShowPackets(bool show);
    bool showsPackets() const { return m_showPackets; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    // Anything filtered out at all.
    bool isFiltering() const;

    EventListModel *eventModel() const { return m_events; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();

    EventListModel *m_events;
    Who m_who = Who::Everyone;
    int m_whoId = 0;
    bool m_hideEchoes = false;
    bool m_hideStates = false;
    bool m_showPackets = false;
    QString m_search;
};

} // namespace socketlab
