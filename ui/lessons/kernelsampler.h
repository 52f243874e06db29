#pragma once

#include "core/socketstatereader.h"

#include <QList>
#include <QObject>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace socketlab {

// Reads the kernel's view of the lesson's ports (SocketStateReader) about ten times a second
// on a thread of its own, so the GUI thread never waits for netlink. Deliberately small: the
// main window's sampler may replace it; the lessons only need sampled().
class KernelSampler : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 100;

    explicit KernelSampler(QObject *parent = nullptr);
    ~KernelSampler() override;

    // The TCP ports to read; empty pauses sampling.
    void setPorts(const QList<quint16> &ports);

signals:
    // In the sampler's owner thread; sockets of every port, in port order, and the ports read.
    void sampled(const QList<socketlab::SocketSnapshot> &sockets, const QList<quint16> &ports);

private:
    void run();

    std::mutex m_lock;
    std::condition_variable m_wake;
    QList<quint16> m_ports;
    bool m_quit = false;
    std::thread m_thread;
};

} // namespace socketlab
