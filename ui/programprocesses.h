#pragma once

#include "core/socketevent.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace socketlab {

// A traced program's processes as a tree, from its Process events: the first process, the
// children it forked under it, the threads under their process, each one's state (running,
// exited, a zombie until its parent waits, reaped) and the last socket call it made.
class ProgramProcesses : public QWidget
{
    Q_OBJECT

public:
    enum Column { NameColumn, StateColumn, CallColumn, ColumnCount };

    explicit ProgramProcesses(QWidget *parent = nullptr);

    void appendEvents(const SocketEvents &events);
    void clear();

    QTreeWidget *tree() const { return m_tree; }
    int zombieCount() const;
    // The item of this pid (process) or tid (thread), null when unknown.
    QTreeWidgetItem *itemOf(qint64 id) const { return m_items.value(id); }

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class State { Running, Exited, Zombie, Reaped };
    struct Entry
    {
        bool thread = false;
        bool server = false;
        State state = State::Running;
        qint64 pid = 0;
        int exitCode = 0;
        int exitSignal = 0;
        SysCall lastCall = SysCall::None;
    };

    QTreeWidgetItem *ensure(qint64 id, qint64 parentId, bool thread);
    void apply(const SocketEvent &event);
    void updateItem(qint64 id);
    void updateSummary();
    void retranslateUi();

    QLabel *m_summary;
    QTreeWidget *m_tree;
    QHash<qint64, QTreeWidgetItem *> m_items;
    QHash<qint64, Entry> m_entries;
    qint64 m_rootPid = 0;
};

} // namespace socketlab
