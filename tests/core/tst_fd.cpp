#include "core/fd.h"

#include <QTest>

#include <fcntl.h>
#include <type_traits>
#include <unistd.h>
#include <utility>

using namespace socketlab;

namespace {
bool isOpen(int fd)
{
    return ::fcntl(fd, F_GETFD) != -1;
}

int openPipeEnd(int *other)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return -1;
    *other = fds[1];
    return fds[0];
}
} // namespace

class TestFd : public QObject
{
    Q_OBJECT

private slots:
    void moveOnly();
    void closesOnDestruction();
    void release();
    void reset();
    void moveConstruct();
    void moveAssign();
    void selfMoveAssign();
};

void TestFd::moveOnly()
{
    static_assert(!std::is_copy_constructible_v<Fd>);
    static_assert(!std::is_copy_assignable_v<Fd>);
    static_assert(std::is_nothrow_move_constructible_v<Fd>);
    static_assert(std::is_nothrow_move_assignable_v<Fd>);
    const Fd none;
    QVERIFY(!none.isValid());
    QCOMPARE(none.get(), -1);
}

void TestFd::closesOnDestruction()
{
    int writeEnd = -1;
    const int readEnd = openPipeEnd(&writeEnd);
    QVERIFY(readEnd >= 0);
    {
        Fd a(readEnd);
        Fd b(writeEnd);
        QVERIFY(a.isValid());
        QVERIFY(isOpen(readEnd));
    }
    QVERIFY(!isOpen(readEnd));
    QVERIFY(!isOpen(writeEnd));
}

void TestFd::release()
{
    int writeEnd = -1;
    const int readEnd = openPipeEnd(&writeEnd);
    Fd w(writeEnd);
    int released = -1;
    {
        Fd r(readEnd);
        released = r.release();
        QVERIFY(!r.isValid());
        QCOMPARE(r.release(), -1);
    }
    QCOMPARE(released, readEnd);
    QVERIFY(isOpen(readEnd)); // the caller owns it now
    ::close(readEnd);
}

void TestFd::reset()
{
    int w1 = -1, w2 = -1;
    const int r1 = openPipeEnd(&w1);
    const int r2 = openPipeEnd(&w2);
    Fd a(w1), b(w2);
    Fd fd(r1);
    QCOMPARE(fd.reset(r2), 0);
    QVERIFY(!isOpen(r1));
    QCOMPARE(fd.get(), r2);
    QCOMPARE(fd.reset(), 0);
    QVERIFY(!isOpen(r2));
    QVERIFY(!fd.isValid());
    QCOMPARE(fd.reset(), 0); // nothing to close
}

void TestFd::moveConstruct()
{
    int writeEnd = -1;
    const int readEnd = openPipeEnd(&writeEnd);
    Fd w(writeEnd);
    Fd a(readEnd);
    {
        Fd b(std::move(a));
        QVERIFY(!a.isValid()); // NOLINT(bugprone-use-after-move): moved-from is empty
        QCOMPARE(b.get(), readEnd);
    }
    QVERIFY(!isOpen(readEnd)); // closed exactly once, by b
}

void TestFd::moveAssign()
{
    int w1 = -1, w2 = -1;
    const int r1 = openPipeEnd(&w1);
    const int r2 = openPipeEnd(&w2);
    Fd keep1(w1), keep2(w2);
    Fd a(r1);
    Fd b(r2);
    b = std::move(a);
    QVERIFY(!isOpen(r2)); // b's old descriptor closed
    QVERIFY(isOpen(r1));
    QCOMPARE(b.get(), r1);
    QVERIFY(!a.isValid()); // NOLINT(bugprone-use-after-move)
    b = Fd();
    QVERIFY(!isOpen(r1));
}

void TestFd::selfMoveAssign()
{
    int writeEnd = -1;
    const int readEnd = openPipeEnd(&writeEnd);
    Fd w(writeEnd);
    Fd a(readEnd);
    Fd &alias = a;
    a = std::move(alias);
    QCOMPARE(a.get(), readEnd);
    QVERIFY(isOpen(readEnd));
}

QTEST_APPLESS_MAIN(TestFd)
#include "tst_fd.moc"
