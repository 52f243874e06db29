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
#include <QLocale>
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
      m_logBox(new QCheckBox),
      m_exportButton(new QPushButton),
      m_table(new QTableView),
      m_exportAction(new QAction(window))
{
    setObjectName(QStringLiteral("wireDock"));
    m_logBox->setObjectName(QStringLiteral("wireInLog"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                | QDockWidget::DockWidgetClosable);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_captureBox);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_logBox);
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
    connect(session->capture(), &SessionCapture::changed, this, &WireDock::updateStatus);
    connect(session, &LabSession::eventsArrived, this, [this](const SocketEvents &events) {
        const qint64 before = m_model->packets();
        m_model->appendEvents(events);
        if (m_model->packets() != before && m_table->isVisible())
            m_table->scrollToBottom();
    });
    // The spool "Export packets…" copies: every capture of the session writes it as it goes.
    PacketCapture::Options options = session->capture()->baseOptions();
    options.pcapngPath = m_spoolDir.filePath(QStringLiteral("wire.pcapng"));
    options.spool = true;
    session->setCaptureOptions(options);
    m_captureBox->setChecked(CapturePermission::way() != CapturePermission::Way::None);
    m_captureBox->setEnabled(m_captureBox->isChecked());
    retranslateUi();
}

WireDock::~WireDock() = default;

void WireDock::placeBeside(QDockWidget *dock)
{
    m_window->addDockWidget(Qt::BottomDockWidgetArea, this);
    m_window->tabifyDockWidget(dock, this);
    dock->raise();
}

bool WireDock::isCapturing() const
{
    return m_session->capture()->isCapturing();
}

void WireDock::updateCapture()
{
    // Stopping never waits here: dumpcap's last packets are read in the capture's thread.
    if (!m_captureBox->isChecked()) {
        m_session->stopCapture();
    } else if (!m_session->capture()->isWanted()) {
        QString error;
        m_session->startCapture(&error); // the status says why, from the session's capture
    }
    updateStatus();
}

void WireDock::updateStatus()
{
    const SessionCapture *capture = m_session->capture();
    if (CapturePermission::way() == CapturePermission::Way::None) {
        m_status->setText(CapturePermission::notAllowedText());
    } else if (!capture->errorText().isEmpty()) {
        m_status->setText(capture->errorText());
    } else if (isCapturing()) {
        QStringList ports;
        for (quint16 port : capture->ports())
            ports << QString::number(port);
        m_status->setText(ports.size() == 1
                              ? tr("Capturing the packets of port %1.").arg(ports.constFirst())
                              : tr("Capturing the packets of ports %1.")
                                    .arg(QLocale().createSeparatedList(ports)));
    } else if (m_captureBox->isChecked()) {
        m_status->setText(tr("Packets are captured once the server starts or a client connects."));
    } else {
        m_status->setText(tr("Capture is off."));
    }
}

bool WireDock::exportTo(const QString &path, QString *error)
{
    return m_session->capture()->exportTo(path, error);
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
    m_logBox->setText(tr("Also in the log"));
    m_logBox->setToolTip(tr("Adds the packets to the server log too, from now on (hidden "
                            "again when unchecked)"));
    m_exportButton->setText(tr("Export packets..."));
    m_exportAction->setText(tr("Export &packets..."));
    m_exportAction->setToolTip(tr("Saves the captured packets as a pcapng file that Wireshark "
                                  "opens, each with the call that sent it"));
    m_model->retranslate();
    updateStatus();
}

} // namespace socketlab
