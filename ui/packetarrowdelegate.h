#pragma once

#include <QStyledItemDelegate>

namespace socketlab {

class CallLanesModel;

// Draws a packet row of the call lanes as a thin grey dashed arrow from its sender's lane to
// its receiver's, labelled in small text over it (SYN, PSH ACK len=5, …), so the wire reads
// beside the calls without looking like one. Each cell paints its own part of the arrow and
// of the label (the label is laid out once over the whole arrow, clipped to the cell), so a
// label wider than a lane stays whole across the lanes it passes. Other rows: as usual.
class PacketArrowDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit PacketArrowDelegate(const CallLanesModel *model, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    const CallLanesModel *m_model;
};

} // namespace socketlab
