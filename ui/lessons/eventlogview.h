#pragma once

#include "core/socketevent.h"

#include <QPlainTextEdit>

namespace socketlab {

// The lesson's compact event log: one translated line per event (EventFormatter), naming the
// server or the client it came from. Plain text, so payloads never render as markup.
class EventLogView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit EventLogView(QWidget *parent = nullptr);

    void setEvents(const SocketEvents &events);
    void appendEvents(const SocketEvents &events);
    static QString lineFor(const SocketEvent &event);

protected:
    void changeEvent(QEvent *event) override;

private:
    SocketEvents m_events;
};

} // namespace socketlab
