#pragma once

#include "core/packetcapture.h"
#include "core/socketevent.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

namespace socketlab {

class EventQueue;

// A LabSession's packet capture (docs/architecture.md): one PacketCapture posting into the
// session's own queue, so packets are numbered and ordered with the calls. It follows the
// ports the session hands it as they appear (a port once captured stays captured until
// stop(), so a connection's last FIN after its server stopped still shows) without a gap:
// the AF_PACKET filter is replaced in place; dumpcap, whose filter is fixed, is started
// anew and the two captures split the time between them, so no packet shows twice. No port
// yet: nothing is captured until one comes. Stopping never waits in the caller's thread
// (dumpcap's grace runs in the capture's own).
class SessionCapture : public QObject
{
    Q_OBJECT

public:
    // Ports captured at most (a class's connections share the server's port: few are needed).
    static constexpr int kMaxPorts = 64;

    explicit SessionCapture(EventQueue *queue, QObject *parent = nullptr);
    ~SessionCapture() override;

    // What every capture of this session starts with (the ports are the session's): the
    // pcapng spool, the network to capture in.
    void setBaseOptions(const PacketCapture::Options &options) { m_base = options; }
    const PacketCapture::Options &baseOptions() const { return m_base; }

    // False with a translated error when capture is not allowed here (notAllowed()) or the
    // source failed; then the session goes on without packets.
    bool start(QString *error);
    // Ends the capture; what it holds still joins the stream, a moment later.
    void stop();
    bool isWanted() const { return m_wanted; }
    // Capturing now (false while wanted but no port is known yet).
    bool isCapturing() const { return m_current && m_current->isRunning(); }
    bool notAllowed() const { return m_notAllowed; }
    QString errorText() const { return m_error; }
    QList<quint16> ports() const { return m_ports; }

    // The session's ports now and whether the server listens beyond the loopback.
    void follow(const QList<quint16> &ports, bool allInterfaces);
    // Every batch the session delivers: the calls the packets are linked to.
    void noteEvents(const SocketEvents &events);
    // Copies the current capture's pcapng spool (base options' pcapngPath with spool).
    bool exportTo(const QString &path, QString *error);

    // Captures told to end still pass on what they hold.
    bool isStopping() const { return !m_retired.empty(); }

    // Exact totals of every capture since start(): what they saw, and what the kernel
    // dropped before they could (their socket buffer full).
    qint64 packets() const;
    qint64 bytes() const;
    qint64 kernelDrops() const;

signals:
    // Started, stopped, failed, or its ports changed.
    void changed();

private:
    // Starts a capture of m_ports taking over from the current one (if any).
    bool startCapture(QString *error);
    void retire(std::unique_ptr<PacketCapture> capture, bool skipGrace);
    void reapRetired();
    qint64 sum(qint64 (PacketCapture::*count)() const) const;

    EventQueue *m_queue;
    PacketCapture::Options m_base;
    std::unique_ptr<PacketCapture> m_current;
    // Captures told to end that still post what they hold; reaped once ended.
    std::vector<std::unique_ptr<PacketCapture>> m_retired;
    QTimer m_reaper;
    QList<quint16> m_ports;
    bool m_allInterfaces = false;
    bool m_wanted = false;
    bool m_notAllowed = false;
    QString m_error;
    // Of the captures since start() that ended.
    qint64 m_packetsBefore = 0;
    qint64 m_bytesBefore = 0;
    qint64 m_dropsBefore = 0;
    int m_spools = 0;
};

} // namespace socketlab
