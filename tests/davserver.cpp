#include "davserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Tandem::Test {

namespace {

constexpr int startTimeoutMs = 20000;
constexpr int portAttempts = 5;

quint16 freeLoopbackPort()
{
    // Bind to port 0, read what the kernel chose, let it go: the server binds it right after.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

/// The inodes of the sockets listening on `port` (any local address), from /proc/net/tcp and
/// tcp6: "sl local_address rem_address st ... inode", the port in hex, state 0A = LISTEN.
QSet<QByteArray> listeningInodes(quint16 port)
{
    QSet<QByteArray> inodes;
    const QByteArray hexPort = QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(table));
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        file.readLine(); // the header
        while (!file.atEnd()) {
            const QList<QByteArray> fields = file.readLine().simplified().split(' ');
            if (fields.size() > 9 && fields.at(1).endsWith(':' + hexPort) && fields.at(3) == "0A") {
                inodes.insert(fields.at(9));
            }
        }
    }
    return inodes;
}

/// Whether process `pid` holds one of the sockets listening on `port`: the server answering
/// is ours, not a process that took the port between the probe and the server's bind.
bool listensOn(qint64 pid, quint16 port)
{
    const QSet<QByteArray> inodes = listeningInodes(port);
    const QString fds = u"/proc/%1/fd"_s.arg(pid);
    const QStringList names = QDir(fds).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        char target[128] = {};
        const ssize_t n = ::readlink(QFile::encodeName(fds + u'/' + name).constData(), target, sizeof target - 1);
        const QByteArray link(target, n > 0 ? n : 0); // "socket:[12345]"
        if (link.startsWith("socket:[") && inodes.contains(link.mid(8).chopped(1))) {
            return true;
        }
    }
    return false;
}

} // namespace

DavServer::~DavServer()
{
    // Subclasses hold nothing the process needs; stopping here is safe.
    stop();
}

QUrl DavServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(usesTls() ? u"https"_s : u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    url.setPath(path);
    return url;
}

bool DavServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString DavServer::stderrText() const
{
    QFile file(m_dir.filePath(u"server.stderr"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(4000)) : QString();
}

bool DavServer::start()
{
    m_error.clear();
    m_portsTried = 0;
    if (!m_dir.isValid()) {
        m_error = u"no temporary folder"_s;
        return false;
    }
    if (m_port != 0) {
        ++m_portsTried;
        return startOn(m_port) == Outcome::Started; // a restart: the clients know this port
    }
    QStringList taken;
    for (int attempt = 0; attempt < portAttempts; ++attempt) {
        const quint16 port = m_pickPort ? m_pickPort() : freeLoopbackPort();
        if (port == 0) {
            m_error = u"no free loopback port"_s;
            return false;
        }
        ++m_portsTried;
        m_port = port;
        switch (startOn(port)) {
        case Outcome::Started:
            return true;
        case Outcome::Failed:
            m_port = 0;
            return false;
        case Outcome::PortTaken:
            taken.append(QString::number(port));
            break;
        }
    }
    m_port = 0;
    m_error =
        u"%1 could not bind a port: %2 taken by other processes; last: %3"_s.arg(name(), taken.join(u", "_s), m_error);
    return false;
}

DavServer::Outcome DavServer::startOn(quint16 port)
{
    const auto [program, args] = command(port, &m_error);
    if (program.isEmpty()) {
        return Outcome::Failed;
    }
    m_process = std::make_unique<QProcess>();
    // Debian's servers run /usr/bin/python3 with its own modules: no PYTHONPATH of another one.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"PYTHONPATH"_s);
    env.remove(u"PYTHONHOME"_s);
    m_process->setProcessEnvironment(env);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    // A file, not a pipe: nobody reads a pipe between requests, and a full one would block it.
    m_process->setStandardErrorFile(m_dir.filePath(u"server.stderr"_s), QIODevice::Append);
    // The server ends with the test, also when a watchdog or a crash ends the test first.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start(program, args);
    if (!m_process->waitForStarted(5000)) {
        m_error = u"cannot run %1: %2"_s.arg(program, m_process->errorString());
        return Outcome::Failed;
    }
    const QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            // Most often the port was taken (the server says "Address already in use").
            m_error =
                u"%1 exited (%2) before answering:\n%3"_s.arg(name()).arg(m_process->exitCode()).arg(stderrText());
            m_process.reset();
            return Outcome::PortTaken;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(200)) {
            if (listensOn(m_process->processId(), port)) {
                return Outcome::Started;
            }
            if (!listeningInodes(port).isEmpty()) {
                // Someone else answers there; ours cannot bind it.
                m_error = u"port %1 answers, but not %2"_s.arg(port).arg(name());
                stop();
                return Outcome::PortTaken;
            }
        }
        QThread::msleep(50);
    }
    m_error = u"%1 did not answer on port %2 within %3 s:\n%4"_s.arg(name())
                  .arg(port)
                  .arg(startTimeoutMs / 1000)
                  .arg(stderrText());
    stop();
    return Outcome::Failed;
}

void DavServer::stop()
{
    if (!m_process) {
        return;
    }
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
    m_process.reset();
}

void DavServer::kill()
{
    if (!m_process) {
        return;
    }
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
}

bool DavServer::restart()
{
    stop();
    return start();
}

} // namespace Tandem::Test
