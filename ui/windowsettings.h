#pragma once

#include "core/serverconfig.h"

#include <QByteArray>
#include <QString>

class QSettings;

namespace socketlab {

// What the window remembers between runs, as a value: the server's switches, zoom, the hex
// column, the window's size and docks, and the language. MainWindow collects it on close and
// applies it on start; this file alone knows the keys they are stored under.
struct WindowSettings
{
    Protocol protocol = ServerConfig().protocol;
    Concurrency concurrency = ServerConfig().concurrency;
    quint16 port = ServerConfig().port;
    int backlog = ServerConfig().backlog;
    bool openToNetwork = false;
    bool echo = true; // the window's panes see their messages come back
    int zoomPercent = 100;
    bool hexColumn = false;
    // Empty: nothing saved (or, when writing, keep what was: presentation mode's full screen
    // is not remembered).
    QByteArray geometry;
    QByteArray state;
    QString language; // empty: none chosen

    // Missing or bad values keep the defaults above.
    static WindowSettings read(const QSettings &settings);
    void write(QSettings &settings) const;
    // The language to start in: the saved one, else the system's.
    static QString startLanguage();

    bool operator==(const WindowSettings &other) const;
    bool operator!=(const WindowSettings &other) const { return !(*this == other); }
};

} // namespace socketlab
