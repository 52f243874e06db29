#include "core/client.h"

#include "core/eventreporter.h"
#include "core/private/clientworker.h"

namespace socketlab {

Client::Client(QObject *parent)
    : QObject(parent),
      m_ownQueue(std::make_unique<EventQueue>()),
      m_queue(m_ownQueue.get())
{
    connect(m_queue, &EventQueue::eventsArrived, this, &Client::eventsArrived);
}

Client::Client(EventQueue *queue, QObject *parent)
    : QObject(parent),
      m_queue(queue)
{
}

Client::~Client()
{
    if (m_worker) {
        m_worker->abort();
        m_worker->wait();
    }
}

void Client::connectToHost(Protocol protocol, const QString &host, quint16 port)
{
    abort();
    m_protocol = protocol;
    m_remotePort = port;
    EventReporter reporter(m_queue, Role::Client);
    reporter.setConnectionId(m_id);
    m_worker = std::make_unique<ClientWorker>(protocol, host, port, reporter, m_options, m_network);
    connect(m_worker.get(), &ClientWorker::opened, this, [this] { setState(State::Connected); });
    connect(m_worker.get(), &QThread::finished, this, &Client::workerFinished);
    connect(m_worker.get(), &ClientWorker::sendFinished, this, &Client::sendFinished);
    setState(State::Connecting);
    m_worker->start();
}

void Client::send(const QByteArray &data)
{
    if (m_worker)
        m_worker->send(data);
}

void Client::disconnectFromHost()
{
    if (m_worker)
        m_worker->close();
}

void Client::disconnectWhenQuiet()
{
    if (m_worker)
        m_worker->closeWhenQuiet();
}

void Client::halfClose()
{
    if (m_worker)
        m_worker->halfClose();
}

void Client::resetConnection()
{
    if (m_worker)
        m_worker->resetConnection();
}

void Client::abort()
{
    if (!m_worker)
        return;
    m_worker->abort();
    m_worker->wait();
    workerFinished();
}

QString Client::localAddress() const
{
    return m_worker ? m_worker->localAddress() : QString();
}

QString Client::peerAddress() const
{
    return m_worker ? m_worker->peerAddress() : QString();
}

void Client::workerFinished()
{
    // The finished signal may be queued for a worker already replaced by a new connection.
    if (!m_worker || !m_worker->isFinished())
        return;
    m_queue->flush();
    setState(State::Unconnected);
}

void Client::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace socketlab
