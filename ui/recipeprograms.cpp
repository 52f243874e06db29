#include "ui/recipeprograms.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace socketlab {

namespace {

// The words of the Python code that make each call; comments are left out of the search.
QStringList patternsOf(SysCall call)
{
    switch (call) {
    case SysCall::Socket:
        return {QStringLiteral("socket.socket(")};
    case SysCall::Bind:
        return {QStringLiteral(".bind(")};
    case SysCall::Listen:
        return {QStringLiteral(".listen(")};
    case SysCall::Accept:
        return {QStringLiteral(".accept(")};
    case SysCall::Connect:
        return {QStringLiteral(".connect(")};
    case SysCall::Send:
        return {QStringLiteral(".send("), QStringLiteral(".sendall(")};
    case SysCall::Sendto:
        return {QStringLiteral(".sendto(")};
    case SysCall::Recv:
        return {QStringLiteral(".recv(")};
    case SysCall::Recvfrom:
        return {QStringLiteral(".recvfrom(")};
    case SysCall::Close:
        return {QStringLiteral(".close(")};
    case SysCall::Shutdown:
        return {QStringLiteral(".shutdown(")};
    case SysCall::Fork:
        return {QStringLiteral("os.fork(")};
    case SysCall::Thread:
        return {QStringLiteral("start_new_thread("), QStringLiteral(".start(")};
    case SysCall::Waitpid:
        return {QStringLiteral("waitpid(")};
    case SysCall::Exit:
        return {QStringLiteral("sys.exit("), QStringLiteral("_thread.exit(")};
    default:
        break;
    }
    return {};
}

QString codeOf(const QString &line)
{
    const int hash = line.indexOf(QLatin1Char('#'));
    return hash < 0 ? line : line.left(hash);
}

} // namespace

QVector<RecipePrograms::Program> RecipePrograms::programs()
{
    return {
        {QStringLiteral("tcp_server.py"), tr("TCP server, one client at a time (recipe)")},
        {QStringLiteral("tcp_server_fork.py"), tr("TCP server, one process per client (recipe)")},
        {QStringLiteral("tcp_server_thread.py"), tr("TCP server, one thread per client (recipe)")},
        {QStringLiteral("tcp_client.py"), tr("TCP client (recipe)")},
        {QStringLiteral("udp_server.py"), tr("UDP server (recipe)")},
        {QStringLiteral("udp_client.py"), tr("UDP client (recipe)")},
    };
}

QString RecipePrograms::directory()
{
    // The build tree has no share/ folder: its programs are the sources'.
    QStringList candidates {QDir(QCoreApplication::applicationDirPath())
                                .absoluteFilePath(QStringLiteral("../share/socketlab/recipe"))};
#ifdef SOCKETLAB_RECIPE_SOURCE_DIR
    candidates << QStringLiteral(SOCKETLAB_RECIPE_SOURCE_DIR);
#endif
    // The translation says which comments the class reads.
    //: The folder of the bundled programs whose comments are in this language: "pt_BR" for
    //: Brazilian Portuguese, "en" for English. Translate to the language's code only.
    const QString language = tr("en");
    for (const QString &candidate : std::as_const(candidates)) {
        const QDir dir(candidate);
        if (!QFileInfo::exists(dir.filePath(QStringLiteral("tcp_server.py"))))
            continue;
        if (language != QLatin1String("en")
            && QFileInfo::exists(dir.filePath(language + QStringLiteral("/tcp_server.py"))))
            return QDir::cleanPath(dir.filePath(language));
        return QDir::cleanPath(dir.absolutePath());
    }
    return QString();
}

QString RecipePrograms::interpreter()
{
    static QString found;
    if (!found.isEmpty())
        return found;
    QProcess probe;
    probe.start(QStringLiteral("python3"),
                {QStringLiteral("-c"), QStringLiteral("import sys; print(sys.executable)")});
    if (probe.waitForFinished(5000) && probe.exitStatus() == QProcess::NormalExit
        && probe.exitCode() == 0) {
        const QString path = QString::fromLocal8Bit(probe.readAllStandardOutput()).trimmed();
        if (QFileInfo(path).isExecutable())
            found = path;
    }
    // Not found: the tracer says so when it runs.
    return found.isEmpty() ? QStringLiteral("python3") : found;
}

QString RecipePrograms::path(const QString &fileName)
{
    const QString dir = directory();
    if (dir.isEmpty())
        return QString();
    const QString file = QDir(dir).filePath(fileName);
    return QFileInfo::exists(file) ? file : QString();
}

int RecipePrograms::lineOfCall(const QStringList &lines, SysCall call, int after)
{
    const QStringList patterns = patternsOf(call);
    if (patterns.isEmpty() || lines.isEmpty())
        return -1;
    const int count = int(lines.size());
    for (int i = 1; i <= count; ++i) {
        const int line = ((after < 0 ? -1 : after) + i) % count;
        const QString code = codeOf(lines.at(line));
        for (const QString &pattern : patterns) {
            if (code.contains(pattern))
                return line;
        }
    }
    return -1;
}

} // namespace socketlab
