#include "core/resolver.h"
#include "core/wakesignal.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

#include <netdb.h>
#include <sys/socket.h>

using namespace socketlab;

namespace {

std::atomic<int> g_slowLookups {0};

// A name server that takes its time (shorter than a test's patience, so it finishes here).
ResolvedAddresses slowLookup(const QByteArray &, quint16, int, bool)
{
    ++g_slowLookups;
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    ResolvedAddresses r;
    r.gaiError = EAI_AGAIN;
    return r;
}

ResolvedAddresses quickLookup(const QByteArray &host, quint16 port, int, bool)
{
    ResolvedAddresses r;
    if (host == "lab.example") {
        sockaddr_in in {};
        in.sin_family = AF_INET;
        in.sin_port = htons(port);
        in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        r.endpoints << Endpoint(reinterpret_cast<const sockaddr *>(&in), sizeof in);
    } else {
        r.gaiError = EAI_NONAME;
    }
    return r;
}

} // namespace

class TestResolver : public QObject
{
    Q_OBJECT

private slots:
    void parsePort_data();
    void parsePort();
    void normalizeHost_data();
    void normalizeHost();
    void resolveNumeric_data();
    void resolveNumeric();
    void resolveLocalhost();
    void resolvePassiveAny();
    void resolveUnknownHost();
    void protocolNumber();
    void stoppableLookup();
    void stoppedLookupIsAbandoned();
    void lookupTimesOut();
    void numericNeverAsksTheNameService();
};

void TestResolver::parsePort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowZero");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("port");
    QTest::newRow("5000") << "5000" << false << true << 5000;
    QTest::newRow("1") << "1" << false << true << 1;
    QTest::newRow("65535") << "65535" << false << true << 65535;
    QTest::newRow("0 for a server") << "0" << true << true << 0;
    QTest::newRow("0 for a client") << "0" << false << false << 0;
    QTest::newRow("65536") << "65536" << true << false << 0;
    QTest::newRow("70000") << "70000" << true << false << 0;
    QTest::newRow("past 32 bits") << "4294967297" << true << false << 0;
    QTest::newRow("abc") << "abc" << true << false << 0;
    QTest::newRow("empty") << "" << true << false << 0;
    QTest::newRow("blank") << "   " << true << false << 0;
    QTest::newRow("negative") << "-1" << true << false << 0;
    QTest::newRow("plus sign") << "+5000" << true << false << 0;
    QTest::newRow("trailing junk") << "5000x" << true << false << 0;
    QTest::newRow("hex") << "0x10" << true << false << 0;
    QTest::newRow("decimal point") << "50.0" << true << false << 0;
    QTest::newRow("inner space") << "50 00" << true << false << 0;
    QTest::newRow("arabic-indic digits") << QString::fromUtf8("٥٠٠٠") << true << false << 0;
    QTest::newRow("fullwidth digits") << QString::fromUtf8("５０００") << true << false << 0;
    // Surrounding spaces (a pasted value) are forgiven, as for host names.
    QTest::newRow("leading space") << " 5000" << false << true << 5000;
    QTest::newRow("trailing newline") << "5000\n" << false << true << 5000;
    QTest::newRow("leading zeros") << "0080" << false << true << 80;
}

void TestResolver::parsePort()
{
    QFETCH(QString, text);
    QFETCH(bool, allowZero);
    QFETCH(bool, ok);
    QFETCH(int, port);
    quint16 parsed = 4242;
    QCOMPARE(Resolver::parsePort(text, &parsed, allowZero), ok);
    // A rejected value leaves the previous port alone.
    QCOMPARE(int(parsed), ok ? port : 4242);
}

void TestResolver::normalizeHost_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ipv4") << "127.0.0.1"
                          << "127.0.0.1";
    QTest::newRow("bracketed ipv6") << "[::1]"
                                    << "::1";
    QTest::newRow("bare ipv6") << "::1"
                               << "::1";
    QTest::newRow("spaces") << "  localhost \t"
                            << "localhost";
    QTest::newRow("spaces around brackets") << " [fe80::1] "
                                            << "fe80::1";
    QTest::newRow("empty brackets") << "[]"
                                    << "";
    QTest::newRow("unbalanced") << "[::1"
                                << "[::1";
}

void TestResolver::normalizeHost()
{
    QFETCH(QString, host);
    QFETCH(QString, expected);
    QCOMPARE(Resolver::normalizeHost(host), expected);
}

void TestResolver::resolveNumeric_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ipv4") << "127.0.0.1" << int(AF_INET) << "127.0.0.1:5000";
    QTest::newRow("ipv6") << "::1" << int(AF_INET6) << "[::1]:5000";
    QTest::newRow("bracketed ipv6") << "[::1]" << int(AF_INET6) << "[::1]:5000";
    QTest::newRow("v4-mapped") << "::ffff:127.0.0.1" << int(AF_INET6) << "127.0.0.1:5000";
}

void TestResolver::resolveNumeric()
{
    QFETCH(QString, host);
    QFETCH(int, family);
    QFETCH(QString, expected);
    const ResolvedAddresses r = Resolver::resolve(host, 5000, SOCK_STREAM, false);
    QCOMPARE(r.gaiError, 0);
    QCOMPARE(r.endpoints.size(), 1);
    QCOMPARE(r.endpoints.first().family(), family);
    QCOMPARE(r.endpoints.first().toString(), expected);
}

void TestResolver::resolveLocalhost()
{
    const ResolvedAddresses r
        = Resolver::resolve(QStringLiteral("localhost"), 80, SOCK_DGRAM, false);
    QCOMPARE(r.gaiError, 0);
    QVERIFY(!r.endpoints.isEmpty());
    for (const Endpoint &e : r.endpoints) {
        QVERIFY2(e.host() == QLatin1String("127.0.0.1") || e.host() == QLatin1String("::1"),
                 qPrintable(e.toString()));
        QCOMPARE(e.port(), quint16(80));
    }
}

void TestResolver::resolvePassiveAny()
{
    const ResolvedAddresses v4 = Resolver::resolve(QStringLiteral("0.0.0.0"), 0, SOCK_STREAM, true);
    QCOMPARE(v4.gaiError, 0);
    QCOMPARE(v4.endpoints.first().toString(), QStringLiteral("0.0.0.0:0"));
    const ResolvedAddresses v6 = Resolver::resolve(QStringLiteral("::"), 0, SOCK_STREAM, true);
    QCOMPARE(v6.gaiError, 0);
    QCOMPARE(v6.endpoints.first().toString(), QStringLiteral("[::]:0"));
}

void TestResolver::resolveUnknownHost()
{
    // .invalid never resolves (RFC 2606); offline machines may say EAI_AGAIN instead.
    const ResolvedAddresses r
        = Resolver::resolve(QStringLiteral("no-such-host.invalid"), 5000, SOCK_STREAM, false);
    QVERIFY(r.gaiError != 0);
    QVERIFY(r.endpoints.isEmpty());
    const ResolvedAddresses bad
        = Resolver::resolve(QStringLiteral("300.1.2.3.invalid"), 5000, SOCK_STREAM, false);
    QVERIFY(bad.gaiError != 0);
}

void TestResolver::protocolNumber()
{
    QCOMPARE(Resolver::protocolNumber(QStringLiteral("tcp")), 6);
    QCOMPARE(Resolver::protocolNumber(QStringLiteral("udp")), 17);
    QCOMPARE(Resolver::protocolNumber(QStringLiteral("no-such-protocol")), -1);
}

void TestResolver::stoppableLookup()
{
    Resolver::setLookupFunction(&quickLookup);
    WakeSignal stop;
    const ResolvedAddresses r
        = Resolver::resolve(QStringLiteral("lab.example"), 7, SOCK_STREAM, false, stop.fd());
    Resolver::setLookupFunction(nullptr);
    QCOMPARE(r.gaiError, 0);
    QVERIFY(!r.stopped);
    QCOMPARE(r.endpoints.size(), 1);
    QCOMPARE(r.endpoints.first().toString(), QStringLiteral("127.0.0.1:7"));
}

void TestResolver::stoppedLookupIsAbandoned()
{
    Resolver::setLookupFunction(&slowLookup);
    WakeSignal stop;
    const int before = g_slowLookups.load();
    std::thread stopper([&] {
        while (g_slowLookups.load() == before)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        stop.raise();
    });
    QElapsedTimer timer;
    timer.start();
    const ResolvedAddresses r
        = Resolver::resolve(QStringLiteral("slow.example"), 7, SOCK_STREAM, false, stop.fd());
    const qint64 elapsed = timer.elapsed();
    stopper.join();
    Resolver::setLookupFunction(nullptr);
    QVERIFY(r.stopped);
    QVERIFY(r.gaiError != 0);
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
}

void TestResolver::lookupTimesOut()
{
    Resolver::setLookupFunction(&slowLookup);
    const ResolvedAddresses r
        = Resolver::resolve(QStringLiteral("slow.example"), 7, SOCK_STREAM, true, -1, 50);
    Resolver::setLookupFunction(nullptr);
    QVERIFY(!r.stopped);
    QCOMPARE(r.gaiError, EAI_AGAIN);
    QVERIFY(r.endpoints.isEmpty());
}

void TestResolver::numericNeverAsksTheNameService()
{
    Resolver::setLookupFunction(&slowLookup);
    const int before = g_slowLookups.load();
    WakeSignal stop;
    const ResolvedAddresses v4
        = Resolver::resolve(QStringLiteral("127.0.0.1"), 1, SOCK_DGRAM, false, stop.fd());
    const ResolvedAddresses v6
        = Resolver::resolve(QStringLiteral("[::1]"), 1, SOCK_DGRAM, false, stop.fd());
    const ResolvedAddresses any = Resolver::resolve(QString(), 1, SOCK_DGRAM, true, stop.fd());
    Resolver::setLookupFunction(nullptr);
    QCOMPARE(g_slowLookups.load(), before);
    QCOMPARE(v4.endpoints.value(0).toString(), QStringLiteral("127.0.0.1:1"));
    QCOMPARE(v6.endpoints.value(0).toString(), QStringLiteral("[::1]:1"));
    QCOMPARE(any.gaiError, 0);
}

QTEST_APPLESS_MAIN(TestResolver)
#include "tst_resolver.moc"
