#pragma once

#include "app/clioptions.h"
#include "core/checkitem.h"

#include <QCoreApplication>

namespace socketlab {

// socketlab-cli check --exercise NAME -- PROGRAM [ARGS...]: enters a private network (before
// any thread: the kernel requires it), gives the program a size-capped folder of its own and
// its limits, drives it with a ProgramCheck and prints the rubric as its items are decided:
// one translated line per item, or with --json one item event per item, then the score.
// --output FILE gets the program's calls and process events as trace writes them. Exit 0 when
// every item passed, 1 when one failed (or no private network could be made, or SIGINT or
// SIGTERM stopped it: the program's tree is killed, the items decided so far and their score
// are printed), 2 for bad arguments (a program that is not there included). --batch hands
// over to CliCheckBatch.
class CliCheckRunner
{
    Q_DECLARE_TR_FUNCTIONS(CliCheckRunner)

public:
    // Bounds for the program, and what the rubric reads as a file that hit its limit.
    static constexpr qint64 kFileBytes = 16 * 1024 * 1024;
    static constexpr qint64 kFolderBytes = 64 * 1024 * 1024;
    static constexpr qint64 kMemoryBytes = 2048LL * 1024 * 1024;
    static constexpr int kProcesses = 64;
    static constexpr int kDescriptors = 256;

    explicit CliCheckRunner(const CliOptions &options);
    int exec();

    // PROGRAM as a shell finds it (empty: not found); run as root, the first in PATH that
    // the user nobody can run.
    static QString findProgram(const QString &name);
    static bool nobodyCanRun(const QString &path);

    // One item's line (or JSON event), and the score line of items, as printed.
    static QByteArray itemText(const CheckItem &item, bool json);
    static QByteArray scoreText(const CheckItems &items, bool json);
    // 0 when every item passed (n/a ones aside), else 1.
    static int exitStatus(const CheckItems &items);

private:
    // In the forked child: enter the private network, run the check, print the rubric.
    int runChecked(const QString &program, const QStringList &arguments, const QString &folder,
                   int outputFd);
    void say(const QString &message);

    CliOptions m_options;
};

} // namespace socketlab
