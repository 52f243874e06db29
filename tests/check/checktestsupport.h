#pragma once

// Shared by the socketlab-cli check tests: run the command, read its JSON rubric, know when
// this machine cannot make a private network (then the tests skip).

#include "core/privatenetwork.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/wait.h>
#include <unistd.h>

namespace checktest {

// A check of one of the corpus's programs takes a second or two; the slowest (waits that
// time out on purpose) a dozen.
constexpr int kCheckWaitMs = 60000;

inline QString corpus(const QString &name)
{
    return QStringLiteral(SOCKETLAB_SOURCE_DIR "/tests/check/corpus/") + name;
}

inline QString recipe(const QString &name)
{
    return QStringLiteral(SOCKETLAB_SOURCE_DIR "/resources/recipe/") + name;
}

inline bool privateNetworkAvailable()
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        QString error;
        ::_exit(socketlab::PrivateNetwork::enter({}, &error) ? 0 : 1);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

inline QProcessEnvironment environment(const QString &lang = QStringLiteral("C.UTF-8"))
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), lang);
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    return env;
}

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> items;
    QJsonObject score;

    QStringList withResult(const QString &result) const
    {
        QStringList ids;
        for (const QJsonObject &item : items) {
            if (item.value(QLatin1String("result")).toString() == result)
                ids << item.value(QLatin1String("item")).toString();
        }
        return ids;
    }
    QJsonObject item(const QString &id) const
    {
        for (const QJsonObject &item : items) {
            if (item.value(QLatin1String("item")).toString() == id)
                return item;
        }
        return {};
    }
};

inline Result runCli(const QStringList &arguments, const QProcessEnvironment &env = environment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SOCKETLAB_CLI_PATH), arguments);
    process.closeWriteChannel();
    Result result;
    if (!process.waitForFinished(kCheckWaitMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    for (const QByteArray &line : result.out.split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.value(QLatin1String("event")).toString() == QLatin1String("item"))
            result.items << object;
        else if (object.value(QLatin1String("event")).toString() == QLatin1String("score"))
            result.score = object;
    }
    return result;
}

// A program the user nobody can read and run (the check runs programs as nobody when
// started by root): a copy in a folder every user may enter.
inline QString readableCopy(const QTemporaryDir &dir, const QString &from, const QString &name)
{
    QFile::setPermissions(dir.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                              | QFileDevice::ReadOther | QFileDevice::ExeOther
                              | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
    const QString to = dir.filePath(name);
    QFile::remove(to);
    QFile::copy(from, to);
    QFile::setPermissions(to,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther
                              | QFileDevice::ReadGroup | QFileDevice::ExeOwner
                              | QFileDevice::ExeOther | QFileDevice::ExeGroup);
    return to;
}

} // namespace checktest
