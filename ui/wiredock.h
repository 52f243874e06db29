#pragma once

#include "core/eventqueue.h"
#include "core/packetcapture.h"

#include <QDockWidget>
#include <QTemporaryDir>

#include <memory>

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
// sequence, each with the call that sent it, and "Export packets…" to a pcapng file. It
// captures the server's port while "Capture packets" is on and the server runs (restarted
// when the server starts on another port), into its own queue, so the log and the sequence
// view stay as they are. When capture is not allowed here it says so, and how to allow it.
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
    bool isCapturing() const { return m_capture && m_capture->isRunning(); }
    bool exportTo(const QString &path, QString *error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateCapture();
    void stopCapture();
    void exportPackets();
    void updateStatus();

    LabSession *m_session;
    QMainWindow *m_window;
    EventQueue m_queue;
    std::unique_ptr<PacketCapture> m_capture;
    QTemporaryDir m_spoolDir;
    quint16 m_capturedPort = 0;
    QString m_error;
    PacketListModel *m_model;
    QLabel *m_status;
    QCheckBox *m_captureBox;
    QPushButton *m_exportButton;
    QTableView *m_table;
    QAction *m_exportAction;
};

} // namespace socketlab
