#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

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
    // The step's "Look at" text when it points here: the rows in a state it names (and, of
    // those, the ones of a client it names) are highlighted and scrolled to.
    void setObserved(const QString &text);
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fitTable();

    // Whether a row is one the step points at (its state named in the text).
    bool isObserved(const QTreeWidgetItem *item) const;

    const LessonRuntime *m_runtime = nullptr;
    QString m_observed;
    QLabel *m_note;
    QTreeWidget *m_table;
    QueuePlot *m_plot;
};

} // namespace socketlab
