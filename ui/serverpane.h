#pragma once

#include "core/servercounters.h"
#include "core/socketevent.h"
#include "core/socketstatereader.h"
#include "ui/serverstatus.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace socketlab {

class ClassroomBanner;

class AutoScroller;
class ClassModel;
class ConnectionsModel;
class EventListModel;
class LogColumnFitter;
class LogFilterBar;
class LogFilterModel;

// The server side of the window: what it is blocked in, where students connect, exact
// counters, the live connections and the log.
class ServerPane : public QWidget
{
    Q_OBJECT

public:
    explicit ServerPane(QWidget *parent = nullptr);

    void appendEvents(const SocketEvents &events);
    // A traced program's events ("Run a program…"): the log shows them; a traced server's
    // connections join the table, its listener's accept queue and its sockets' states show
    // as the lab's own server's do while that one is stopped.
    void appendProgramEvents(const SocketEvents &events);
    quint16 programPort() const { return m_programPort; }
    // The kernel's view of the lab's sockets (LabSession::socketsSampled).
    void setSockets(const QList<socketlab::SocketSnapshot> &sockets);
    void setTotals(const ServerTotals &totals);
    // Where the server listens; an empty address means stopped.
    void setEndpoint(const QString &bindAddress, quint16 port);
    void setHexVisible(bool visible);
    // Presentation mode: fewer, wider columns.
    void setCompact(bool compact);
    void clearLog();

    // This machine's addresses students can use, IPv4 first.
    static QStringList classroomAddresses();

    // Every row the log keeps; shownLogModel(): the rows its filters show (what Save writes).
    EventListModel *logModel() const { return m_log; }
    LogFilterModel *shownLogModel() const { return m_filter; }
    LogFilterBar *logFilterBar() const { return m_filterBar; }
    // The students (the class view's model).
    ClassModel *classModel() const { return m_class; }
    ConnectionsModel *connectionsModel() const { return m_connections; }
    QTableView *logView() const { return m_logView; }
    // How many pixels the pane could give up and still show connectionRows connections and
    // logRows log lines (negative: how many it lacks), measured from the tables as laid out
    // and the share of the height each takes.
    int spareHeight(int connectionRows, int logRows) const;
    QTableView *connectionsView() const { return m_connectionsView; }
    const ServerStatus &status() const { return m_status; }
    // Opens (or raises) the large "how to connect" window; null until first opened.
    void showClassroomBanner();
    ClassroomBanner *classroomBanner() const { return m_banner; }
    QString statusText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    // Fixed texts only; what depends on the state is set by the update functions.
    void retranslateUi();
    void updateProtocolTexts();
    void updateStatus();
    void updateFonts();
    void updateNotes();
    void updateAddresses();
    void updateAcceptQueue();
    void updateBanner();

    ServerStatus m_status;
    ServerTotals m_totals;
    QString m_bindAddress;
    quint16 m_port = 0;
    quint16 m_programPort = 0; // the port a traced program's server listens on, 0: none
    EventListModel *m_log;
    LogFilterModel *m_filter;
    ClassModel *m_class;
    ConnectionsModel *m_connections;
    QLabel *m_statusLabel;
    QLabel *m_addressesLabel;
    QPushButton *m_bannerButton;
    ClassroomBanner *m_banner = nullptr;
    QLabel *m_countersLabel;
    QLabel *m_acceptQueueLabel;
    QLabel *m_connectionsTitle;
    bool m_udp = false;
    QLabel *m_logTitle;
    QLabel *m_notesLabel;
    LogFilterBar *m_filterBar;
    QTableView *m_connectionsView;
    QTableView *m_logView;
    AutoScroller *m_scroller;
    LogColumnFitter *m_logFitter;
    LogColumnFitter *m_connectionsFitter;
};

} // namespace socketlab
