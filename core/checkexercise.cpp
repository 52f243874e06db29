#include "core/checkexercise.h"

namespace socketlab {

namespace {
struct Named
{
    Exercise exercise;
    const char *name;
};
constexpr Named kExercises[] = {
    {Exercise::UdpServer, "udp-server"},          {Exercise::UdpClient, "udp-client"},
    {Exercise::TcpServer, "tcp-server"},          {Exercise::TcpClient, "tcp-client"},
    {Exercise::TcpServerFork, "tcp-server-fork"}, {Exercise::TcpServerThread, "tcp-server-thread"},
};
} // namespace

QString exerciseName(Exercise exercise)
{
    for (const Named &named : kExercises) {
        if (named.exercise == exercise)
            return QLatin1String(named.name);
    }
    return QString();
}

bool parseExercise(const QString &text, Exercise *exercise)
{
    for (const Named &named : kExercises) {
        if (text == QLatin1String(named.name)) {
            *exercise = named.exercise;
            return true;
        }
    }
    return false;
}

QStringList exerciseNames()
{
    QStringList names;
    for (const Named &named : kExercises)
        names << QLatin1String(named.name);
    return names;
}

bool isServerExercise(Exercise exercise)
{
    return exercise != Exercise::UdpClient && exercise != Exercise::TcpClient;
}

Protocol exerciseProtocol(Exercise exercise)
{
    return exercise == Exercise::UdpServer || exercise == Exercise::UdpClient ? Protocol::Udp
                                                                              : Protocol::Tcp;
}

} // namespace socketlab
