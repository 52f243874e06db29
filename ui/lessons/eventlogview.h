#pragma once

#include "core/socketevent.h"

#include <QListView>

namespace socketlab {

class EventListModel;

// The lesson's compact event log: one translated line per event (EventFormatter), naming the
// server or the client it came from. A view of a capped EventListModel; plain text, so
// payloads never render as markup.
class EventLogView : public QListView
{
    Q_OBJECT

public:
    explicit EventLogView(QWidget *parent = nullptr);

    void setEvents(const SocketEvents &events);
    void appendEvents(const SocketEvents &events);
    static QString lineFor(const SocketEvent &event);
    // Every line shown, oldest first (for copying, and for tests).
    QString toPlainText() const;

private:
    EventListModel *m_model;
};

} // namespace socketlab
