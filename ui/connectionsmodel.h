#pragma once

#include "core/socketevent.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

#include <deque>

namespace socketlab {

// The server's live connections (TCP) or the senders seen so far (UDP), one row each, with
// the process or thread that handles it and what it has sent.
class ConnectionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ClientColumn, HandlerColumn, MessagesColumn, BytesColumn, SinceColumn, ColumnCount };
    static constexpr int kMaxRows = 500;

    struct Row
    {
        quint64 id = 0;
        SocketEvent first;  // who handles it: pid, tid, handler kind, peer
        qint64 messages = 0;
        qint64 bytes = 0;
    };

    explicit ConnectionsModel(QObject *parent = nullptr);

    void appendEvents(const SocketEvents &events);
    void clear();
    const Row &rowAt(int row) const { return m_rows.at(size_t(row)); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    // Announces new header texts on a language switch.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int rowOf(quint64 id) const;
    void addRow(const SocketEvent &event);
    void removeRow(int row);

    std::deque<Row> m_rows;
};

} // namespace socketlab
