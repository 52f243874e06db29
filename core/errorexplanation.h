#pragma once

#include "core/socketevent.h"
#include "core/socketstatereader.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace socketlab {

// "Why did that fail?": the one place that turns a failed call (its errno, its address
// arguments, the protocol and the side that made it) into plain words naming what happened on
// the wire and the errno, in the chosen language. ErrorText gives the system's short reason;
// this says what it means for a class. Made when shown, from the event's own fields, so a
// language switch says it again in the new language.
class ErrorExplanation
{
    Q_DECLARE_TR_FUNCTIONS(ErrorExplanation)

public:
    // For an error event; empty for other events. Asks the kernel for the sockets on the
    // port the call named when the case needs them (address in use: who holds the port;
    // refused: whether a server listens there at another address).
    static QString explain(const SocketEvent &event);
    // The same with the kernel's sockets on that port given (tests, or a caller that has them).
    static QString explain(const SocketEvent &event, const QList<SocketSnapshot> &portSockets);
    // The same in one short sentence, for a headline or a client pane: "Port 5000 is taken by
    // another program — choose another port", "Nothing listens at 127.0.0.1:5000 — …".
    static QString headline(const SocketEvent &event);
    static QString headline(const SocketEvent &event, const QList<SocketSnapshot> &portSockets);
    // Information, not an error: a server bound to a loopback address (127.0.0.1, ::1) that
    // students on other machines cannot reach; empty for any other address.
    static QString loopbackHint(const QString &local);
    // An unconnected UDP socket reads 0.0.0.0:port: the kernel picks the source address per
    // datagram. source: the address the kernel uses towards the server (sourceTowards());
    // empty for an address that is not a wildcard. brief: one line for a narrow pane.
    static QString wildcardSourceNote(const QString &local, const QString &source,
                                      bool brief = false);
    // The address the kernel would send from towards peer ("127.0.0.1:5000"), with the port of
    // local: what connect() on a UDP socket would fix. Sends nothing (a throwaway UDP socket's
    // connect() only asks the routing table). Empty when it cannot tell.
    static QString sourceTowards(const QString &peer, const QString &local);
    // The kernel's sockets on the port the failed call named, when its explanation looks at
    // them (address in use, refused); empty otherwise. For a view that keeps what the kernel
    // said at the moment of the failure.
    static QList<SocketSnapshot> kernelSockets(const SocketEvent &event);
    // "ECONNREFUSED"; empty for 0.
    static QString errnoName(int errnum);
    // "127.0.0.1" and 5000 from "127.0.0.1:5000", "::1" from "[::1]:5000", the host alone
    // when there is no port ("fd 5" gives false).
    static bool splitAddress(const QString &text, QString *host, quint16 *port);

private:
    static QString body(const SocketEvent &event, const QList<SocketSnapshot> &portSockets);
    static QString refused(const SocketEvent &event, const QList<SocketSnapshot> &portSockets);
    static QString addressInUse(const SocketEvent &event, const QList<SocketSnapshot> &portSockets);
    static QString resolverFailed(const SocketEvent &event);
    static bool needsKernel(const SocketEvent &event);
};

} // namespace socketlab
