#include "core/private/servercontext.h"

namespace socketlab {

ServerContext::ServerContext(const ServerConfig &config, EventQueue *queue)
    : config(config),
      reporter(queue, Role::Server)
{
    reporter.setProtocol(config.protocol);
    reporter.setConcurrency(config.concurrency);
    reporter.setCallsEnabled(config.reportCalls || config.reportSendingCalls);
    reporter.setSendingCallsOnly(!config.reportCalls && config.reportSendingCalls);
    reporter.setTrafficEnabled(config.reportTraffic);
}

EventReporter ServerContext::reporterFor(HandlerKind handler, quint64 connectionId) const
{
    EventReporter copy = reporter;
    copy.setHandler(handler);
    copy.setConnectionId(connectionId);
    return copy;
}

void ServerContext::forget(Fd connection)
{
    const std::lock_guard<std::mutex> lock(forgottenLock);
    forgotten.push_back(std::move(connection));
}

} // namespace socketlab
