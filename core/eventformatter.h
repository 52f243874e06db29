#pragma once

#include "core/payloadtext.h"
#include "core/socketevent.h"

#include <QCoreApplication>
#include <QString>

namespace socketlab {

// Human-readable, translated text for events: the CLI's lines, the GUI's log and call trace.
// Made when shown, so a language switch re-renders everything consistently.
class EventFormatter
{
    Q_DECLARE_TR_FUNCTIONS(EventFormatter)

public:
    // "Connected by 127.0.0.1:53422 (pid 4242)"
    static QString describe(const SocketEvent &event);
    // describe() and, for an error, why it failed in plain words (ErrorExplanation):
    // "connect(127.0.0.1:5000) failed: Connection refused — the port is closed. …"
    static QString explained(const SocketEvent &event);
    // The same with the explanation already made (from what the kernel said at the time).
    static QString explained(const SocketEvent &event, const QString &why);
    // "12:00:01.234  " + explained(), local time.
    static QString line(const SocketEvent &event);
    // An explanation without its opening "Address in use: " (the error's name once more).
    static QString withoutLabel(const QString &why);
    static QString timeOfDay(const SocketEvent &event);
    // "[3] socket(AF_INET, SOCK_STREAM, 6) -> fd 5"
    static QString callText(const SocketEvent &event);
    // A traced program's call: "server pid 4242: [5] accept(fd 3) -> fd 4 from …".
    static QString tracedCallText(const SocketEvent &event);
    // A Process event: "Process 4250 is a zombie: …".
    static QString processText(const SocketEvent &event);
    // "fd 5", "5 bytes", "-1 (Connection refused)"
    static QString resultText(const SocketEvent &event);
    // "pid 4242", "pid 4242, thread 4243", "child pid 4250"
    static QString handlerText(const SocketEvent &event);
    // For narrow table columns: "pid 4242", "thread 4243", "child 4250".
    static QString shortHandlerText(const SocketEvent &event);
    // The system's reason for an error or failed call event, translated.
    static QString reasonText(const SocketEvent &event);
    // "1 byte", "1,024 bytes" in the current locale.
    static QString byteCount(qint64 bytes);
    // An event's payload on one line: the text (PayloadText::toDisplay, up to maxBytes) or,
    // when it is not mostly text (PayloadText::isBinary), "binary, 300 bytes".
    static QString payloadText(const SocketEvent &event, int maxBytes = PayloadText::kShownBytes);
    // For a truncated datagram (SocketEvent::truncated): its real size, what the buffer held
    // and that the rest is lost; empty otherwise.
    static QString truncationText(const SocketEvent &event);
    // "127.0.0.1:5000: 1,234 messages (1,263,616 bytes) merged into this line: …"
    static QString coalescedText(const SocketEvent &event);
    // A State event: "ESTABLISHED → CLOSE_WAIT", and the whole sentence with both ends.
    static QString stateChangeText(const SocketEvent &event);
    static QString stateText(const SocketEvent &event);
    // A Packet event: "Packet 127.0.0.1:53422 → 127.0.0.1:5000 SYN seq 0 ack 0 len 0 win 65495,
    // sent by connect() (pid 4242)".
    static QString packetText(const SocketEvent &event);
    // Who a server event's peer is: its address, or "Student 192.0.2.15:51000" for a peer that
    // is none of the session's clients (a session stamped it: sequence set, clientId 0).
    static QString peerText(const SocketEvent &event);
    static QString modeText(Protocol protocol, Concurrency concurrency);
};

} // namespace socketlab
