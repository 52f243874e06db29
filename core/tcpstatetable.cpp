#include "core/tcpstatetable.h"

#include "core/endpoint.h"

#include <QFile>
#include <QList>

namespace socketlab {

int TcpStateTable::countIn(const QByteArray &table, quint16 localPort, int state)
{
    int found = 0;
    const QList<QByteArray> lines = table.split('\n');
    for (int i = 1; i < lines.size(); ++i) { // line 0 is the header
        const QList<QByteArray> fields = lines[i].simplified().split(' ');
        if (fields.size() < 4)
            continue;
        const Endpoint local = Endpoint::fromProcNet(fields[1]);
        bool stateOk = false;
        const int st = fields[3].toInt(&stateOk, 16);
        if (local.isValid() && stateOk && local.port() == localPort && st == state)
            ++found;
    }
    return found;
}

int TcpStateTable::count(quint16 localPort, int state, qint64 networkHelper)
{
    int found = 0;
    const QString folder = networkHelper > 0 ? QStringLiteral("/proc/%1/net/").arg(networkHelper)
                                             : QStringLiteral("/proc/net/");
    for (const char *name : {"tcp", "tcp6"}) {
        QFile file(folder + QLatin1String(name));
        if (file.open(QIODevice::ReadOnly))
            found += countIn(file.readAll(), localPort, state);
    }
    return found;
}

} // namespace socketlab
