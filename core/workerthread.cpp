#include "core/workerthread.h"

#include <pthread.h>

namespace socketlab {

WorkerThread::WorkerThread(QObject *parent) : QObject(parent)
{
}

WorkerThread::~WorkerThread()
{
    wait();
}

void WorkerThread::start()
{
    if (m_thread.joinable() || m_finished.load())
        return;
    // Read here: objectName() is not to be read from another thread.
    const QByteArray name = objectName().toUtf8().left(15);
    m_thread = std::thread([this, name] {
        if (!name.isEmpty())
            pthread_setname_np(pthread_self(), name.constData());
        run();
        m_finished.store(true);
        emit finished();
    });
}

void WorkerThread::wait()
{
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id())
        m_thread.join();
}

} // namespace socketlab
