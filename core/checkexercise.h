#pragma once

#include "core/protocol.h"

#include <QString>
#include <QStringList>

namespace socketlab {

// The recipe's exercises socketlab-cli check grades a program against.
enum class Exercise { UdpServer, UdpClient, TcpServer, TcpClient, TcpServerFork, TcpServerThread };

// "udp-server", … as the command line spells them (never translated).
QString exerciseName(Exercise exercise);
bool parseExercise(const QString &text, Exercise *exercise);
QStringList exerciseNames();
bool isServerExercise(Exercise exercise);
Protocol exerciseProtocol(Exercise exercise);

} // namespace socketlab
