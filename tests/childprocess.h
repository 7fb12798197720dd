#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Tandem::Test {

/// The ceilings a child process runs under, enforced by the harness: memory through
/// setrlimit(RLIMIT_AS) in the child (not under AddressSanitizer, whose shadow memory needs
/// terabytes of address space) and its peak RSS measured by wait4(); time as the CPU time wait4()
/// reports (the machine is shared: wall time says more about the neighbours), with
/// setrlimit(RLIMIT_CPU) and a wall-clock timer that kill a child far beyond it.
struct Ceilings
{
    qint64 milliseconds = 10000; ///< CPU time (user + system)
    qint64 megabytes = 300;      ///< peak RSS
};

/// What a child process did.
struct ChildRun
{
    int exitCode = -1;       ///< -1 when it did not exit normally
    int signal = 0;          ///< the signal that ended it, 0 when it exited
    bool timedOut = false;   ///< killed by the wall-clock timer
    bool overTime = false;   ///< its CPU time was above the ceiling
    bool overMemory = false; ///< its peak RSS was above the ceiling (or the allocator hit the limit)
    QByteArray out;
    QByteArray err;
    qint64 milliseconds = 0;    ///< wall time
    qint64 cpuMilliseconds = 0; ///< user + system
    qint64 peakKilobytes = 0;   ///< ru_maxrss

    QString describe() const; ///< "exit 1 in 12 ms, 31 MB: tandem: ..."
};

/// Runs `program` with `args` and the environment `environment` (added to this process's), under
/// the ceilings; `input` goes to its standard input. When `killAfterMs` is positive the child is
/// killed with SIGKILL after that long (a user's kill -9), and the run says so through `signal`.
/// With `honourPermissions` a child of root loses the capabilities that override file permissions
/// (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so a read-only file is read-only to it as to a user.
ChildRun runChild(const QString &program, const QStringList &args, const QMap<QString, QString> &environment,
                  const Ceilings &ceilings, const QByteArray &input = {}, qint64 killAfterMs = 0,
                  bool honourPermissions = false);

/// Whether this build runs under AddressSanitizer (the ceilings are then checked loosely).
bool underSanitizer();

} // namespace Tandem::Test
