#pragma once

#include "core/socketevent.h"

#include <QDockWidget>
#include <QTemporaryDir>

class QAction;
class QCheckBox;
class QLabel;
class QMainWindow;
class QPushButton;
class QTableView;

namespace socketlab {

class LabSession;
class PacketListModel;

// The Wire tab: the lab's packets as Wireshark's packet list shows them, beside the call
// sequence, each with the call that sent it, and "Export packets…" to a pcapng file. While
// "Capture packets" is on, the session captures its ports (LabSession::startCapture) into its
// one stream, so the same packets reach this list, the call sequence's lanes and the log in
// one order. When capture is not allowed here it says so, and how to allow it.
class WireDock : public QDockWidget
{
    Q_OBJECT

public:
    WireDock(LabSession *session, QMainWindow *window);
    ~WireDock() override;

    void placeBeside(QDockWidget *dock);
    QAction *exportAction() const { return m_exportAction; }
    PacketListModel *model() const { return m_model; }
    QCheckBox *captureBox() const { return m_captureBox; }
    // Off by default: the server log leaves the packets to this list and the lanes.
    QCheckBox *logBox() const { return m_logBox; }
    bool isCapturing() const;
    bool exportTo(const QString &path, QString *error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateCapture();
    void exportPackets();
    void updateStatus();

    LabSession *m_session;
    QMainWindow *m_window;
    QTemporaryDir m_spoolDir;
    PacketListModel *m_model;
    QLabel *m_status;
    QCheckBox *m_captureBox;
    QCheckBox *m_logBox;
    QPushButton *m_exportButton;
    QTableView *m_table;
    QAction *m_exportAction;
};

} // namespace socketlab
