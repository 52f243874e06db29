#pragma once

#include "core/socketevent.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPair>

#include <deque>
#include <functional>
#include <vector>

namespace socketlab {

// A capped list of events, oldest first: the server's log, a client pane's history and a
// lesson's event log are views of it. It keeps only the events its filter accepts (by client,
// role and kind, set before events arrive); at most rowCap() rows are kept. The cap is fair:
// rows are dropped (and counted) from the connection that has the most, oldest first, so one
// student's flood cannot push the others' lines out. With setMergeBursts(), messages (and
// echoes) that follow each other on one connection within kBurstGapMs are one row that
// counts them, so a flood is one row per burst. Texts are made in data(), so a language
// switch re-renders old rows (and the headers, which it announces with headerDataChanged).
class EventListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // LineColumn: one line per event for list views (lineFormatter(), or the message).
    enum Column {
        TimeColumn,
        ClientColumn,
        HandlerColumn,
        EventColumn,
        MessageColumn,
        HexColumn,
        LineColumn,
        ColumnCount
    };
    static constexpr int kDefaultRowCap = 5000;
    // Messages closer than this on one connection are one burst (a person types slower).
    static constexpr int kBurstGapMs = 150;
    // How far back a burst's row is looked for (a row further up starts a new burst).
    static constexpr int kBurstLookback = 400;
    // A burst row shows this much of its last message (the tooltip shows more).
    static constexpr int kBurstShownChars = 80;

    using Predicate = std::function<bool(const SocketEvent &)>;
    using LineFormatter = std::function<QString(const SocketEvent &)>;

    struct Filter
    {
        int clientId = -1; // -1: every client and student; 0: students and the server's own
        int role = -1; // -1: both sides; else int(Role)
        // Empty: every kind but calls (they go to the call trace).
        QList<EventKind> kinds;
        Predicate accepts; // a further test, when set
    };

    explicit EventListModel(QObject *parent = nullptr);

    static bool isLogged(const SocketEvent &event);
    static QString kindText(const SocketEvent &event);

    void setFilter(const Filter &filter) { m_filter = filter; }
    const Filter &filter() const { return m_filter; }
    bool accepts(const SocketEvent &event) const;
    void setLineFormatter(LineFormatter formatter) { m_lineFormatter = std::move(formatter); }
    // Set: rows are kept in this order (a late event goes above the rows it precedes), e.g.
    // causallyBefore; unset: in arrival order.
    using LessThan = bool (*)(const SocketEvent &, const SocketEvent &);
    void setOrder(LessThan lessThan) { m_lessThan = lessThan; }
    // Merges a connection's back-to-back messages into one row per burst (in arrival order
    // only: with setOrder() set, every event keeps its row).
    void setMergeBursts(bool merge) { m_mergeBursts = merge; }
    // How many messages (or echoes) a row stands for: 1, more for a burst.
    qint64 burstMessages(int row) const;

    void appendEvents(const SocketEvents &events);
    void clear();

    void setRowCap(int cap);
    int rowCap() const { return m_rowCap; }
    // Rows dropped by the cap since the last clear().
    qint64 droppedRows() const { return m_dropped; }
    const SocketEvent &eventAt(int row) const { return m_rows.at(size_t(row)); }
    QString cellText(int row, int column) const;

    // The client pane a row belongs to (its colour), as the session stamped it; 0: a
    // student or the server itself.
    static quint64 colorIdFor(const SocketEvent &event) { return quint64(qMax(0, event.clientId)); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void droppedRowsChanged(qint64 dropped);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void dropFront(int count);
    // Drops count rows, each from the connection that has the most rows then (oldest first).
    void dropFairly(int count);
    // Adds event to the newest row of its connection's burst (in pending or kept): true when
    // it did, so event needs no row of its own.
    bool mergeIntoBurst(const SocketEvent &event, std::vector<SocketEvent> &pending);
    void languageChanged();

    void insertInOrder(std::vector<SocketEvent> incoming);

    std::deque<SocketEvent> m_rows;
    LessThan m_lessThan = nullptr;
    Filter m_filter;
    LineFormatter m_lineFormatter;
    int m_rowCap = kDefaultRowCap;
    qint64 m_dropped = 0;
    bool m_mergeBursts = false;
    // Per connection and kind (data or echo): when its last message arrived (endUs).
    QHash<QPair<quint64, int>, qint64> m_lastTrafficUs;
};

} // namespace socketlab
