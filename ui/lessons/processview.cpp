#include "ui/lessons/processview.h"

#include "core/server.h"
#include "core/socketstatereader.h"

#include <QEvent>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace socketlab {

namespace {
constexpr int kStateColumn = 3;
}

namespace {
constexpr int kRefreshMs = 300;
}

ProcessView::ProcessView(QWidget *parent)
    : QWidget(parent),
      m_tree(new QTreeWidget(this)),
      m_notes(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_notes);
    m_tree->setColumnCount(5);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_notes->setTextFormat(Qt::PlainText);
    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &ProcessView::refresh);
    m_timer.start();
    retranslateUi();
}

void ProcessView::setEvents(const SocketEvents &events)
{
    m_tracker.setEvents(events);
    refresh();
}

void ProcessView::setObserved(bool on)
{
    if (on == m_observed)
        return;
    m_observed = on;
    refresh();
}

void ProcessView::fitColumns()
{
    for (int c = 0; c < 4; ++c)
        m_tree->resizeColumnToContents(c);
    const int room = m_tree->viewport()->width();
    int others = 0;
    for (int c = 1; c <= kStateColumn; ++c)
        others += m_tree->columnWidth(c);
    // The State column's text whole, the name takes what is left (at least a third).
    const int name = std::max(room / 3, room - others - 8);
    if (m_tree->columnWidth(0) > name)
        m_tree->setColumnWidth(0, name);
}

namespace {
// Which process or thread an item shows, to find it again in the next snapshot.
QString rowKey(const ProcessRow &row)
{
    return QStringLiteral("%1 %2 %3").arg(int(row.kind)).arg(row.pid).arg(row.tid);
}

void setIfChanged(QTreeWidgetItem *item, int column, int role, const QVariant &value)
{
    if (item->data(column, role) != value)
        item->setData(column, role, value);
}
} // namespace

void ProcessView::appendEvents(const SocketEvents &events)
{
    m_tracker.appendEvents(events);
    refresh();
}

void ProcessView::updateItem(QTreeWidgetItem *item, const ProcessRow &row) const
{
    QString state = ProcStat::stateText(row.info);
    if (row.kind == ProcessRow::Kind::HandlerThread && row.info.state == ProcState::Gone)
        state = tr("finished");
    const bool process
        = row.kind == ProcessRow::Kind::ServerProcess || row.kind == ProcessRow::Kind::ChildProcess;
    const QStringList columns {ProcessTracker::kindText(row), QString::number(row.pid),
                               process ? QString() : QString::number(row.tid), state, row.client};
    const bool zombie = row.info.state == ProcState::Zombie;
    const QVariant colour = zombie          ? QVariant(QColor(0xb0, 0x10, 0x10))
        : row.info.state == ProcState::Gone ? QVariant(QColor(0x80, 0x80, 0x80))
                                            : QVariant();
    // Only the weight: the rest comes from the tree's font (it follows the zoom).
    QFont bold;
    bold.setBold(true);
    for (int c = 0; c < columns.size(); ++c) {
        setIfChanged(item, c, Qt::DisplayRole, columns.at(c));
        setIfChanged(item, c, Qt::ForegroundRole, colour);
        const bool observed = m_observed && c == kStateColumn;
        setIfChanged(item, c, Qt::FontRole, zombie || observed ? QVariant(bold) : QVariant());
        setIfChanged(item, c, Qt::BackgroundRole,
                     observed ? QVariant(QColor(0xff, 0xf3, 0xd6)) : QVariant());
    }
    setIfChanged(item, 0, Qt::UserRole, rowKey(row));
}

void ProcessView::updateItems(const QVector<ProcessRow> &rows)
{
    // The first row is the server process, the others hang below it.
    if (rows.isEmpty()) {
        m_tree->clear();
        return;
    }
    QTreeWidgetItem *top = m_tree->topLevelItem(0);
    if (!top || top->data(0, Qt::UserRole).toString() != rowKey(rows.first())) {
        m_tree->clear();
        top = new QTreeWidgetItem(m_tree);
        top->setExpanded(true);
    }
    updateItem(top, rows.first());
    QHash<QString, QTreeWidgetItem *> existing;
    for (int i = 0; i < top->childCount(); ++i)
        existing.insert(top->child(i)->data(0, Qt::UserRole).toString(), top->child(i));
    for (int i = 1; i < rows.size(); ++i) {
        const QString key = rowKey(rows.at(i));
        QTreeWidgetItem *item = existing.take(key);
        if (!item) {
            item = new QTreeWidgetItem;
            top->insertChild(i - 1, item);
        } else if (top->indexOfChild(item) != i - 1) {
            // The snapshot's order (threads by tid, children by pid) never moves a row that
            // stays; this keeps the tree right if it ever did.
            top->takeChild(top->indexOfChild(item));
            top->insertChild(i - 1, item);
        }
        updateItem(item, rows.at(i));
    }
    qDeleteAll(existing);
}

void ProcessView::refresh()
{
    if (!isVisible() && m_tree->topLevelItemCount() > 0)
        return;
    updateItems(m_tracker.snapshot(m_server ? m_server->workerThreadId() : 0));
    fitColumns();

    QStringList notes;
    for (quint16 port : m_showTimeWait ? m_tracker.ports() : QList<quint16>()) {
        // Both ends: the side that closed first waits, the server's or the client's.
        QList<SocketSnapshot> sockets;
        QString error;
        if (!SocketStateReader::read(port, SocketStateReader::TcpOnly, &sockets, &error, false,
                                     m_network)) {
            notes << error;
            continue;
        }
        int serverSide = 0;
        int clientSide = 0;
        for (const SocketSnapshot &socket : sockets) {
            if (socket.state == SocketState::TimeWait)
                ++(socket.localPort == port ? serverSide : clientSide);
        }
        notes << tr("TCP connections in TIME_WAIT on port %1: %2 on the server's side, %3 on "
                    "the clients' side")
                     .arg(port)
                     .arg(serverSide)
                     .arg(clientSide);
    }
    if (m_tracker.usesCounter() && m_server)
        notes << tr("The counter in the server process: %1").arg(m_server->sharedCounter());
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
}

void ProcessView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ProcessView::retranslateUi()
{
    m_tree->setHeaderLabels(
        {tr("Process or thread"), tr("pid"), tr("tid"), tr("State"), tr("Client")});
    refresh();
}

} // namespace socketlab
