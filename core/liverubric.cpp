#include "core/liverubric.h"

#include "core/checkrubric.h"

namespace socketlab {

LiveRubric::LiveRubric(Exercise exercise)
    : m_exercise(exercise)
{
    using M = Milestone;
    auto at = [this](M milestone, const QStringList &ids) {
        for (const QString &id : ids)
            m_decidedAt.insert(id, milestone);
    };
    if (!isServerExercise(exercise)) {
        // A UDP client's every sendto() is evidence of its port: that one waits for the end.
        at(M::FirstLineArrived, {QStringLiteral("client-sequence")});
        if (exerciseProtocol(exercise) == Protocol::Tcp)
            at(M::FirstLineArrived, {QStringLiteral("connects-to-port")});
        at(M::LinesArrived, {QStringLiteral("sends-typed-lines")});
        return;
    }
    at(M::FirstClientRead,
       {QStringLiteral("server-sequence"), QStringLiteral("listens-on-port"),
        QStringLiteral("prints-connection"), QStringLiteral("prints-data")});
    if (exercise == Exercise::UdpServer)
        return;
    at(M::SecondClientConcurrent, {QStringLiteral("serves-two-at-once")});
    at(M::LongLineRead, {QStringLiteral("reads-whole-message")});
    at(M::FirstClientClosed, {QStringLiteral("closes-on-eof")});
    at(M::LastClientRead,
       {QStringLiteral("accepts-again"), QStringLiteral("survives-reset"),
        QStringLiteral("thread-per-connection"), QStringLiteral("child-closes-listener"),
        QStringLiteral("parent-closes-connection")});

    // What does not apply to this exercise at all is known once the server listens.
    QStringList other;
    if (exercise == Exercise::TcpServer)
        other << QStringLiteral("serves-two-at-once");
    if (exercise != Exercise::TcpServerFork)
        other << QStringLiteral("child-closes-listener")
              << QStringLiteral("parent-closes-connection") << QStringLiteral("children-reaped");
    if (exercise != Exercise::TcpServerThread)
        other << QStringLiteral("thread-per-connection") << QStringLiteral("threads-end");
    for (const QString &id : std::as_const(other)) {
        m_notApplicable.insert(id);
        m_decidedAt.insert(id, M::Listening);
    }
}

bool LiveRubric::isDecided(const QString &id) const
{
    for (const CheckItem &item : m_decided) {
        if (item.id == id)
            return true;
    }
    return false;
}

CheckItems LiveRubric::reach(Milestone milestone, const CheckRun &snapshot)
{
    if (m_gaveUp)
        return {};
    if (milestone != Milestone::None)
        m_reached.insert(milestone);
    // An item that passes is said when the next probe has run too and it still reads the
    // same: the calls of a connection the program is still winding up (a child's recv() that
    // sees the reset) come in by then. Items that passed nothing yet (a print that has not
    // arrived) are asked again at every later probe.
    CheckItems fresh;
    QHash<QString, CheckItem> candidates;
    const CheckItems all = CheckRubric::evaluate(snapshot);
    for (const CheckItem &item : all) {
        const auto at = m_decidedAt.constFind(item.id);
        if (at == m_decidedAt.cend() || !m_reached.contains(*at) || isDecided(item.id))
            continue;
        const bool otherExercise
            = item.result == CheckItem::Result::NotApplicable && m_notApplicable.contains(item.id);
        const bool confirmed = item.result == CheckItem::Result::Pass
            && m_candidates.contains(item.id) && m_candidates.value(item.id) == item;
        if (otherExercise || confirmed) {
            fresh << item;
            m_decided << item;
        } else if (item.result == CheckItem::Result::Pass) {
            candidates.insert(item.id, item);
        }
    }
    m_candidates = candidates;
    return fresh;
}

CheckItems LiveRubric::complete(const CheckItems &whole, QStringList *mismatches) const
{
    CheckItems items;
    for (const CheckItem &item : whole) {
        const auto early = std::find_if(m_decided.cbegin(), m_decided.cend(),
                                        [&item](const CheckItem &d) { return d.id == item.id; });
        if (early == m_decided.cend()) {
            items << item;
            continue;
        }
        // What was said stays said.
        items << *early;
        if (*early != item)
            *mismatches << item.id;
    }
    return items;
}

} // namespace socketlab
