#include "ui/windowsettings.h"

#include "translations/languagemanager.h"

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

WindowSettings WindowSettings::read(const QSettings &settings)
{
    WindowSettings saved;
    parseProtocol(settings.value(kProtocol).toString(), &saved.protocol);
    parseConcurrency(settings.value(kConcurrency).toString(), &saved.concurrency);
    bool ok = false;
    const int port = settings.value(kPort, saved.port).toInt(&ok);
    if (ok && port >= 0 && port <= 65535)
        saved.port = quint16(port);
    const int backlog = settings.value(kBacklog, saved.backlog).toInt(&ok);
    if (ok)
        saved.backlog = backlog; // the tool bar keeps it within its spin box's range
    saved.openToNetwork = settings.value(kExposure, saved.openToNetwork).toBool();
    saved.echo = settings.value(kEcho, saved.echo).toBool();
    const int zoom = settings.value(kZoom, saved.zoomPercent).toInt(&ok);
    if (ok)
        saved.zoomPercent = zoom; // the zoom keeps it within its range
    saved.hexColumn = settings.value(kHex, saved.hexColumn).toBool();
    saved.geometry = settings.value(kGeometry).toByteArray();
    saved.state = settings.value(kState).toByteArray();
    saved.language = settings.value(kLanguage).toString();
    return saved;
}

void WindowSettings::write(QSettings &settings) const
{
    settings.setValue(kProtocol, protocolName(protocol));
    settings.setValue(kConcurrency, concurrencyName(concurrency));
    settings.setValue(kPort, int(port));
    settings.setValue(kBacklog, backlog);
    settings.setValue(kExposure, openToNetwork);
    settings.setValue(kEcho, echo);
    settings.setValue(kZoom, zoomPercent);
    settings.setValue(kHex, hexColumn);
    if (!geometry.isEmpty())
        settings.setValue(kGeometry, geometry);
    if (!state.isEmpty())
        settings.setValue(kState, state);
    if (!language.isEmpty())
        settings.setValue(kLanguage, language);
}

QString WindowSettings::startLanguage()
{
    const QString saved = read(QSettings()).language;
    if (LanguageManager::availableLanguages().contains(saved))
        return saved;
    return LanguageManager::systemLanguage();
}

bool WindowSettings::operator==(const WindowSettings &other) const
{
    return protocol == other.protocol && concurrency == other.concurrency && port == other.port
        && backlog == other.backlog && openToNetwork == other.openToNetwork && echo == other.echo
        && zoomPercent == other.zoomPercent && hexColumn == other.hexColumn
        && geometry == other.geometry && state == other.state && language == other.language;
}

} // namespace socketlab
