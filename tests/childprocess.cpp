#include "childprocess.h"

#include <QElapsedTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <linux/capability.h>
#include <poll.h>
#include <string>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

using namespace Qt::StringLiterals;

namespace Tandem::Test {

bool underSanitizer()
{
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

QString ChildRun::describe() const
{
    QString how = signal != 0 ? u"signal %1"_s.arg(signal) : u"exit %1"_s.arg(exitCode);
    if (timedOut) {
        how += u" (killed by the timer)"_s;
    }
    if (overTime) {
        how += u" (over the time ceiling)"_s;
    }
    if (overMemory) {
        how += u" (over the memory ceiling)"_s;
    }
    return u"%1 in %2 ms (CPU %3 ms), %4 MB: %5"_s.arg(how)
        .arg(milliseconds)
        .arg(cpuMilliseconds)
        .arg(peakKilobytes / 1024)
        .arg(QString::fromUtf8(err.left(2000)).trimmed());
}

ChildRun runChild(const QString &program, const QStringList &args, const QMap<QString, QString> &environment,
                  const Ceilings &ceilings, const QByteArray &input, qint64 killAfterMs, bool honourPermissions)
{
    ChildRun run;
    // Everything the child needs is built before fork(): after it, only async-signal-safe calls.
    std::vector<std::string> argStrings{program.toStdString()};
    for (const QString &a : args) {
        argStrings.push_back(a.toStdString());
    }
    std::vector<char *> argv;
    for (std::string &a : argStrings) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    std::vector<std::string> envStrings;
    for (char **e = environ; *e; ++e) {
        const std::string entry(*e);
        const std::string key = entry.substr(0, entry.find('='));
        if (!environment.contains(QString::fromStdString(key))) {
            envStrings.push_back(entry);
        }
    }
    for (auto it = environment.cbegin(); it != environment.cend(); ++it) {
        envStrings.push_back((it.key() + u'=' + it.value()).toStdString());
    }
    std::vector<char *> envp;
    for (std::string &e : envStrings) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);

    int inPipe[2];
    int outPipe[2];
    int errPipe[2];
    if (pipe2(inPipe, O_CLOEXEC) != 0 || pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0) {
        run.err = "pipe() failed";
        return run;
    }
    const bool limitAddressSpace = !underSanitizer();
    // The address-space limit is a safety net against a runaway child (it would otherwise take
    // the machine's memory): Qt maps fonts and libraries, so it sits well above the ceiling,
    // which is checked on the peak RSS.
    const rlim_t addressSpace = rlim_t(ceilings.megabytes * 2 + 1024) * 1024 * 1024;
    const bool dropOverrides = honourPermissions && geteuid() == 0;

    // Instrumented code runs several times slower: the time ceiling stretches with it. The wall
    // clock only stops a child far beyond it (a shared machine may run it slowly).
    const qint64 timeCeiling = underSanitizer() ? ceilings.milliseconds * 10 : ceilings.milliseconds;
    const qint64 wallLimit = timeCeiling * 4 + 20000;
    const rlim_t cpuSeconds = rlim_t(timeCeiling * 2 / 1000 + 2);
    QElapsedTimer clock;
    clock.start();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(inPipe[0], 0);
        dup2(outPipe[1], 1);
        dup2(errPipe[1], 2);
        if (limitAddressSpace) {
            const rlimit limit{addressSpace, addressSpace};
            setrlimit(RLIMIT_AS, &limit);
        }
        const rlimit cpu{cpuSeconds, cpuSeconds};
        setrlimit(RLIMIT_CPU, &cpu);
        const rlimit noCore{0, 0};
        setrlimit(RLIMIT_CORE, &noCore);
        if (dropOverrides) {
            // Out of the bounding set: the program run next never gets them back.
            if (prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0) != 0 ||
                prctl(PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0) != 0) {
                _exit(126);
            }
        }
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    close(inPipe[0]);
    close(outPipe[1]);
    close(errPipe[1]);
    if (pid < 0) {
        close(inPipe[1]);
        close(outPipe[0]);
        close(errPipe[0]);
        run.err = "fork() failed";
        return run;
    }
    fcntl(inPipe[1], F_SETFL, O_NONBLOCK);
    qint64 written = 0;
    if (input.isEmpty()) {
        close(inPipe[1]);
        inPipe[1] = -1;
    }
    bool outOpen = true;
    bool errOpen = true;
    bool killed = false;
    while (outOpen || errOpen) {
        const qint64 elapsed = clock.elapsed();
        if (!killed && killAfterMs > 0 && elapsed >= killAfterMs) {
            kill(pid, SIGKILL);
            killed = true;
        }
        if (!killed && elapsed >= wallLimit) {
            kill(pid, SIGKILL);
            killed = true;
            run.timedOut = true;
        }
        std::vector<pollfd> fds;
        if (outOpen) {
            fds.push_back({outPipe[0], POLLIN, 0});
        }
        if (errOpen) {
            fds.push_back({errPipe[0], POLLIN, 0});
        }
        if (inPipe[1] >= 0) {
            fds.push_back({inPipe[1], POLLOUT, 0});
        }
        qint64 wait = 50;
        if (killAfterMs > 0 && !killed) {
            wait = std::max<qint64>(1, std::min(wait, killAfterMs - elapsed));
        }
        poll(fds.data(), nfds_t(fds.size()), int(wait));
        for (const pollfd &p : fds) {
            if (p.revents == 0) {
                continue;
            }
            if (p.fd == inPipe[1]) {
                const ssize_t n = write(inPipe[1], input.constData() + written, size_t(input.size() - written));
                if (n > 0) {
                    written += n;
                }
                if (written >= input.size() || (n < 0 && errno != EAGAIN)) {
                    close(inPipe[1]);
                    inPipe[1] = -1;
                }
                continue;
            }
            char buffer[65536];
            const ssize_t n = read(p.fd, buffer, sizeof buffer);
            QByteArray &target = p.fd == outPipe[0] ? run.out : run.err;
            if (n > 0) {
                // Keep the head of a flood: enough to read, bounded for the harness.
                if (target.size() < 4 * 1024 * 1024) {
                    target.append(buffer, n);
                }
            } else if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
                (p.fd == outPipe[0] ? outOpen : errOpen) = false;
            }
        }
    }
    if (inPipe[1] >= 0) {
        close(inPipe[1]);
    }
    close(outPipe[0]);
    close(errPipe[0]);
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    run.milliseconds = clock.elapsed();
    run.cpuMilliseconds = qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 +
                          qint64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
    run.overTime = run.cpuMilliseconds > timeCeiling;
    run.peakKilobytes = usage.ru_maxrss;
    if (WIFEXITED(status)) {
        run.exitCode = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        run.signal = WTERMSIG(status);
    }
    const qint64 memoryCeilingKb =
        underSanitizer() ? ceilings.megabytes * 1024 * 4 + 512 * 1024 : ceilings.megabytes * 1024;
    run.overMemory = run.peakKilobytes > memoryCeilingKb || run.err.contains("bad_alloc");
    return run;
}

} // namespace Tandem::Test
