#pragma once

#include "lessons/processtracker.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace socketlab {

class LabNetwork;
class Server;

// The server process, its accept loop, handler threads and child processes with pid/tid,
// their state from /proc (refreshed a few times a second) and the client each one serves.
class ProcessView : public QWidget
{
    Q_OBJECT

public:
    explicit ProcessView(QWidget *parent = nullptr);

    void setEvents(const SocketEvents &events);
    // The next batch of the same stream: only the rows it changes change.
    void appendEvents(const SocketEvents &events);
    // For the shared counter line (the server process's own copy).
    void setServer(const Server *server) { m_server = server; }
    // The lab's private network the lesson runs in (null: SocketLab's own): TIME_WAIT is read
    // there.
    void setNetwork(const LabNetwork *network) { m_network = network; }
    void setShowTimeWait(bool show) { m_showTimeWait = show; }
    // The step points here: the State column is highlighted (and always in view).
    void setObserved(bool on);
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    // Columns sized to their contents, the first (long process names, in Portuguese longer)
    // elided so the State column stays in view at 1024x768.
    void fitColumns();
    // The tree made to show rows, item by item: a row that is still there keeps its item
    // (selection, scroll position), a new one is inserted, a gone one removed.
    void updateItems(const QVector<ProcessRow> &rows);
    void updateItem(QTreeWidgetItem *item, const ProcessRow &row) const;

    ProcessTracker m_tracker;
    const Server *m_server = nullptr;
    const LabNetwork *m_network = nullptr;
    bool m_showTimeWait = false;
    bool m_observed = false;
    QTreeWidget *m_tree;
    QLabel *m_notes;
    QTimer m_timer;
};

} // namespace socketlab
