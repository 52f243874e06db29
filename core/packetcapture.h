#pragma once

#include "core/capturepermission.h"
#include "core/fd.h"
#include "core/labnetwork.h"
#include "core/packetdecoder.h"
#include "core/packetlinker.h"
#include "core/pcapngwriter.h"
#include "core/wakesignal.h"

#include <QCoreApplication>
#include <QList>
#include <QMutex>
#include <QString>

#include <QThread>
#include <atomic>
#include <deque>
#include <memory>

#include <sys/types.h>

namespace socketlab {

class EventQueue;
class PcapngReader;

// Captures the lab's packets off the GUI thread and turns them into Packet events in the
// lab's queue (coalesced under a flood like data events, so memory stays bounded) and,
// when asked, into a pcapng file. The way is CapturePermission's: an AF_PACKET socket with a
// classic BPF filter for the lab's ports (the kernel drops everything else), or dumpcap's
// pcapng read from its standard output, or an AF_PACKET socket made in the lab's private
// network (Options::network). One poll() loop over the source and a wake
// descriptor, so stop() is prompt.
//
// A packet is held back for kHoldUs before it is linked to its call (PacketLinker) and
// handed on: a connect()'s call event only exists once connect() returned, after its SYN.
// At most kMaxHeld packets wait; past that the oldest go on without waiting.
class PacketCapture
{
    Q_DECLARE_TR_FUNCTIONS(PacketCapture)

public:
    struct Options
    {
        // The lab's ports (empty: every TCP/UDP port, for a traced program's unknown ones).
        QList<quint16> ports;
        // The server is open to the classroom: every interface, not only the loopback.
        bool allInterfaces = false;
        // Where to write the pcapng file (empty: none).
        QString pcapngPath;
        // The file is a spool written as packets come (exportTo() copies it), not one that
        // appears whole at stop.
        bool spool = false;
        // The lab's private network, when the lab's sockets live there: its own AF_PACKET
        // socket on its loopback captures them, whatever this user may do outside.
        std::shared_ptr<LabNetwork> network;
    };
    static constexpr qint64 kHoldUs = 200 * 1000;
    static constexpr int kMaxHeld = 2048;
    // libpcap hands dumpcap the packets in blocks retired every 250 ms, and dumpcap leaves
    // the last block unread when told to end: it gets this long to pass it on.
    static constexpr int kDumpcapFlushMs = 400;

    explicit PacketCapture(EventQueue *queue);
    ~PacketCapture();
    PacketCapture(const PacketCapture &) = delete;
    PacketCapture &operator=(const PacketCapture &) = delete;

    // False with a translated error: capture not allowed here (notAllowed(), and the message
    // says how to allow it), the file cannot be written, or the source failed.
    bool start(const Options &options, QString *error);
    bool notAllowed() const { return m_notAllowed; }
    CapturePermission::Way way() const { return m_way; }
    bool isRunning() const { return m_thread != nullptr; }
    // Ends the capture: what is held is linked and posted, the file committed. False (with
    // the reason) when the file could not be written. Waits for dumpcap's last packets
    // (kDumpcapFlushMs) unless requestStop() was asked to skip them.
    bool stop(QString *error = nullptr);
    // Asks the capture to end without waiting for it: the capture thread gives dumpcap its
    // grace (unless skipGrace), posts what it holds and ends; isFinished() then says so and
    // stop() returns at once. For a window, whose thread must not wait.
    void requestStop(bool skipGrace = false);
    bool isFinished() const { return m_thread == nullptr || m_thread->isFinished(); }
    // Follows new ports without a gap: the AF_PACKET socket's filter is replaced in place.
    // False for dumpcap, whose filter is fixed when it starts: start another capture then.
    bool setPorts(const QList<quint16> &ports);
    // Packets captured outside [fromUs, untilUs) are left out (0: no bound), so a capture
    // that takes over from another (new ports for dumpcap, another interface) shows none twice.
    void setTimeBounds(qint64 fromUs, qint64 untilUs);
    // Copies what the pcapng file holds so far to path, atomically; from any thread.
    bool exportTo(const QString &path, QString *error);
    // The calls of the stream, for linking: the consumer hands over every batch it delivers.
    void noteEvents(const SocketEvents &events) { m_linker.noteCalls(events); }

    // Whether an ICMP unreachable answers a datagram of these ports (what it quotes), so
    // another program's on the same machine is left out; true for TCP and UDP.
    static bool answersPorts(const PacketInfo &info, const QList<quint16> &ports);

    // Exact totals, read from any thread.
    qint64 packets() const { return m_packets.load(); }
    qint64 bytes() const { return m_bytes.load(); }
    // Frames the kernel dropped because the capture socket's buffer was full.
    qint64 kernelDrops() const { return m_kernelDrops.load(); }

private:
    struct Held
    {
        PacketInfo info;
        qint64 timeUs = 0;
        int interfaceKey = 0;
        int linkType = 0;
        int originalSize = 0;
        QByteArray frame;
    };
    bool openPacketSocket(const Options &options, QString *error);
    bool startDumpcap(const QString &dumpcap, const Options &options, QString *error);
    void run();
    void readPacketSocket();
    // False at the end of dumpcap's output.
    bool readDumpcap();
    void take(int interfaceKey, int linkType, qint64 timeUs, const uchar *frame, int size,
              int originalSize);
    void release(qint64 nowUs, bool all);
    void endDumpcap();
    QString interfaceName(int interfaceKey) const;

    EventQueue *m_queue;
    CapturePermission::Way m_way = CapturePermission::Way::None;
    bool m_notAllowed = false;
    Fd m_source;
    pid_t m_dumpcapPid = -1;
    WakeSignal m_stop;
    std::unique_ptr<QThread> m_thread;
    PacketDecoder m_decoder;
    PacketLinker m_linker;
    QMutex m_portsMutex; // setPorts() in the owner's thread, take() in the capture thread
    QList<quint16> m_ports; // the lab's ports; empty: every port
    std::atomic<qint64> m_fromUs {0};
    std::atomic<qint64> m_untilUs {0};
    std::atomic<bool> m_skipGrace {false};
    bool m_stopRequested = false;
    PcapngWriter m_writer;
    QMutex m_writerMutex; // the capture thread writes, exportTo() copies
    QString m_pcapngPath;
    std::unique_ptr<PcapngReader> m_reader;
    std::deque<Held> m_held;
    std::atomic<qint64> m_packets {0};
    std::atomic<qint64> m_bytes {0};
    std::atomic<qint64> m_kernelDrops {0};
    QByteArray m_buffer;
    int m_loopbackIndex = 0;
};

} // namespace socketlab
