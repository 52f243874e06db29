#include "core/private/rubrictrace.h"

#include "core/endpoint.h"
#include "core/eventformatter.h"

#include <QMap>
#include <QRegularExpression>

namespace socketlab {

namespace {
// Evidence lines per item: enough to find the calls in the trace, few enough to read.
constexpr int kMaxEvidence = 6;
constexpr int kMaxEvidenceChars = 160;
} // namespace

EvidenceLine RubricTrace::evidence(const SocketEvent &event)
{
    QString text = event.message.isEmpty() ? EventFormatter::describe(event) : event.message;
    // A 1,500-byte line is evidence by its first words.
    if (text.size() > kMaxEvidenceChars)
        text = text.left(kMaxEvidenceChars) + QChar(0x2026);
    return {tr("%1 (tid %2)").arg(text).arg(event.tid), {event.pid, event.tid, event.endUs}};
}

Evidence RubricTrace::lines(const QStringList &texts)
{
    return Evidence(texts.cbegin(), texts.cend());
}

int RubricTrace::fdOf(const SocketEvent &event)
{
    static const QRegularExpression kFd(QStringLiteral("fd (\\d+)"));
    const QRegularExpressionMatch match = kFd.match(event.args);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

bool RubricTrace::isCall(const SocketEvent &event, SysCall call)
{
    return event.kind == EventKind::Call && event.call == call;
}

int RubricTrace::inOrder(const QList<SysCall> &wanted, Evidence *evidence) const
{
    int next = 0;
    for (int i = 0; i < m_run.events.size() && next < wanted.size(); ++i) {
        const SocketEvent &event = m_run.events.at(i);
        if (isCall(event, wanted.at(next)) && event.result >= 0) {
            *evidence << RubricTrace::evidence(event);
            ++next;
        }
    }
    return next;
}

QList<int> RubricTrace::calls(SysCall call,
                              const std::function<bool(const SocketEvent &)> &also) const
{
    QList<int> found;
    const int end = qMin(int(m_run.events.size()),
                         m_run.stopIndex > 0 ? m_run.stopIndex : int(m_run.events.size()));
    for (int i = 0; i < end; ++i) {
        const SocketEvent &event = m_run.events.at(i);
        if (isCall(event, call) && event.result >= 0 && (!also || also(event)))
            found << i;
    }
    return found;
}

QList<int> RubricTrace::readsFrom(int client) const
{
    if (client >= m_run.clients.size() || m_run.clients.at(client).isEmpty())
        return {};
    const QString peer = m_run.clients.at(client);
    auto fromPeer
        = [&peer](const SocketEvent &event) { return event.result > 0 && event.peer == peer; };
    QList<int> found = calls(SysCall::Recv, fromPeer) + calls(SysCall::Recvfrom, fromPeer);
    std::sort(found.begin(), found.end());
    return found;
}

qint64 RubricTrace::bytesReadFrom(int client) const
{
    qint64 total = 0;
    for (int i : readsFrom(client))
        total += m_run.events.at(i).result;
    return total;
}

bool RubricTrace::readFrom(int client, const QByteArray &marker) const
{
    for (int i : readsFrom(client)) {
        if (m_run.events.at(i).payload.contains(marker))
            return true;
    }
    return false;
}

bool RubricTrace::closedConnectionOf(int client) const
{
    if (client >= m_run.clients.size() || m_run.clients.at(client).isEmpty())
        return false;
    const QString peer = m_run.clients.at(client);
    return !calls(SysCall::Close, [&peer](const SocketEvent &event) {
                return event.peer == peer;
            }).isEmpty();
}

QList<int> RubricTrace::openAccepted() const
{
    QMap<int, int> open; // fd -> index of the accept() that made it
    const int end = m_run.stopIndex > 0 ? m_run.stopIndex : int(m_run.events.size());
    for (int i = 0; i < end; ++i) {
        const SocketEvent &event = m_run.events.at(i);
        if (event.pid != m_run.programPid || event.result < 0)
            continue;
        if (isCall(event, SysCall::Accept))
            open.insert(int(event.result), i);
        else if (isCall(event, SysCall::Close))
            open.remove(fdOf(event));
    }
    return open.values();
}

QString RubricTrace::outputLine(const QString &text) const
{
    if (text.isEmpty())
        return QString();
    const QStringList lines = QString::fromUtf8(m_run.output).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.contains(text)) {
            // The program's output is plain text: no control character reaches a terminal.
            QString shown = line.trimmed().left(200);
            for (QChar &c : shown) {
                if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
                    c = QChar(0xFFFD);
            }
            return shown;
        }
    }
    return QString();
}

QString RubricTrace::clientPort(int client) const
{
    if (client >= m_run.clients.size())
        return QString();
    const Endpoint address = Endpoint::parse(m_run.clients.at(client));
    return address.isValid() ? QString::number(address.port()) : QString();
}

CheckItem RubricTrace::item(const QString &id, CheckItem::Result result, const QString &explanation,
                            const Evidence &evidence)
{
    CheckItem item;
    item.id = id;
    item.result = result;
    item.explanation = explanation;
    for (const EvidenceLine &line : evidence.mid(0, kMaxEvidence)) {
        item.evidence << line.text;
        if (line.quotesEvent)
            item.calls << line.call;
    }
    return item;
}

CheckItem RubricTrace::pass(const QString &id, const QString &explanation, const Evidence &evidence)
{
    return item(id, CheckItem::Result::Pass, explanation, evidence);
}

CheckItem RubricTrace::fail(const QString &id, const QString &explanation, const Evidence &evidence)
{
    return item(id, CheckItem::Result::Fail, explanation, evidence);
}

CheckItem RubricTrace::notApplicable(const QString &id, const QString &explanation)
{
    return item(id, CheckItem::Result::NotApplicable, explanation, {});
}

QString RubricTrace::withChange(const QString &what, const QString &change)
{
    return tr("%1 What to change: %2").arg(what, change);
}

} // namespace socketlab
