#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace socketlab {

class LessonRuntime;
class QueuePlot;

// The kernel's view of the lesson's sockets, live: who owns each, its TCP state, Recv-Q and
// Send-Q, accepted or waiting in the backlog, and the TIME_WAIT countdown; for the
// flow-control lesson a plot of client A's queues over time.
class KernelView : public QWidget
{
    Q_OBJECT

public:
    explicit KernelView(QWidget *parent = nullptr);

    void setRuntime(const LessonRuntime *runtime);
    void setShowQueues(bool show);
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fitTable();

    const LessonRuntime *m_runtime = nullptr;
    QLabel *m_note;
    QTreeWidget *m_table;
    QueuePlot *m_plot;
};

} // namespace socketlab
