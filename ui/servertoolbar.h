#pragma once

#include "core/serverconfig.h"

#include <QHash>
#include <QWidget>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QSpinBox;

namespace socketlab {

// The server's switches: TCP/UDP, iterative/fork/thread/poll, port, listen()'s backlog, who may
// connect, echo, and Start/Stop. The switches are locked while the server runs (stop to change
// them). Its buttons flow into as many rows as the window's width needs: nothing ever hides behind
// an overflow menu, at any zoom. It adds buttons like a QToolBar does.
class ServerToolBar : public QWidget
{
    Q_OBJECT

public:
    enum class Exposure { ThisComputer, Classroom };

    explicit ServerToolBar(QWidget *parent = nullptr);

    ServerConfig config() const;
    void setConfig(const ServerConfig &config);
    Protocol protocol() const;
    Concurrency concurrency() const;
    quint16 port() const;
    Exposure exposure() const;
    void setExposure(Exposure exposure);
    static QString bindAddressFor(Exposure exposure);
    void setRunning(bool running);

    QAction *tcpAction() const { return m_tcp; }
    QAction *udpAction() const { return m_udp; }
    QAction *iterativeAction() const { return m_iterative; }
    QAction *forkAction() const { return m_fork; }
    QAction *threadAction() const { return m_thread; }
    QAction *pollAction() const { return m_poll; }
    QAction *echoAction() const { return m_echo; }
    QAction *startAction() const { return m_start; }
    QAction *stopAction() const { return m_stop; }
    QSpinBox *portSpin() const { return m_portSpin; }
    QSpinBox *backlogSpin() const { return m_backlogSpin; }

    // As QToolBar: a button for the action (or a new one), a widget, a separator line.
    QAction *addAction(const QIcon &icon, const QString &text);
    QAction *addAction(const QString &text);
    void addAction(QAction *action);
    QAction *addWidget(QWidget *widget);
    QAction *addSeparator();
    // The button or widget that shows action, as QToolBar::widgetForAction.
    QWidget *widgetForAction(QAction *action) const;

signals:
    void protocolChanged(socketlab::Protocol protocol);
    void startRequested();
    void stopRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateEnabled();
    QAction *addToggle(QActionGroup *group, const QString &name);

    QHash<QAction *, QWidget *> m_widgets;
    bool m_running = false;
    QAction *m_tcp;
    QAction *m_udp;
    QAction *m_iterative;
    QAction *m_fork;
    QAction *m_thread;
    QAction *m_poll;
    QAction *m_echo;
    QAction *m_start;
    QAction *m_stop;
    QLabel *m_portLabel;
    QSpinBox *m_portSpin;
    QLabel *m_backlogLabel;
    QSpinBox *m_backlogSpin;
    QLabel *m_exposureLabel;
    QComboBox *m_exposure;
};

} // namespace socketlab
