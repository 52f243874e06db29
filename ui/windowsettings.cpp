#include "ui/windowsettings.h"

#include "translations/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/servertoolbar.h"
#include "ui/zoomcontroller.h"

#include <QAction>
#include <QSettings>

namespace socketlab {

namespace {
const QString kProtocol = QStringLiteral("server/protocol");
const QString kConcurrency = QStringLiteral("server/concurrency");
const QString kPort = QStringLiteral("server/port");
const QString kBacklog = QStringLiteral("server/backlog");
const QString kExposure = QStringLiteral("server/openToNetwork");
const QString kEcho = QStringLiteral("server/echo");
const QString kZoom = QStringLiteral("view/zoom");
const QString kHex = QStringLiteral("view/hexColumn");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLanguage = QStringLiteral("language");
} // namespace

void WindowSettings::restore(MainWindow *window)
{
    const QSettings settings;
    ServerToolBar *toolBar = window->serverToolBar();
    ServerConfig config = toolBar->config();
    parseProtocol(settings.value(kProtocol, protocolName(config.protocol)).toString(), &config.protocol);
    parseConcurrency(settings.value(kConcurrency, concurrencyName(config.concurrency)).toString(),
                     &config.concurrency);
    bool ok = false;
    const int port = settings.value(kPort, config.port).toInt(&ok);
    if (ok && port >= 0 && port <= 65535)
        config.port = quint16(port);
    const int backlog = settings.value(kBacklog, config.backlog).toInt(&ok);
    if (ok)
        config.backlog = backlog;  // setConfig keeps it within the spin box's range
    if (settings.value(kExposure, false).toBool())
        config.bindAddress = ServerToolBar::bindAddressFor(ServerToolBar::Exposure::Classroom);
    config.echo = settings.value(kEcho, config.echo).toBool();
    toolBar->setConfig(config);
    window->zoom()->setPercent(settings.value(kZoom, 100).toInt());
    if (QAction *hex = window->findChild<QAction *>(QStringLiteral("hexColumn")))
        hex->setChecked(settings.value(kHex, false).toBool());
    if (settings.contains(kGeometry))
        window->restoreGeometry(settings.value(kGeometry).toByteArray());
    if (settings.contains(kState))
        window->restoreState(settings.value(kState).toByteArray());
}

void WindowSettings::save(const MainWindow *window, const LanguageManager *language)
{
    QSettings settings;
    const ServerToolBar *toolBar = window->serverToolBar();
    settings.setValue(kProtocol, protocolName(toolBar->protocol()));
    settings.setValue(kConcurrency, concurrencyName(toolBar->concurrency()));
    settings.setValue(kPort, int(toolBar->port()));
    settings.setValue(kBacklog, toolBar->config().backlog);
    settings.setValue(kExposure, toolBar->exposure() == ServerToolBar::Exposure::Classroom);
    settings.setValue(kEcho, toolBar->echoAction()->isChecked());
    settings.setValue(kZoom, window->zoom()->percent());
    if (const QAction *hex = window->findChild<QAction *>(QStringLiteral("hexColumn")))
        settings.setValue(kHex, hex->isChecked());
    // Presentation mode is not remembered: the next start is a normal window.
    if (!window->isFullScreen())
        settings.setValue(kGeometry, window->saveGeometry());
    settings.setValue(kState, window->saveState());
    if (language && !language->language().isEmpty())
        settings.setValue(kLanguage, language->language());
}

QString WindowSettings::startLanguage()
{
    const QSettings settings;
    const QString saved = settings.value(kLanguage).toString();
    if (LanguageManager::availableLanguages().contains(saved))
        return saved;
    return LanguageManager::systemLanguage();
}

} // namespace socketlab
