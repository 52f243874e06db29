#pragma once

#include "core/checkitem.h"
#include "core/checkrun.h"

#include <QCoreApplication>

#include <functional>

namespace socketlab {

// A line of an item's evidence: a call or process event of the trace (text and which event),
// or a line of the program's output.
struct EvidenceLine
{
    EvidenceLine() = default;
    EvidenceLine(const QString &line)
        : text(line)
    {
    }
    EvidenceLine(const QString &line, const CheckItem::Call &event)
        : text(line),
          call(event),
          quotesEvent(true)
    {
    }

    QString text;
    CheckItem::Call call;
    bool quotesEvent = false;
};
using Evidence = QList<EvidenceLine>;

// The questions the rubric asks of a CheckRun: which calls were made, by whom, on which
// connection, and how to quote them as evidence.
class RubricTrace
{
    Q_DECLARE_TR_FUNCTIONS(RubricTrace)

public:
    explicit RubricTrace(const CheckRun &run)
        : m_run(run)
    {
    }

    const CheckRun &run() const { return m_run; }
    // A call as evidence: the trace's own line (pid, step, call, result) and the thread.
    static EvidenceLine evidence(const SocketEvent &event);
    // Lines that quote no event (a compiler's errors, files).
    static Evidence lines(const QStringList &texts);
    // The descriptor a call works on ("fd 4" in its arguments), -1 when none.
    static int fdOf(const SocketEvent &event);
    static bool isCall(const SocketEvent &event, SysCall call);

    // How many of wanted were made successfully in that order (each after the one before),
    // with those calls as evidence.
    int inOrder(const QList<SysCall> &wanted, Evidence *evidence) const;
    // Indexes of the successful calls (result >= 0) matching, before the checker stopped it.
    QList<int> calls(SysCall call, const std::function<bool(const SocketEvent &)> &also = {}) const;
    // Reads (recv/recvfrom with data) from SocketLab's client number client.
    QList<int> readsFrom(int client) const;
    qint64 bytesReadFrom(int client) const;
    bool readFrom(int client, const QByteArray &marker) const;
    // The program closed its side of client's connection.
    bool closedConnectionOf(int client) const;
    // The program's first process's accepted connections still open (accept() results it
    // never closed), before the checker stopped it.
    QList<int> openAccepted() const;
    // The first line of the program's output holding text, or an empty string.
    QString outputLine(const QString &text) const;
    // The port of SocketLab's client number client ("40312"), empty when it never connected.
    QString clientPort(int client) const;

    // Builders: the item with its evidence (at most a few lines).
    static CheckItem pass(const QString &id, const QString &explanation,
                          const Evidence &evidence = {});
    static CheckItem fail(const QString &id, const QString &explanation,
                          const Evidence &evidence = {});
    static CheckItem notApplicable(const QString &id, const QString &explanation);
    // "What went wrong. What to change: …"
    static QString withChange(const QString &what, const QString &change);

private:
    static CheckItem item(const QString &id, CheckItem::Result result, const QString &explanation,
                          const Evidence &evidence);

    const CheckRun &m_run;
};

} // namespace socketlab
