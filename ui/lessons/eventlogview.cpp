#include "ui/lessons/eventlogview.h"

#include "core/causalorder.h"
#include "core/eventformatter.h"
#include "ui/lessons/sequencemodel.h"

#include <QEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

#include <algorithm>
#include <iterator>

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

namespace {
bool shown(const SocketEvent &e)
{
    // The bind address, resolved: noise for the class.
    return !(e.kind == EventKind::Call && e.call == SysCall::Getaddrinfo && e.role == Role::Server);
}
}

void EventLogView::appendEvents(const SocketEvents &events)
{
    // Server and clients report in their own batches: lines stay in causal order, so a late
    // batch's lines go above those of the effects they caused.
    SocketEvents incoming = events;
    sortCausally(incoming);
    const auto from = incoming.isEmpty()
        ? m_events.end()
        : std::upper_bound(m_events.begin(), m_events.end(), incoming.first(), causallyBefore);
    SocketEvents later(from, m_events.end());
    m_events.erase(from, m_events.end());
    const int laterLines = int(std::count_if(later.cbegin(), later.cend(), shown));
    if (laterLines >= document()->blockCount()) {
        clear();
    } else if (laterLines > 0) {
        QTextCursor cursor(document());
        cursor.movePosition(QTextCursor::End);
        cursor.movePosition(QTextCursor::PreviousBlock, QTextCursor::MoveAnchor, laterLines);
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    }
    SocketEvents merged;
    merged.reserve(later.size() + incoming.size());
    std::merge(later.cbegin(), later.cend(), incoming.cbegin(), incoming.cend(),
               std::back_inserter(merged), causallyBefore);
    QStringList lines;
    for (const SocketEvent &e : merged) {
        if (shown(e))
            lines << lineFor(e);
    }
    m_events += merged;
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
