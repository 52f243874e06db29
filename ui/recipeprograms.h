#pragma once

#include "core/syscallid.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

namespace socketlab {

// The recipe's six programs bundled with SocketLab (Python 3, written by the project), for
// "Run a program…": where they are (the build tree's sources, or share/socketlab/recipe
// beside the installed executable), their names for a teacher, and which line of a listing
// makes a call.
class RecipePrograms
{
    Q_DECLARE_TR_FUNCTIONS(RecipePrograms)

public:
    struct Program
    {
        QString fileName; // tcp_server_fork.py
        QString title; // translated: "TCP server, one process per client (recipe)"
    };

    // In the order a class meets them: servers first, each followed by its client.
    static QVector<Program> programs();
    // The folder of the programs whose comments are in the UI's language (pt_BR/ in
    // Portuguese); empty when they are nowhere to be found.
    static QString directory();
    // The full path of one of programs(), empty when missing.
    static QString path(const QString &fileName);
    // The interpreter that runs them: python3's own executable (a version manager's python3
    // is often a shell script that forks a dozen processes the trace would show first).
    static QString interpreter();

    // The 0-based line of lines, searching from line after (wrapping), whose code makes this
    // call as the recipe's Python writes it (".accept(", "os.fork(" …); -1 for none.
    static int lineOfCall(const QStringList &lines, SysCall call, int after = -1);
};

} // namespace socketlab
