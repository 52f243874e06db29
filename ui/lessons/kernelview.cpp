#include "ui/lessons/kernelview.h"

#include "ui/lessons/kernelsockets.h"
#include "ui/lessons/lessonruntime.h"
#include "ui/lessons/queueplot.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace socketlab {

namespace {
enum Column { Who, State, RecvQ, SendQ, Accepted, Timer, ColumnCount };

// The states a lesson points at, in colour: a connection half closed or waiting to go.
QColor stateColour(SocketState state)
{
    switch (state) {
    case SocketState::CloseWait:
    case SocketState::FinWait2:
        return QColor(0xb0, 0x10, 0x10);
    case SocketState::TimeWait:
    case SocketState::SynSent:
    case SocketState::SynRecv:
        return QColor(0xa8, 0x50, 0x00);
    default:
        return QColor();
    }
}
}

KernelView::KernelView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_note = new QLabel(this);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_table = new QTreeWidget;
    m_table->setRootIsDecorated(false);
    m_table->setColumnCount(ColumnCount);
    m_table->setUniformRowHeights(true);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(Who, QHeaderView::Stretch);
    m_plot = new QueuePlot;
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_plot);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    layout->addWidget(m_note);
    layout->addWidget(split, 1);
    m_plot->hide();
    retranslateUi();
}

void KernelView::setRuntime(const LessonRuntime *runtime)
{
    m_runtime = runtime;
    connect(runtime, &LessonRuntime::kernelSampled, this, &KernelView::refresh);
    connect(runtime, &LessonRuntime::cleared, this, &KernelView::refresh);
    refresh();
}

void KernelView::setShowQueues(bool show)
{
    m_plot->setVisible(show);
    refresh();
}

void KernelView::refresh()
{
    if (!m_runtime)
        return;
    const LessonRuntime &rt = *m_runtime;
    QList<SocketSnapshot> sockets = rt.kernelSockets();
    // The listener first, then the server's sides, then the clients, each by port.
    std::stable_sort(sockets.begin(), sockets.end(), [&rt](const SocketSnapshot &a, const SocketSnapshot &b) {
        auto rank = [&rt](const SocketSnapshot &s) {
            return s.isListener() ? 0 : rt.watchedPorts().contains(s.localPort) ? 1 : 2;
        };
        const int ra = rank(a), rb = rank(b);
        if (ra != rb)
            return ra < rb;
        return (ra == 1 ? a.peerPort : a.localPort) < (rb == 1 ? b.peerPort : b.localPort);
    });
    while (m_table->topLevelItemCount() > sockets.size())
        delete m_table->takeTopLevelItem(m_table->topLevelItemCount() - 1);
    while (m_table->topLevelItemCount() < sockets.size()) {
        auto *item = new QTreeWidgetItem(m_table);
        for (int c : {RecvQ, SendQ})
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    QStringList listeners;
    for (int i = 0; i < sockets.size(); ++i) {
        const SocketSnapshot &s = sockets.at(i);
        QTreeWidgetItem *item = m_table->topLevelItem(i);
        item->setText(Who, KernelSockets::describe(rt, s));
        item->setText(State, socketStateName(s.state));
        item->setText(RecvQ, QString::number(s.recvQ));
        item->setText(SendQ, QString::number(s.sendQ));
        item->setText(Accepted, KernelSockets::acceptedText(rt, s));
        item->setText(Timer, KernelSockets::timerText(s));
        const QColor colour = stateColour(s.state);
        const bool inBacklog = !s.accepted();
        for (int c = 0; c < ColumnCount; ++c) {
            item->setForeground(c, inBacklog ? palette().placeholderText()
                                   : colour.isValid() && c == State ? QBrush(colour)
                                                                    : palette().text());
        }
        if (s.isListener())
            listeners << tr("%1 waiting to be accepted, backlog %2").arg(s.recvQ).arg(s.sendQ);
    }
    if (sockets.isEmpty())
        m_note->setText(tr("No socket of this lesson in the kernel's table yet."));
    else if (!listeners.isEmpty())
        m_note->setText(tr("Listening socket: %1 (Linux queues up to backlog + 1).")
                            .arg(listeners.join(QStringLiteral("; "))));
    else
        m_note->setText(tr("No listening socket now: what is left are connections winding down."));
    if (m_plot->isVisible())
        m_plot->setPoints(KernelSockets::queueHistory(rt, 1));
}

void KernelView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void KernelView::retranslateUi()
{
    m_table->setHeaderLabels({tr("Socket"), tr("State"), tr("Recv-Q"), tr("Send-Q"),
                              tr("Accepted?"), tr("Timer")});
    m_plot->setClientName(KernelSockets::clientName(1));
    refresh();
}

} // namespace socketlab
