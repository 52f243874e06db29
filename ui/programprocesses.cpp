#include "ui/programprocesses.h"

#include "core/syscall.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace socketlab {

namespace {
// Rows kept at most: the tracer stops a program past 256 processes, but threads come and go
// without bound in a thread-per-client server, and finished ones are dropped first.
constexpr int kMaxItems = 600;
} // namespace

ProgramProcesses::ProgramProcesses(QWidget *parent)
    : QWidget(parent),
      m_summary(new QLabel(this)),
      m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("programProcesses"));
    m_tree->setObjectName(QStringLiteral("programProcessTree"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_tree->setColumnCount(ColumnCount);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    // Names and states are short; a zombie's reason must be read whole.
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    retranslateUi();
}

void ProgramProcesses::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ProgramProcesses::retranslateUi()
{
    m_tree->setHeaderLabels({tr("Process or thread"), tr("State"), tr("Last socket call")});
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it)
        updateItem(it.key());
    updateSummary();
}

void ProgramProcesses::clear()
{
    m_tree->clear();
    m_items.clear();
    m_entries.clear();
    m_rootPid = 0;
    updateSummary();
}

QTreeWidgetItem *ProgramProcesses::ensure(qint64 id, qint64 parentId, bool thread)
{
    if (QTreeWidgetItem *item = m_items.value(id))
        return item;
    if (m_items.size() >= kMaxItems) {
        // The oldest finished thread or reaped process makes room.
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            QTreeWidgetItem *old = m_items.value(it.key());
            if (it->state != State::Running && it->state != State::Zombie && old
                && old->childCount() == 0) {
                delete old;
                m_items.remove(it.key());
                m_entries.erase(it);
                break;
            }
        }
        if (m_items.size() >= kMaxItems)
            return nullptr;
    }
    QTreeWidgetItem *parent = m_items.value(parentId);
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    m_items.insert(id, item);
    Entry entry;
    entry.thread = thread;
    entry.pid = thread ? parentId : id;
    m_entries.insert(id, entry);
    if (parent)
        parent->setExpanded(true);
    return item;
}

void ProgramProcesses::appendEvents(const SocketEvents &events)
{
    bool changed = false;
    for (const SocketEvent &event : events) {
        if (!event.traced)
            continue;
        apply(event);
        changed = true;
    }
    if (changed)
        updateSummary();
}

void ProgramProcesses::apply(const SocketEvent &event)
{
    if (event.kind == EventKind::Call) {
        // The thread that made it (a process's own calls are its main thread's).
        const qint64 id = m_entries.contains(event.tid) ? event.tid : event.pid;
        if (!m_entries.contains(id))
            ensure(id, 0, false);
        auto it = m_entries.find(id);
        if (it == m_entries.end())
            return;
        it->lastCall = event.call;
        if (event.role == Role::Server) {
            auto process = m_entries.find(event.pid);
            if (process != m_entries.end())
                process->server = true;
        }
        updateItem(id);
        updateItem(event.pid);
        return;
    }
    if (event.kind != EventKind::Process)
        return;
    switch (event.processChange) {
    case ProcessChange::Started:
        if (m_rootPid == 0)
            m_rootPid = event.pid;
        ensure(event.pid, 0, false);
        break;
    case ProcessChange::Forked:
        ensure(event.pid, event.parentPid, false);
        break;
    case ProcessChange::Thread:
        ensure(event.tid, event.pid, true);
        break;
    case ProcessChange::Exited: {
        const bool thread = event.tid != 0 && event.tid != event.pid;
        const qint64 id = thread ? event.tid : event.pid;
        auto it = m_entries.find(id);
        if (it == m_entries.end())
            return;
        if (it->state == State::Running)
            it->state = State::Exited;
        it->exitCode = event.exitCode;
        it->exitSignal = event.exitSignal;
        updateItem(id);
        return;
    }
    case ProcessChange::Zombie:
    case ProcessChange::Reaped: {
        auto it = m_entries.find(event.pid);
        if (it == m_entries.end())
            return;
        it->state = event.processChange == ProcessChange::Zombie ? State::Zombie : State::Reaped;
        updateItem(event.pid);
        return;
    }
    }
    updateItem(event.processChange == ProcessChange::Thread ? event.tid : event.pid);
}

void ProgramProcesses::updateItem(qint64 id)
{
    QTreeWidgetItem *item = m_items.value(id);
    const auto it = m_entries.constFind(id);
    if (!item || it == m_entries.constEnd())
        return;
    const Entry &entry = *it;
    QString name;
    if (entry.thread)
        name = tr("Thread %1").arg(id);
    else if (id == m_rootPid)
        name = entry.server ? tr("Server process %1").arg(id) : tr("Process %1").arg(id);
    else
        name = tr("Child process %1").arg(id);
    item->setText(NameColumn, name);
    QString state;
    switch (entry.state) {
    case State::Running:
        state = tr("running");
        break;
    case State::Exited:
        state = entry.exitSignal != 0 ? tr("killed by signal %1").arg(entry.exitSignal)
                                      : tr("exited (%1)").arg(entry.exitCode);
        if (entry.thread)
            state = tr("finished");
        break;
    case State::Zombie:
        state = tr("zombie: its parent has not called waitpid()");
        break;
    case State::Reaped:
        state = tr("reaped by its parent");
        break;
    }
    item->setText(StateColumn, state);
    item->setText(CallColumn,
                  entry.lastCall == SysCall::None ? QString()
                                                  : tr("%1()").arg(sysCallName(entry.lastCall)));
    QFont font = m_tree->font();
    font.setBold(entry.state == State::Zombie);
    font.setItalic(entry.state == State::Reaped || (entry.thread && entry.state == State::Exited));
    for (int column = 0; column < ColumnCount; ++column) {
        item->setFont(column, font);
        item->setForeground(column,
                            entry.state == State::Zombie        ? QBrush(QColor(0xB0, 0x30, 0x00))
                                : entry.state == State::Running ? m_tree->palette().text()
                                                                : QBrush(Qt::gray));
    }
}

int ProgramProcesses::zombieCount() const
{
    int count = 0;
    for (const Entry &entry : m_entries)
        count += entry.state == State::Zombie ? 1 : 0;
    return count;
}

void ProgramProcesses::updateSummary()
{
    int processes = 0, threads = 0;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.state != State::Running)
            continue;
        ++(entry.thread ? threads : processes);
    }
    m_summary->setText(tr("Running: %1 processes, %2 threads. Zombies: %3.")
                           .arg(processes)
                           .arg(threads)
                           .arg(zombieCount()));
}

} // namespace socketlab
