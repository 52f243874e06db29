#pragma once

#include "core/packetcapture.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace socketlab {

class EventQueue;

// --capture FILE.pcapng for server, client and trace: captures the lab's packets into the
// runner's queue (they print as `packet` events) and into the file, written whole at stop.
class CliCapture
{
    Q_DECLARE_TR_FUNCTIONS(CliCapture)

public:
    bool isActive() const { return m_capture != nullptr; }
    // False with the message to print (then exit 1): capture not allowed here (and how to
    // allow it), the file not writable, the capture not startable.
    bool start(EventQueue *queue, const QString &path, const QList<quint16> &ports,
               bool allInterfaces, QString *error);
    // Every batch the runner delivers, before printing it: the calls packets are linked to.
    void note(const SocketEvents &events);
    // Ends the capture; its last packets are posted to the queue. False with what to say when
    // the file could not be written or the kernel dropped packets the capture missed.
    bool stop(QString *error);

private:
    std::unique_ptr<PacketCapture> m_capture;
};

} // namespace socketlab
