#pragma once

#include <QObject>

#include <atomic>
#include <thread>

namespace socketlab {

// A thread that runs run() once: a std::thread with what the workers took from QThread
// (start, wait, finished). None of SocketLab's threads runs an event loop, so none needs the
// event dispatcher a QThread makes for itself (an eventfd each). Signals emitted from run()
// reach receivers in other threads queued, as from a QThread.
class WorkerThread : public QObject
{
    Q_OBJECT

public:
    explicit WorkerThread(QObject *parent = nullptr);
    // Waits for the thread: a subclass stops its run() (and waits) in its own destructor,
    // while its members still exist.
    ~WorkerThread() override;

    // Runs run() on a new thread named after objectName() (as ps and /proc show it: 15
    // characters at most). Once per object.
    void start();
    // Until run() returned; at once when the thread never started.
    void wait();
    // run() returned (finished() is on its way).
    bool isFinished() const { return m_finished.load(); }

signals:
    // From the thread, after run() returned.
    void finished();

protected:
    virtual void run() = 0;

private:
    std::thread m_thread;
    std::atomic<bool> m_finished{false};
};

} // namespace socketlab
