#include "core/eventjsonreader.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace socketlab {

namespace {

SysCall callNamed(const QString &name)
{
    for (int i = int(SysCall::None) + 1; i <= int(SysCall::Getpeername); ++i) {
        if (sysCallName(SysCall(i)) == name)
            return SysCall(i);
    }
    return SysCall::None;
}

bool processChangeNamed(const QString &name, ProcessChange *change)
{
    for (ProcessChange candidate :
         {ProcessChange::Started, ProcessChange::Forked, ProcessChange::Thread,
          ProcessChange::Exited, ProcessChange::Zombie, ProcessChange::Reaped}) {
        if (processChangeName(candidate) == name) {
            *change = candidate;
            return true;
        }
    }
    return false;
}

} // namespace

QByteArray EventJsonReader::payloadFromText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray bytes;
    bytes.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8.at(i) == '\\' && i + 1 < utf8.size()) {
            if (utf8.at(i + 1) == '\\') {
                bytes += '\\';
                ++i;
                continue;
            }
            bool ok = false;
            const int value = utf8.mid(i + 2, 2).toInt(&ok, 16);
            if (utf8.at(i + 1) == 'x' && i + 3 < utf8.size() && ok) {
                bytes += char(value);
                i += 3;
                continue;
            }
        }
        bytes += utf8.at(i);
    }
    return bytes;
}

bool EventJsonReader::fromLine(const QByteArray &line, SocketEvent *event)
{
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    const QString kind = object.value(QLatin1String("event")).toString();
    SocketEvent read;
    if (kind == eventKindName(EventKind::Call)) {
        read.kind = EventKind::Call;
        read.call = callNamed(object.value(QLatin1String("call")).toString());
        read.args = object.value(QLatin1String("args")).toString();
        read.result = object.value(QLatin1String("result")).toInteger();
        read.errnum = object.value(QLatin1String("errno")).toInt();
        read.step = object.value(QLatin1String("step")).toInt();
        read.role = object.value(QLatin1String("role")).toString() == QLatin1String("client")
            ? Role::Client
            : Role::Server;
        read.bytes = object.value(QLatin1String("bytes")).toInteger();
        read.payload = payloadFromText(object.value(QLatin1String("text")).toString());
        read.beginUs = object.value(QLatin1String("begin_us")).toInteger();
    } else if (kind == eventKindName(EventKind::Process)) {
        read.kind = EventKind::Process;
        if (!processChangeNamed(object.value(QLatin1String("what")).toString(),
                                &read.processChange))
            return false;
        read.program = object.value(QLatin1String("program")).toString();
        read.parentPid = object.value(QLatin1String("parent")).toInteger();
        read.exitSignal = object.value(QLatin1String("signal")).toInt();
        read.exitCode = object.value(QLatin1String("status")).toInt();
    } else {
        return false;
    }
    read.traced = true;
    read.setEndUs(object.value(QLatin1String("end_us")).toInteger());
    read.pid = object.value(QLatin1String("pid")).toInteger();
    read.tid = object.value(QLatin1String("tid")).toInteger();
    read.peer = object.value(QLatin1String("peer")).toString();
    read.local = object.value(QLatin1String("local")).toString();
    const QString handler = object.value(QLatin1String("handler")).toString();
    read.handler = handler == handlerKindName(HandlerKind::Thread) ? HandlerKind::Thread
        : handler == handlerKindName(HandlerKind::Process)         ? HandlerKind::Process
                                                                   : HandlerKind::Main;
    *event = read;
    return true;
}

} // namespace socketlab
