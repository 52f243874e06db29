#pragma once

#include "ui/lessons/sequencedrawing.h"
#include "ui/lessons/sequencemodel.h"

#include <QWidget>

namespace socketlab {

// Paints the sequence diagram; sized to its rows so a scroll area around it scrolls.
class SequenceDiagramWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SequenceDiagramWidget(QWidget *parent = nullptr);

    void setEvents(const SocketEvents &events);
    const SequenceModel &model() const { return m_model; }
    bool exportPng(const QString &path) const;
    bool exportSvg(const QString &path) const;
    QSize sizeHint() const override;

signals:
    void grew();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void relayout();

    SocketEvents m_events;
    SequenceModel m_model;
    SequenceDrawing m_drawing;
};

} // namespace socketlab
