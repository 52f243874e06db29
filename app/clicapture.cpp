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
    if (!written && error)
        *error = reason;
    return written;
}

} // namespace socketlab
