#include "ui/lessons/eventlogview.h"

#include "core/causalorder.h"
#include "core/eventformatter.h"
#include "lessons/sequencemodel.h"
#include "ui/models/eventlistmodel.h"

namespace socketlab {

EventLogView::EventLogView(QWidget *parent)
    : QListView(parent),
      m_model(new EventListModel(this))
{
    EventListModel::Filter filter;
    filter.kinds = {EventKind::Listening,    EventKind::Connected, EventKind::Data,
                    EventKind::Disconnected, EventKind::Sent,      EventKind::Received,
                    EventKind::Error,        EventKind::Call,      EventKind::HandlerExited,
                    EventKind::Coalesced,    EventKind::Summary};
    filter.accepts = [](const SocketEvent &e) {
        // The bind address, resolved: noise for the class.
        return !(e.kind == EventKind::Call && e.call == SysCall::Getaddrinfo
                 && e.role == Role::Server);
    };
    m_model->setFilter(filter);
    m_model->setLineFormatter(&EventLogView::lineFor);
    // Server and clients report in their own time: lines go in causal order, so an effect
    // never shows above its cause, even when its cause came in a later batch.
    m_model->setOrder(&causallyBefore);
    setModel(m_model);
    setModelColumn(EventListModel::LineColumn);
    // A line longer than the pane wraps instead of ending in "…" ("Waiting for datagrams
    // o…"): a lesson's log holds a few hundred lines, so rows of their own height are cheap.
    setUniformItemSizes(false);
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setResizeMode(QListView::Adjust);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
}

QString EventLogView::lineFor(const SocketEvent &event)
{
    QString who = SequenceModel::clientName(event.connectionId);
    if (event.role == Role::Server) {
        who = event.handler == HandlerKind::Main
            ? tr("Server")
            : tr("Server, %1").arg(EventFormatter::shortHandlerText(event));
    }
    return tr("%1  %2: %3")
        .arg(EventFormatter::timeOfDay(event), who, EventFormatter::describe(event));
}

void EventLogView::setEvents(const SocketEvents &events)
{
    m_model->clear();
    appendEvents(events);
}

void EventLogView::appendEvents(const SocketEvents &events)
{
    m_model->appendEvents(events);
    scrollToBottom();
}

QString EventLogView::toPlainText() const
{
    QStringList lines;
    for (int row = 0; row < m_model->rowCount(); ++row)
        lines << m_model->cellText(row, EventListModel::LineColumn);
    return lines.join(QLatin1Char('\n'));
}

} // namespace socketlab
