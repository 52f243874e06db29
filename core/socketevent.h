#pragma once

#include "core/packetinfo.h"
#include "core/protocol.h"
#include "core/syscall.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVector>

namespace socketlab {

enum class EventKind {
    Listening,
    Connected,
    Data,
    Disconnected,
    Sent,
    Received,
    Error,
    Call,
    HandlerExited,
    // Data, sent or received events (and calls) merged into one because the reader lagged.
    Coalesced,
    Summary,
    // ServerConfig::sharedCounter: a handler incremented its counter; result = the new value.
    CounterIncremented,
    // The kernel's TCP state of one of the lab's sockets changed (SocketStateSampler): from
    // previousState to socketState (SocketState values; Close when it appeared or went away);
    // result = its inode (0: accepted by nobody yet, or a TIME_WAIT left after close()).
    State,
    // A traced program's process or thread started, forked, exited, became a zombie or was
    // reaped (processChange; Tracer).
    Process,
    // A packet the capture saw on the wire (PacketCapture): `packet` holds what it carried.
    Packet,
};

// What a Process event says about pid (and tid for a thread).
enum class ProcessChange { Started, Forked, Thread, Exited, Zombie, Reaped };

enum class HandlerKind { Main, Thread, Process };
// How a State event's socket moved: from one state to another, or seen for the first time
// (previousState then reads Close, as the JSON's `from` says), or gone (socketState Close).
// Views say "appeared in ESTABLISHED" and "went away from TIME_WAIT": there is no CLOSE before.
enum class StateChange : quint8 { Moved, Appeared, WentAway };
enum class Role { Server, Client };

// One thing that happened on a socket, as a plain value: workers create them in any thread
// and the GUI, the CLI and the tests all read the same stream.
struct SocketEvent
{
    SocketEvent() = default;
    // Stamps the current time, process id and Linux thread id.
    SocketEvent(EventKind kind, Role role);
    // Sets endUs and the time that shows it.
    void setEndUs(qint64 us);

    QDateTime time; // endUs, to the millisecond
    // Microseconds since the epoch (nowUs(), one clock for threads and forked children):
    // when it happened (a call: when it returned), and for a call when it was entered.
    qint64 endUs = 0;
    qint64 beginUs = 0;
    // An event that comes from a call (data from recv, connected from connect or accept):
    // the moment that call took effect (see causalTimeUs); 0 when it comes from none.
    qint64 causeUs = 0;
    EventKind kind = EventKind::Call;
    Role role = Role::Server;
    HandlerKind handler = HandlerKind::Main;
    Protocol protocol = Protocol::Tcp;
    Concurrency concurrency = Concurrency::Thread;
    qint64 pid = 0;
    qint64 tid = 0;
    // Groups the events of one connection (TCP) or one sender (UDP) or one client pane.
    quint64 connectionId = 0;
    QString peer;
    QString local;
    QByteArray payload; // may be shorter than bytes for very large chunks
    qint64 bytes = 0;
    // Call and error events; data, sent and received events: the call that moved the bytes
    // (trafficCall(): recv or recvfrom, send or sendto).
    SysCall call = SysCall::None;
    QString args;
    qint64 result = 0;
    int errnum = 0;
    int step = 0; // the recipe's step number (recipeStep), 0 when the call is not one of them
    QString message;
    // Summary events; messages and bytes also count what a Coalesced event stands for.
    qint64 connections = 0;
    qint64 messages = 0;
    // Coalesced events: the kind of traffic merged (Data, Sent or Received; Call when it
    // stands for calls and other events left out), and how many of those were left out.
    EventKind mergedKind = EventKind::Data;
    qint64 skipped = 0;
    qint64 killed = 0; // fork mode: children a signal ended (at stop or from outside)
    qint64 incomplete = 0; // fork mode: children that ended before their last report
    qint64 dropped = 0; // UDP summary: datagrams the kernel dropped (receive buffer full)
    // UDP data or received events: the datagram was longer than the buffer (recvfrom with
    // MSG_TRUNC): bytes is its real size, keptBytes what the buffer held; the rest is lost.
    bool truncated = false;
    qint64 keptBytes = 0;
    qint64 truncatedDatagrams = 0; // UDP summary: how many datagrams were truncated
    int socketState = 0; // State events: the new SocketState
    int previousState = 0; // State events: the SocketState before
    StateChange stateChange = StateChange::Moved; // State events
    // Stamped by a LabSession as the event passes: its place in the session's one order
    // (from 1; 0 outside a session) and the session client it belongs to (a client's own
    // events, or a server event whose peer is that client); 0 for a student's.
    quint64 sequence = 0;
    int clientId = 0;
    // Stamped by a LabSession on a client's "connection reset" error: the client was connected
    // to the session's server, which never accepted it (it waited in the backlog) and stopped.
    bool resetInBacklog = false;

    // Events of a program run under the Tracer (the window's "Run a program…", socketlab-cli
    // trace) rather than of the lab's own server and clients.
    bool traced = false;
    // Process events: what happened, the parent (forked), the program (started), and how it
    // ended (exited: exitCode, or exitSignal when a signal killed it).
    ProcessChange processChange = ProcessChange::Started;
    qint64 parentPid = 0;
    QString program;
    int exitCode = 0;
    int exitSignal = 0;
    // A traced program's Summary: exact totals, and its exit status as a shell gives it.
    qint64 calls = 0;
    qint64 processes = 0;
    qint64 threads = 0;
    qint64 zombies = 0;
    int exitStatus = 0;

    // Packet events: the decoded packet and the call that caused it.
    PacketInfo packet;

    bool isStudent() const { return clientId == 0; }
};

using SocketEvents = QVector<SocketEvent>;

QString eventKindName(EventKind kind);
// The call that moves a data, sent or received event's bytes, as the recipe's programs make
// it: TCP recv()/send(), UDP recvfrom()/sendto(); None for other kinds.
SysCall trafficCall(EventKind kind, Protocol protocol);
QString handlerKindName(HandlerKind handler);
// "started", "forked", "thread", "exited", "zombie", "reaped" (the JSON contract's `what`).
QString processChangeName(ProcessChange change);
qint64 currentThreadId();

// Payload kept in an event, at most; bytes always holds the true size. Views show at most
// the first 4096 bytes (PayloadText::kShownBytes); the rest only lets them tell a UTF-8
// character cut at the limit from an invalid one. Small, so a capped log stays small.
constexpr int kMaxEventPayload = 4096 + 4;

} // namespace socketlab

Q_DECLARE_METATYPE(socketlab::SocketEvent)
Q_DECLARE_METATYPE(socketlab::SocketEvents)
