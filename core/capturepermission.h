#pragma once

#include <QCoreApplication>
#include <QString>

namespace socketlab {

// Which way SocketLab may capture packets here, in the order it tries them: its own AF_PACKET
// socket when it holds CAP_NET_RAW (root, or file capabilities: capabilities, not the uid,
// decide); else Wireshark's dumpcap when it is installed and may capture (setuid or file
// capabilities, and this user may run it: on Debian, members of the wireshark group).
// Neither: the lessons (and a session "on this computer only") run in the lab's private
// network (LabNetwork) and capture there, where SocketLab holds CAP_NET_RAW: way() never
// answers PrivateNetwork, a capture started with a network does.
class CapturePermission
{
    Q_DECLARE_TR_FUNCTIONS(CapturePermission)

public:
    enum class Way { PacketSocket, Dumpcap, PrivateNetwork, None };

    static Way way();
    // Whether this process's effective capabilities include CAP_NET_RAW.
    static bool hasNetRaw();
    // dumpcap's path when it may capture for this user, empty otherwise.
    static QString permittedDumpcap();
    // The plain-words message for Way::None: capture is not allowed, and how to allow it on
    // Debian.
    static QString notAllowedText();
};

} // namespace socketlab
