#pragma once

#include "core/socketevent.h"

#include <QAbstractTableModel>
#include <QHash>

#include <deque>

namespace socketlab {

// The server's log, oldest first: every event a user reads as a line (calls go to the call
// trace instead). Texts are made in data(), so a language switch re-renders old rows. At most
// rowCap() rows are kept; older ones are dropped and counted.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, ClientColumn, HandlerColumn, EventColumn, MessageColumn, HexColumn,
                  ColumnCount };
    static constexpr int kDefaultRowCap = 5000;

    explicit LogModel(QObject *parent = nullptr);

    static bool isLogged(const SocketEvent &event);
    static QString kindText(const SocketEvent &event);

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

private:
    void dropFront(int count);

    std::deque<SocketEvent> m_rows;
    int m_rowCap = kDefaultRowCap;
    qint64 m_dropped = 0;
};

} // namespace socketlab
