#include "core/sessioncapture.h"

#include "core/callclock.h"

namespace socketlab {

namespace {
constexpr int kReapMs = 50;
} // namespace

SessionCapture::SessionCapture(EventQueue *queue, QObject *parent)
    : QObject(parent),
      m_queue(queue)
{
    m_reaper.setInterval(kReapMs);
    connect(&m_reaper, &QTimer::timeout, this, &SessionCapture::reapRetired);
}

SessionCapture::~SessionCapture()
{
    // The session is going: what the captures still hold has nobody to show it to.
    if (m_current)
        m_current->requestStop(true);
    for (auto &capture : m_retired)
        capture->requestStop(true);
    m_current.reset();
    m_retired.clear();
}

bool SessionCapture::start(QString *error)
{
    m_wanted = true;
    m_notAllowed = false;
    m_error.clear();
    if (m_retired.empty())
        m_packetsBefore = m_bytesBefore = m_dropsBefore = 0;
    // In the lab's private network the capture is the network's own (it may capture there).
    if (!m_base.network && CapturePermission::way() == CapturePermission::Way::None) {
        m_notAllowed = true;
        m_wanted = false;
        m_error = CapturePermission::notAllowedText();
        *error = m_error;
        emit changed();
        return false;
    }
    const bool started = m_ports.isEmpty() || m_current || startCapture(error);
    emit changed();
    return started;
}

void SessionCapture::stop()
{
    m_wanted = false;
    if (m_current)
        retire(std::move(m_current), false);
    m_ports.clear();
    m_allInterfaces = false;
    emit changed();
}

void SessionCapture::follow(const QList<quint16> &ports, bool allInterfaces)
{
    if (!m_wanted)
        return;
    bool added = false;
    for (quint16 port : ports) {
        if (port != 0 && !m_ports.contains(port) && m_ports.size() < kMaxPorts) {
            m_ports << port;
            added = true;
        }
    }
    const bool wider = allInterfaces && !m_allInterfaces;
    m_allInterfaces = m_allInterfaces || allInterfaces;
    // Nothing new: keep the capture, or (it failed) do not try again at every batch.
    if (!added && !wider && (m_current || !m_error.isEmpty()))
        return;
    if (m_ports.isEmpty())
        return;
    QString error;
    // Same interfaces: the filter changes in place (AF_PACKET); otherwise a new capture.
    if (m_current && !wider && m_current->setPorts(m_ports)) {
        emit changed();
        return;
    }
    if (!startCapture(&error))
        m_error = error;
    emit changed();
}

bool SessionCapture::startCapture(QString *error)
{
    auto capture = std::make_unique<PacketCapture>(m_queue);
    PacketCapture::Options options = m_base;
    options.ports = m_ports;
    // A capture taking over writes a spool of its own: the one it replaces may still write.
    if (m_current && options.spool && !options.pcapngPath.isEmpty())
        options.pcapngPath += QStringLiteral(".%1").arg(++m_spools);
    options.allInterfaces = m_base.allInterfaces || m_allInterfaces;
    if (!capture->start(options, error)) {
        m_notAllowed = capture->notAllowed();
        m_error = *error;
        return false;
    }
    m_error.clear();
    if (m_current) {
        // From now on the new one shows the packets; the old one ends with what came before.
        const qint64 now = nowUs();
        capture->setTimeBounds(now, 0);
        m_current->setTimeBounds(0, now);
        retire(std::move(m_current), false);
    }
    m_current = std::move(capture);
    return true;
}

void SessionCapture::retire(std::unique_ptr<PacketCapture> capture, bool skipGrace)
{
    capture->requestStop(skipGrace);
    m_retired.push_back(std::move(capture));
    m_reaper.start();
}

void SessionCapture::reapRetired()
{
    for (auto it = m_retired.begin(); it != m_retired.end();) {
        if ((*it)->isFinished()) {
            (*it)->stop(); // the thread ended: joins and commits at once
            m_packetsBefore += (*it)->packets();
            m_bytesBefore += (*it)->bytes();
            m_dropsBefore += (*it)->kernelDrops();
            it = m_retired.erase(it);
        } else {
            ++it;
        }
    }
    if (m_retired.empty())
        m_reaper.stop();
}

void SessionCapture::noteEvents(const SocketEvents &events)
{
    if (m_current)
        m_current->noteEvents(events);
    for (auto &capture : m_retired)
        capture->noteEvents(events);
}

bool SessionCapture::exportTo(const QString &path, QString *error)
{
    if (!m_current) {
        *error = PacketCapture::tr("No packets were captured yet.");
        return false;
    }
    return m_current->exportTo(path, error);
}

qint64 SessionCapture::sum(qint64 (PacketCapture::*count)() const) const
{
    qint64 total = m_current ? ((*m_current).*count)() : 0;
    for (const auto &capture : m_retired)
        total += ((*capture).*count)();
    return total;
}

qint64 SessionCapture::packets() const
{
    return m_packetsBefore + sum(&PacketCapture::packets);
}

qint64 SessionCapture::bytes() const
{
    return m_bytesBefore + sum(&PacketCapture::bytes);
}

qint64 SessionCapture::kernelDrops() const
{
    return m_dropsBefore + sum(&PacketCapture::kernelDrops);
}

} // namespace socketlab
