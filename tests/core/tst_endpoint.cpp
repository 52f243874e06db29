#include "core/endpoint.h"

#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <unistd.h>

using namespace socketlab;

class TestEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void ipv4_data();
    void ipv4();
    void ipv6_data();
    void ipv6();
    void invalid();
    void parse_data();
    void parse();
    void ofRealSocket();
};

void TestEndpoint::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("wildcard");
    QTest::newRow("ipv4") << "127.0.0.1:53422" << true << "127.0.0.1" << 53422 << false;
    QTest::newRow("ipv4 any") << "0.0.0.0:5000" << true << "0.0.0.0" << 5000 << true;
    QTest::newRow("ipv6") << "[::1]:5000" << true << "::1" << 5000 << false;
    QTest::newRow("ipv6 any") << "[::]:5000" << true << "::" << 5000 << true;
    QTest::newRow("mapped") << "[::ffff:127.0.0.1]:80" << true << "127.0.0.1" << 80 << false;
    QTest::newRow("empty") << "" << false << "" << 0 << false;
    QTest::newRow("no port") << "127.0.0.1" << false << "" << 0 << false;
    QTest::newRow("bad port") << "127.0.0.1:65536" << false << "" << 0 << false;
    QTest::newRow("host name") << "localhost:5000" << false << "" << 0 << false;
    QTest::newRow("ipv6 unbracketed") << "::1:5000" << false << "" << 0 << false;
}

void TestEndpoint::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, wildcard);
    const Endpoint endpoint = Endpoint::parse(text);
    QCOMPARE(endpoint.isValid(), valid);
    QCOMPARE(endpoint.host(), host);
    QCOMPARE(int(endpoint.port()), port);
    QCOMPARE(endpoint.isWildcard(), wildcard);
    if (valid && !text.contains(QLatin1String("ffff")))
        QCOMPARE(endpoint.toString(), text); // the same text back
}

void TestEndpoint::ipv4_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("expected");
    QTest::newRow("loopback") << "127.0.0.1" << 53422 << "127.0.0.1:53422";
    QTest::newRow("any") << "0.0.0.0" << 5000 << "0.0.0.0:5000";
    QTest::newRow("port 0") << "10.0.0.1" << 0 << "10.0.0.1:0";
    QTest::newRow("highest port") << "255.255.255.255" << 65535 << "255.255.255.255:65535";
}

void TestEndpoint::ipv4()
{
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, expected);
    sockaddr_in in {};
    in.sin_family = AF_INET;
    in.sin_port = htons(quint16(port));
    QCOMPARE(::inet_pton(AF_INET, address.toLatin1().constData(), &in.sin_addr), 1);
    const Endpoint e(reinterpret_cast<sockaddr *>(&in), sizeof in);
    QVERIFY(e.isValid());
    QCOMPARE(e.family(), AF_INET);
    QCOMPARE(e.port(), quint16(port));
    QCOMPARE(e.host(), address);
    QCOMPARE(e.toString(), expected);
}

void TestEndpoint::ipv6_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expected");
    QTest::newRow("loopback") << "::1" << 53422 << "::1"
                              << "[::1]:53422";
    QTest::newRow("any") << "::" << 5000 << "::"
                         << "[::]:5000";
    QTest::newRow("global, compressed") << "2001:db8:0:0:0:0:0:1" << 80 << "2001:db8::1"
                                        << "[2001:db8::1]:80";
    QTest::newRow("link-local") << "fe80::1" << 1 << "fe80::1"
                                << "[fe80::1]:1";
    // IPv4-mapped addresses are what a dual-stack "::" server sees for IPv4 clients.
    QTest::newRow("v4-mapped loopback") << "::ffff:127.0.0.1" << 40000 << "127.0.0.1"
                                        << "127.0.0.1:40000";
    QTest::newRow("v4-mapped other") << "::ffff:192.168.1.20" << 5000 << "192.168.1.20"
                                     << "192.168.1.20:5000";
    // Not mapped: the IPv4-compatible form and NAT64 stay IPv6.
    QTest::newRow("nat64") << "64:ff9b::7f00:1" << 7 << "64:ff9b::7f00:1"
                           << "[64:ff9b::7f00:1]:7";
}

void TestEndpoint::ipv6()
{
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, host);
    QFETCH(QString, expected);
    sockaddr_in6 in6 {};
    in6.sin6_family = AF_INET6;
    in6.sin6_port = htons(quint16(port));
    QCOMPARE(::inet_pton(AF_INET6, address.toLatin1().constData(), &in6.sin6_addr), 1);
    const Endpoint e(reinterpret_cast<sockaddr *>(&in6), sizeof in6);
    QVERIFY(e.isValid());
    QCOMPARE(e.family(), AF_INET6);
    QCOMPARE(e.port(), quint16(port));
    QCOMPARE(e.host(), host);
    QCOMPARE(e.toString(), expected);
}

void TestEndpoint::invalid()
{
    const Endpoint none;
    QVERIFY(!none.isValid());
    QCOMPARE(none.toString(), QString());
    QCOMPARE(none.port(), quint16(0));
    QVERIFY(!Endpoint(nullptr, 16).isValid());
    sockaddr_storage big {};
    QVERIFY(!Endpoint(reinterpret_cast<sockaddr *>(&big), sizeof big + 1).isValid());
    QVERIFY(!Endpoint::localOf(-1).isValid());
    QVERIFY(!Endpoint::peerOf(-1).isValid());
}

void TestEndpoint::ofRealSocket()
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_in in {};
    in.sin_family = AF_INET;
    in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&in), sizeof in), 0);
    const Endpoint local = Endpoint::localOf(fd);
    QVERIFY(local.port() != 0);
    QCOMPARE(local.toString(), QStringLiteral("127.0.0.1:%1").arg(local.port()));
    QVERIFY(!Endpoint::peerOf(fd).isValid()); // not connected
    ::close(fd);
}

QTEST_APPLESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
