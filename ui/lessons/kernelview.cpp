#include "ui/lessons/kernelview.h"

#include "lessons/kernelsockets.h"
#include "lessons/lessonruntime.h"
#include "ui/lessons/queueplot.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace socketlab {

namespace {
enum Column { Who, State, RecvQ, SendQ, Accepted, Timer, ColumnCount };
// Rows the table keeps room for above the queue plot: the listener and both ends of A's
// connection, the flow-control lesson's sockets.
constexpr int kPlotTableRows = 3;

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
} // namespace

KernelView::KernelView(QWidget *parent)
    : QWidget(parent)
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
    // Every column as wide as its texts, the socket's name first of all ("client D", not
    // "clie…" in Portuguese); what does not fit scrolls sideways.
    m_table->header()->setStretchLastSection(true);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_plot = new QueuePlot;
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_plot, 1);
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

void KernelView::setObserved(const QString &text)
{
    m_observed = text;
    refresh();
}

bool KernelView::isObserved(const QTreeWidgetItem *item) const
{
    // The kernel's state names are the same in every language: "D is in SYN_SENT".
    const QString state = item->text(State);
    if (m_observed.isEmpty() || state.isEmpty())
        return false;
    const QRegularExpression word(
        QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(state)));
    return m_observed.contains(word);
}

void KernelView::setShowQueues(bool show)
{
    m_plot->setVisible(show);
    refresh();
}

void KernelView::fitTable()
{
    // With the plot below, the table is as tall as its rows (the plot takes the rest);
    // without it, the table takes the whole tab.
    if (m_plot->isHidden()) {
        m_table->setMinimumHeight(0);
        m_table->setMaximumHeight(QWIDGETSIZE_MAX);
        return;
    }
    const int rows = std::max(kPlotTableRows, m_table->topLevelItemCount());
    const int rowHeight = m_table->topLevelItemCount() > 0 ? m_table->sizeHintForRow(0)
                                                           : m_table->fontMetrics().height() + 4;
    m_table->setFixedHeight(m_table->header()->sizeHint().height() + rows * rowHeight
                            + 2 * m_table->frameWidth() + 4);
}

void KernelView::refresh()
{
    if (!m_runtime)
        return;
    const LessonRuntime &rt = *m_runtime;
    QList<SocketSnapshot> sockets = rt.kernelSockets();
    // The listener first, then the server's sides, then the clients, each by port.
    // The rows the step's "Look at" names come right after the listener, in view.
    const auto pointedAt = [this](const SocketSnapshot &s) {
        return !m_observed.isEmpty()
            && m_observed.contains(
                QRegularExpression(QStringLiteral("\\b%1\\b")
                                       .arg(QRegularExpression::escape(socketStateName(s.state)))));
    };
    std::stable_sort(sockets.begin(), sockets.end(),
                     [&rt, &pointedAt](const SocketSnapshot &a, const SocketSnapshot &b) {
                         auto rank = [&rt, &pointedAt](const SocketSnapshot &s) {
                             return s.isListener()                         ? 0
                                 : pointedAt(s)                            ? 1
                                 : rt.watchedPorts().contains(s.localPort) ? 2
                                                                           : 3;
                         };
                         const int ra = rank(a), rb = rank(b);
                         if (ra != rb)
                             return ra < rb;
                         return (ra == 2 ? a.peerPort : a.localPort)
                             < (rb == 2 ? b.peerPort : b.localPort);
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
            item->setForeground(c,
                                inBacklog                            ? palette().placeholderText()
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
    // The rows the step points at: highlighted, and the one of a client the text names (or
    // the first) scrolled into view.
    QTreeWidgetItem *first = nullptr;
    QTreeWidgetItem *named = nullptr;
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_table->topLevelItem(i);
        const bool observed = isObserved(item);
        for (int c = 0; c < ColumnCount; ++c) {
            item->setBackground(c, observed ? QBrush(QColor(0xff, 0xf3, 0xd6)) : QBrush());
            QFont font = item->font(c);
            font.setBold(observed);
            item->setFont(c, font);
        }
        if (!observed)
            continue;
        if (!first)
            first = item;
        // A client's name is one capital letter: "client D", "server side (G)".
        static const QRegularExpression letter(QStringLiteral("\\b[A-Z]\\b"));
        for (auto it = letter.globalMatch(item->text(Who)); it.hasNext() && !named;) {
            const QString name = it.next().captured();
            if (m_observed.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(name))))
                named = item;
        }
    }
    fitTable();
    if (named || first)
        m_table->scrollToItem(named ? named : first, QAbstractItemView::PositionAtCenter);
    if (!m_plot->isHidden())
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
    m_table->setHeaderLabels(
        {tr("Socket"), tr("State"), tr("Recv-Q"), tr("Send-Q"), tr("Accepted?"), tr("Timer")});
    m_plot->setClientName(KernelSockets::clientName(1));
    refresh();
}

} // namespace socketlab
