#include "ui/wiredock.h"

#include "core/labsession.h"
#include "ui/packetlistmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace socketlab {

WireDock::WireDock(LabSession *session, QMainWindow *window)
    : QDockWidget(window),
      m_session(session),
      m_window(window),
      m_model(new PacketListModel(this)),
      m_status(new QLabel),
      m_captureBox(new QCheckBox),
      m_exportButton(new QPushButton),
      m_table(new QTableView),
      m_exportAction(new QAction(window))
{
    setObjectName(QStringLiteral("wireDock"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                | QDockWidget::DockWidgetClosable);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_captureBox);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_exportButton);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    setWidget(content);
    // What came from the network stays plain text.
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_exportAction->setObjectName(QStringLiteral("exportPackets"));
    connect(m_exportAction, &QAction::triggered, this, &WireDock::exportPackets);
    connect(m_exportButton, &QPushButton::clicked, this, &WireDock::exportPackets);
    connect(m_captureBox, &QCheckBox::toggled, this, &WireDock::updateCapture);
    connect(session->server(), &Server::started, this, &WireDock::updateCapture);
    connect(session, &LabSession::eventsArrived, this, [this](const SocketEvents &events) {
        if (m_capture)
            m_capture->noteEvents(events);
    });
    connect(&m_queue, &EventQueue::eventsArrived, this, [this](const SocketEvents &events) {
        m_model->appendEvents(events);
        if (m_table->isVisible())
            m_table->scrollToBottom();
    });
    m_captureBox->setChecked(CapturePermission::way() != CapturePermission::Way::None);
    m_captureBox->setEnabled(m_captureBox->isChecked());
    retranslateUi();
}

WireDock::~WireDock()
{
    m_queue.blockSignals(true);
    stopCapture();
}

void WireDock::placeBeside(QDockWidget *dock)
{
    m_window->addDockWidget(Qt::BottomDockWidgetArea, this);
    m_window->tabifyDockWidget(dock, this);
    dock->raise();
}

void WireDock::stopCapture()
{
    if (!m_capture)
        return;
    m_capture->stop();
    m_queue.flush();
}

void WireDock::updateCapture()
{
    const Server *server = m_session->server();
    const bool wanted = m_captureBox->isChecked() && server->isRunning();
    if (!wanted) {
        if (!m_captureBox->isChecked())
            stopCapture();
        updateStatus();
        return;
    }
    if (isCapturing() && server->localPort() == m_capturedPort)
        return;
    stopCapture();
    m_capture = std::make_unique<PacketCapture>(&m_queue);
    PacketCapture::Options options;
    options.ports = {server->localPort()};
    const QString bind = server->config().bindAddress;
    options.allInterfaces = !bind.startsWith(QLatin1String("127.")) && bind != QLatin1String("::1");
    options.pcapngPath = m_spoolDir.filePath(QStringLiteral("wire.pcapng"));
    options.spool = true;
    m_error.clear();
    if (m_capture->start(options, &m_error))
        m_capturedPort = server->localPort();
    else
        m_capture.reset();
    updateStatus();
}

void WireDock::updateStatus()
{
    if (CapturePermission::way() == CapturePermission::Way::None)
        m_status->setText(CapturePermission::notAllowedText());
    else if (!m_error.isEmpty())
        m_status->setText(m_error);
    else if (isCapturing())
        m_status->setText(tr("Capturing the packets of port %1.").arg(m_capturedPort));
    else if (m_captureBox->isChecked())
        m_status->setText(tr("Packets are captured while the server runs."));
    else
        m_status->setText(tr("Capture is off."));
}

bool WireDock::exportTo(const QString &path, QString *error)
{
    if (!m_capture) {
        *error = tr("No packets were captured yet.");
        return false;
    }
    return m_capture->exportTo(path, error);
}

void WireDock::exportPackets()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export packets"),
                                                      QStringLiteral("socketlab.pcapng"),
                                                      tr("pcapng files (*.pcapng)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(m_window, tr("Export packets"), error);
}

void WireDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDockWidget::changeEvent(event);
}

void WireDock::retranslateUi()
{
    setWindowTitle(tr("Wire"));
    m_captureBox->setText(tr("Capture packets"));
    m_exportButton->setText(tr("Export packets..."));
    m_exportAction->setText(tr("Export &packets..."));
    m_exportAction->setToolTip(tr("Saves the captured packets as a pcapng file that Wireshark "
                                  "opens, each with the call that sent it"));
    m_model->retranslate();
    updateStatus();
}

} // namespace socketlab
