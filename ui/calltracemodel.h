#pragma once

#include "core/socketevent.h"

#include <QAbstractTableModel>

#include <deque>

namespace socketlab {

// The live trace of socket calls (server and clients) in causal order (causalTimeUs: a
// client's send above the server's recv of its bytes), latest last, capped. Texts are made in
// data(); a language switch announces new headers and rows.
class CallTraceModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, WhoColumn, CallColumn, ColumnCount };
    static constexpr int kDefaultRowCap = 2000;

    explicit CallTraceModel(QObject *parent = nullptr);

    void appendEvents(const SocketEvents &events);
    void clear();
    void setRowCap(int cap) { m_rowCap = qMax(1, cap); }
    const SocketEvent &eventAt(int row) const { return m_rows.at(size_t(row)); }
    static QString whoText(const SocketEvent &event);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    // A language switch: headers and rows are texts made in data(), views must ask again.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::deque<SocketEvent> m_rows;
    int m_rowCap = kDefaultRowCap;
};

} // namespace socketlab
