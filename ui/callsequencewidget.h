#pragma once

#include "core/socketevent.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QListWidget;
class QTabWidget;
class QTableView;

namespace socketlab {

class AutoScroller;
class CallLanesModel;
class CallTraceModel;

// The recipe's numbered steps for the client and the server, the current one highlighted
// (from the step of the latest call), next to the live call trace: as a list, or as lanes
// (a column per client, server handler, traced process or thread) in the same causal order.
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
    CallLanesModel *lanesModel() const { return m_lanes; }
    QTableView *lanesView() const { return m_lanesView; }
    // Shows the lanes (true) or the list.
    void showLanes(bool lanes);

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
    QHBoxLayout *m_layout = nullptr;
    QTabWidget *m_traceTabs;
    QTableView *m_traceView;
    CallTraceModel *m_trace;
    QTableView *m_lanesView;
    CallLanesModel *m_lanes;
    AutoScroller *m_scroller;
    AutoScroller *m_lanesScroller;
    Protocol m_protocol = Protocol::Tcp;
    int m_clientStep = 0;
    int m_serverStep = 0;
    quint64 m_lastClient = 0;
};

} // namespace socketlab
