#pragma once

#include <QDateTime>
#include <QDebug>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Tandem::Test {

/// What a run of the `tandem` executable did.
struct CliRun
{
    int exitCode = -1; ///< -1 when it crashed or did not finish
    QString out;
    QString err;
};

/// The "now" of the tests that run tandem-testclock (tests/CMakeLists.txt), the build of the
/// executable that reads TANDEM_TEST_NOW: Wednesday 2026-03-18 12:00 UTC, as Test::fixedNow().
inline QDateTime cliNow()
{
    return QDateTime(QDate(2026, 3, 18), QTime(12, 0), Qt::UTC);
}

/// The environment of a `tandem` run in a test: this process's, with its own settings, identity
/// and demo database under `home` (XDG_DATA_HOME=home/data, XDG_CONFIG_HOME=home/config), no
/// display (commands must not need one: the minimal platform) and, when `now` is valid,
/// TANDEM_TEST_NOW (only tandem-testclock honours it; the installed tandem ignores it).
inline QProcessEnvironment cliEnvironment(const QString &home, const QDateTime &now = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("minimal"));
    if (now.isValid()) {
        env.insert(QStringLiteral("TANDEM_TEST_NOW"), now.toUTC().toString(Qt::ISODate));
    } else {
        env.remove(QStringLiteral("TANDEM_TEST_NOW"));
    }
    return env;
}

/// Runs `program` with `args` in `env` and waits up to `timeoutMs` for it (then kills it: exit
/// code -1). `input` goes to its standard input.
inline CliRun runCli(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                     int timeoutMs = 60000, const QByteArray &input = {})
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        qWarning() << "tandem did not finish" << args;
        process.kill();
        process.waitForFinished();
        return CliRun{-1, QString::fromUtf8(process.readAllStandardOutput()),
                      QString::fromUtf8(process.readAllStandardError())};
    }
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  QString::fromUtf8(process.readAllStandardOutput()),
                  QString::fromUtf8(process.readAllStandardError())};
}

} // namespace Tandem::Test
