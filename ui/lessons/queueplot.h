#pragma once

#include "ui/lessons/kernelsockets.h"

#include <QWidget>

namespace socketlab {

// The flow-control lesson's plot: the server's Recv-Q and the client's Send-Q over time, one
// lane each with its own scale (a default send queue may be a thousand times the receive one).
class QueuePlot : public QWidget
{
    Q_OBJECT

public:
    explicit QueuePlot(QWidget *parent = nullptr);

    void setPoints(const QVector<QueuePoint> &points);
    void setClientName(const QString &name);
    QSize sizeHint() const override { return {400, 160}; }
    QSize minimumSizeHint() const override { return {200, 110}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintLane(QPainter &painter, const QRect &area, const QString &title, const QColor &colour,
                   qint64 QueuePoint::*value) const;

    QVector<QueuePoint> m_points;
    QString m_client = QStringLiteral("A");
};

} // namespace socketlab
