#pragma once

#include "core/socketevent.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTableView;

namespace socketlab {

class AutoScroller;
class CallTraceModel;

// The recipe's numbered steps for the client and the server, the current one highlighted
// (from the step of the latest call), next to the live call trace.
class CallSequenceWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kClientSteps = 6;
    static constexpr int kServerSteps = 8;

    explicit CallSequenceWidget(QWidget *parent = nullptr);

    void appendEvents(const SocketEvents &events);
    void setProtocol(Protocol protocol);
    void clear();

    int currentClientStep() const { return m_clientStep; }
    int currentServerStep() const { return m_serverStep; }
    CallTraceModel *traceModel() const { return m_trace; }
    QTableView *traceView() const { return m_traceView; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateFonts();
    void highlight(QListWidget *list, int step);
    void updateApplicability();

    QLabel *m_clientTitle;
    QLabel *m_serverTitle;
    QLabel *m_traceTitle;
    QListWidget *m_clientList;
    QListWidget *m_serverList;
    QTableView *m_traceView;
    CallTraceModel *m_trace;
    AutoScroller *m_scroller;
    Protocol m_protocol = Protocol::Tcp;
    int m_clientStep = 0;
    int m_serverStep = 0;
    quint64 m_lastClient = 0;
};

} // namespace socketlab
