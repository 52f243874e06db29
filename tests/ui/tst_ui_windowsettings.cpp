// The window's settings as a value: every field survives a trip through QSettings, and the
// window puts back on start what it saved on close.

#include "ui/mainwindow.h"
#include "ui/servertoolbar.h"
#include "ui/windowsettings.h"
#include "ui/zoomcontroller.h"

#include <QAction>
#include <QDockWidget>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace socketlab;

namespace {

WindowSettings changedEverywhere()
{
    WindowSettings changed;
    changed.protocol = Protocol::Udp;
    changed.concurrency = Concurrency::Fork;
    changed.port = 6123;
    changed.backlog = 9;
    changed.openToNetwork = true;
    changed.echo = false;
    changed.zoomPercent = 135;
    changed.hexColumn = true;
    changed.geometry = QByteArrayLiteral("geometry bytes");
    changed.state = QByteArrayLiteral("state bytes");
    changed.language = QStringLiteral("pt_BR");
    return changed;
}

} // namespace

class TestUiWindowSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void defaultsWhenNothingWasSaved();
    void roundTripThroughQSettings();
    void badValuesKeepTheDefaults();
    void emptyGeometryKeepsTheSavedOne();
    void windowStartsWithTheDefaults();
    void windowRestoresWhatItSaved();

private:
    QString iniPath() const { return m_dir.filePath(QStringLiteral("settings.ini")); }

    QTemporaryDir m_dir;
};

void TestUiWindowSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The window reads and writes the default QSettings: never the user's.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

void TestUiWindowSettings::cleanup()
{
    QFile::remove(iniPath());
    QSettings().clear();
    ZoomController::instance()->setPercent(100);
}

void TestUiWindowSettings::defaultsWhenNothingWasSaved()
{
    const QSettings settings(iniPath(), QSettings::IniFormat);
    const WindowSettings read = WindowSettings::read(settings);
    QVERIFY(read == WindowSettings());
    // The server's defaults are the recipe's (ServerConfig's).
    const ServerConfig config;
    QCOMPARE(read.protocol, config.protocol);
    QCOMPARE(read.concurrency, config.concurrency);
    QCOMPARE(read.port, config.port);
    QCOMPARE(read.backlog, config.backlog);
    QCOMPARE(read.zoomPercent, 100);
    QVERIFY(read.geometry.isEmpty() && read.state.isEmpty() && read.language.isEmpty());
}

void TestUiWindowSettings::roundTripThroughQSettings()
{
    const WindowSettings written = changedEverywhere();
    QVERIFY(written != WindowSettings());
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        written.write(settings);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    const QSettings settings(iniPath(), QSettings::IniFormat);
    const WindowSettings read = WindowSettings::read(settings);
    QCOMPARE(read.protocol, written.protocol);
    QCOMPARE(read.concurrency, written.concurrency);
    QCOMPARE(read.port, written.port);
    QCOMPARE(read.backlog, written.backlog);
    QCOMPARE(read.openToNetwork, written.openToNetwork);
    QCOMPARE(read.echo, written.echo);
    QCOMPARE(read.zoomPercent, written.zoomPercent);
    QCOMPARE(read.hexColumn, written.hexColumn);
    QCOMPARE(read.geometry, written.geometry);
    QCOMPARE(read.state, written.state);
    QCOMPARE(read.language, written.language);
    QVERIFY(read == written);
}

void TestUiWindowSettings::badValuesKeepTheDefaults()
{
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        changedEverywhere().write(settings);
        // Hand-edited or from another version: the rest of the file still counts.
        settings.setValue(QStringLiteral("server/protocol"), QStringLiteral("sctp"));
        settings.setValue(QStringLiteral("server/port"), 70000);
        settings.setValue(QStringLiteral("server/backlog"), QStringLiteral("many"));
    }
    const WindowSettings read = WindowSettings::read(QSettings(iniPath(), QSettings::IniFormat));
    const WindowSettings defaults;
    QCOMPARE(read.protocol, defaults.protocol);
    QCOMPARE(read.port, defaults.port);
    QCOMPARE(read.backlog, defaults.backlog);
    QCOMPARE(read.concurrency, Concurrency::Fork);
    QCOMPARE(read.zoomPercent, 135);
}

void TestUiWindowSettings::emptyGeometryKeepsTheSavedOne()
{
    QSettings settings(iniPath(), QSettings::IniFormat);
    changedEverywhere().write(settings);
    // What a window closed in presentation mode collects: no geometry.
    WindowSettings presenting = changedEverywhere();
    presenting.geometry.clear();
    presenting.write(settings);
    QCOMPARE(WindowSettings::read(settings).geometry, changedEverywhere().geometry);
}

void TestUiWindowSettings::windowStartsWithTheDefaults()
{
    const WindowSettings defaults;
    MainWindow window;
    const ServerConfig config = window.serverToolBar()->config();
    QCOMPARE(config.protocol, defaults.protocol);
    QCOMPARE(config.concurrency, defaults.concurrency);
    QCOMPARE(config.port, defaults.port);
    QCOMPARE(config.backlog, defaults.backlog);
    QCOMPARE(window.serverToolBar()->exposure(), ServerToolBar::Exposure::ThisComputer);
    QCOMPARE(config.echo, defaults.echo);
    QCOMPARE(window.zoom()->percent(), defaults.zoomPercent);
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("hexColumn"))->isChecked(),
             defaults.hexColumn);
}

void TestUiWindowSettings::windowRestoresWhatItSaved()
{
    WindowSettings saved;
    QSize savedSize;
    {
        MainWindow window;
        ServerToolBar *bar = window.serverToolBar();
        bar->forkAction()->trigger();
        bar->portSpin()->setValue(6123);
        bar->backlogSpin()->setValue(5);
        bar->setExposure(ServerToolBar::Exposure::Classroom);
        bar->echoAction()->setChecked(false);
        window.zoom()->setPercent(120);
        auto *hex = window.findChild<QAction *>(QStringLiteral("hexColumn"));
        QVERIFY(hex);
        hex->setChecked(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *sequence = window.findChild<QDockWidget *>(QStringLiteral("sequenceDock"));
        QVERIFY(sequence);
        sequence->close();
        window.resize(window.size() - QSize(40, 30));
        savedSize = window.size();
        window.close(); // saves the settings
        saved = WindowSettings::read(QSettings());
    }
    QCOMPARE(saved.concurrency, Concurrency::Fork);
    QCOMPARE(saved.port, quint16(6123));
    QCOMPARE(saved.backlog, 5);
    QVERIFY(saved.openToNetwork);
    QVERIFY(!saved.echo);
    QCOMPARE(saved.zoomPercent, 120);
    QVERIFY(saved.hexColumn);
    QVERIFY(!saved.geometry.isEmpty());
    QVERIFY(!saved.state.isEmpty());

    ZoomController::instance()->setPercent(100);
    MainWindow window;
    const ServerConfig config = window.serverToolBar()->config();
    QCOMPARE(config.concurrency, Concurrency::Fork);
    QCOMPARE(config.port, quint16(6123));
    QCOMPARE(config.backlog, 5);
    QCOMPARE(window.serverToolBar()->exposure(), ServerToolBar::Exposure::Classroom);
    QVERIFY(!config.echo);
    QCOMPARE(window.zoom()->percent(), 120);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("hexColumn"))->isChecked());
    QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("sequenceDock"))
                 ->toggleViewAction()
                 ->isChecked());
    // Closed again unchanged, it saves the same value.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.close();
    WindowSettings again = WindowSettings::read(QSettings());
    QVERIFY(!again.geometry.isEmpty());
    // The offscreen platform places a restored frame differently; the size is what counts.
    QCOMPARE(window.size(), savedSize);
    again.geometry = saved.geometry;
    QVERIFY(again == saved);
}

QTEST_MAIN(TestUiWindowSettings)
#include "tst_ui_windowsettings.moc"
