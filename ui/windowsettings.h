#pragma once

#include <QString>

namespace socketlab {

class LanguageManager;
class MainWindow;

// What the window remembers between runs (QSettings): the server's switches, zoom, the hex
// column, the window's size and docks, and the language.
class WindowSettings
{
public:
    static void restore(MainWindow *window);
    static void save(const MainWindow *window, const LanguageManager *language);
    // The language to start in: the saved one, else the system's.
    static QString startLanguage();
};

} // namespace socketlab
