#pragma once

#include "lessons/kernelsockets.h"

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
    QSize sizeHint() const override { return {400, 220}; }
    QSize minimumSizeHint() const override { return {200, 150}; }
    // Whether each lane's title and figures show whole at the present width (not elided).
    bool titlesFit() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Lane
    {
        QString title;
        QColor colour;
        qint64 QueuePoint::*value;
    };
    QVector<Lane> lanes() const;
    // The lane's header: title and figures on one line, or the figures on a second.
    QStringList headerLines(const Lane &lane, bool twoLines) const;
    bool twoLineHeaders() const;
    QRect laneArea(int index) const;
    void paintLane(QPainter &painter, const QRect &area, const Lane &lane, bool twoLines) const;

    QVector<QueuePoint> m_points;
    QString m_client = QStringLiteral("A");
};

} // namespace socketlab
