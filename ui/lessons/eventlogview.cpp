#include "ui/lessons/eventlogview.h"

#include "core/eventformatter.h"
#include "ui/lessons/sequencemodel.h"

#include <QEvent>
#include <QScrollBar>

namespace socketlab {

EventLogView::EventLogView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setMaximumBlockCount(5000);
}

QString EventLogView::lineFor(const SocketEvent &event)
{
    QString who = SequenceModel::clientName(event.connectionId);
    if (event.role == Role::Server) {
        who = event.handler == HandlerKind::Main
            ? tr("Server")
            : tr("Server, %1").arg(EventFormatter::shortHandlerText(event));
    }
    return tr("%1  %2: %3").arg(EventFormatter::timeOfDay(event), who, EventFormatter::describe(event));
}

void EventLogView::setEvents(const SocketEvents &events)
{
    m_events.clear();
    clear();
    appendEvents(events);
}

void EventLogView::appendEvents(const SocketEvents &events)
{
    QStringList lines;
    for (const SocketEvent &e : events) {
        if (e.kind == EventKind::Call && e.call == QLatin1String("getaddrinfo") && e.role == Role::Server)
            continue;  // the bind address, resolved: noise for the class
        lines << lineFor(e);
    }
    m_events += events;
    if (!lines.isEmpty())
        appendPlainText(lines.join(QLatin1Char('\n')));
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void EventLogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        setEvents(SocketEvents(m_events));
    QPlainTextEdit::changeEvent(event);
}

} // namespace socketlab
