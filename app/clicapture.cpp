#include "app/clicapture.h"

namespace socketlab {

bool CliCapture::start(EventQueue *queue, const QString &path, const QList<quint16> &ports,
                       bool allInterfaces, QString *error)
{
    auto capture = std::make_unique<PacketCapture>(queue);
    PacketCapture::Options options;
    options.ports = ports;
    options.allInterfaces = allInterfaces;
    options.pcapngPath = path;
    if (!capture->start(options, error))
        return false;
    m_capture = std::move(capture);
    return true;
}

void CliCapture::note(const SocketEvents &events)
{
    if (m_capture)
        m_capture->noteEvents(events);
}

bool CliCapture::stop(QString *error)
{
    if (!m_capture || !m_capture->isRunning())
        return true;
    QString reason;
    const bool written = m_capture->stop(&reason);
    // Counts stay exact only for what was captured: a kernel that dropped frames is said.
    if (written && m_capture->kernelDrops() > 0) {
        reason = tr("The capture missed %1 packets: the kernel dropped them while SocketLab "
                    "could not keep up (the file and the packet events lack them).")
                     .arg(m_capture->kernelDrops());
    }
    if (error)
        *error = reason;
    return written && m_capture->kernelDrops() == 0;
}

} // namespace socketlab
