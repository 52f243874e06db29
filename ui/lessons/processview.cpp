#include "ui/lessons/processview.h"

#include "core/server.h"
#include "core/socketstatereader.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
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

void ProcessView::refresh()
{
    if (!isVisible() && m_tree->topLevelItemCount() > 0)
        return;
    const QVector<ProcessRow> rows = m_tracker.snapshot(m_server ? m_server->workerThreadId() : 0);
    m_tree->clear();
    QTreeWidgetItem *top = nullptr;
    for (const ProcessRow &row : rows) {
        QString state = ProcStat::stateText(row.info);
        if (row.kind == ProcessRow::Kind::HandlerThread && row.info.state == ProcState::Gone)
            state = tr("finished");
        const QStringList columns {ProcessTracker::kindText(row), QString::number(row.pid),
                                   row.kind == ProcessRow::Kind::ServerProcess
                                           || row.kind == ProcessRow::Kind::ChildProcess
                                       ? QString()
                                       : QString::number(row.tid),
                                   state, row.client};
        auto *item = top ? new QTreeWidgetItem(top, columns) : new QTreeWidgetItem(m_tree, columns);
        if (!top)
            top = item;
        if (row.info.state == ProcState::Zombie) {
            for (int c = 0; c < columns.size(); ++c) {
                item->setForeground(c, QColor(0xb0, 0x10, 0x10));
                QFont font = item->font(c);
                font.setBold(true);
                item->setFont(c, font);
            }
        } else if (row.info.state == ProcState::Gone) {
            for (int c = 0; c < columns.size(); ++c)
                item->setForeground(c, QColor(0x80, 0x80, 0x80));
        }
    }
    m_tree->expandAll();
    if (m_observed) {
        for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
            (*it)->setBackground(kStateColumn, QColor(0xff, 0xf3, 0xd6));
            QFont font = (*it)->font(kStateColumn);
            font.setBold(true);
            (*it)->setFont(kStateColumn, font);
        }
    }
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
