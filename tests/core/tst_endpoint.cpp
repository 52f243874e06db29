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
    void parseWithoutPort_data();
    void parseWithoutPort();
    void hostOf_data();
    void hostOf();
    void fromProcNet_data();
    void fromProcNet();
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

void TestEndpoint::parseWithoutPort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("ipv4 and port") << "127.0.0.1:5000" << true << "127.0.0.1" << 5000;
    QTest::newRow("ipv6 and port") << "[::1]:5000" << true << "::1" << 5000;
    QTest::newRow("ipv4 alone") << "192.0.2.1" << true << "192.0.2.1" << 0;
    QTest::newRow("ipv6 alone") << "::" << true << "::" << 0;
    QTest::newRow("ipv6 bracketed alone") << "[::1]" << true << "::1" << 0;
    QTest::newRow("descriptor") << "fd 5" << false << "" << 0;
    QTest::newRow("host name") << "localhost:5000" << false << "" << 0;
    QTest::newRow("empty port") << "127.0.0.1:" << false << "" << 0;
    QTest::newRow("after the bracket") << "[::1]x" << false << "" << 0;
    QTest::newRow("unclosed bracket") << "[::1:5000" << false << "" << 0;
}

void TestEndpoint::parseWithoutPort()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, host);
    QFETCH(int, port);
    const Endpoint endpoint = Endpoint::parse(text, Endpoint::Port::Optional);
    QCOMPARE(endpoint.isValid(), valid);
    QCOMPARE(endpoint.host(), host);
    QCOMPARE(int(endpoint.port()), port);
    // Without the option a port is required.
    if (port == 0)
        QVERIFY(!Endpoint::parse(text).isValid());
}

void TestEndpoint::hostOf_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::newRow("ipv4") << "127.0.0.12:5000"
                          << "127.0.0.12";
    QTest::newRow("ipv6") << "[::1]:5000"
                          << "::1";
    QTest::newRow("no port") << "192.0.2.1"
                             << "192.0.2.1";
    QTest::newRow("bare ipv6") << "fe80::1"
                               << "fe80::1";
    QTest::newRow("as written") << "[2001:db8:0::1]:80"
                                << "2001:db8:0::1";
}

void TestEndpoint::hostOf()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QCOMPARE(Endpoint::hostOf(text), host);
}

void TestEndpoint::fromProcNet_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    // As /proc/net/tcp and tcp6 print them on this machine (words in memory order).
    auto word = [](const char *address, int family) {
        quint32 words[4] = {};
        ::inet_pton(family, address, words);
        QByteArray hex;
        for (int i = 0; i < (family == AF_INET ? 1 : 4); ++i)
            hex += QByteArray::number(words[i], 16).toUpper().rightJustified(8, '0');
        return hex;
    };
    QTest::newRow("ipv4") << word("127.0.0.1", AF_INET) + ":1388"
                          << "127.0.0.1:5000";
    QTest::newRow("ipv4 any") << word("0.0.0.0", AF_INET) + ":0016"
                              << "0.0.0.0:22";
    QTest::newRow("ipv6") << word("::1", AF_INET6) + ":D2F0"
                          << "[::1]:54000";
    QTest::newRow("mapped") << word("::ffff:10.0.0.2", AF_INET6) + ":0050"
                            << "10.0.0.2:80";
    QTest::newRow("short") << QByteArray("7F:1388") << "";
    QTest::newRow("no port") << QByteArray("0100007F") << "";
    QTest::newRow("not hex") << QByteArray("0100007G:1388") << "";
}

void TestEndpoint::fromProcNet()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const Endpoint endpoint = Endpoint::fromProcNet(text);
    QCOMPARE(endpoint.isValid(), !expected.isEmpty());
    QCOMPARE(endpoint.toString(), expected);
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
