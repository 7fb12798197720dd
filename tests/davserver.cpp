#include "davserver.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace Tandem::Test {

namespace {

constexpr int startTimeoutMs = 20000;

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
    if (!m_dir.isValid()) {
        m_error = u"no temporary folder"_s;
        return false;
    }
    if (m_port == 0) {
        m_port = freeLoopbackPort();
    }
    if (m_port == 0) {
        m_error = u"no free loopback port"_s;
        return false;
    }
    const auto [program, args] = command(m_port, &m_error);
    if (program.isEmpty()) {
        return false;
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
        return false;
    }
    const QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            m_error =
                u"%1 exited (%2) before answering:\n%3"_s.arg(name()).arg(m_process->exitCode()).arg(stderrText());
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200)) {
            return true;
        }
        QThread::msleep(50);
    }
    m_error = u"%1 did not answer on port %2 within %3 s:\n%4"_s.arg(name())
                  .arg(m_port)
                  .arg(startTimeoutMs / 1000)
                  .arg(stderrText());
    stop();
    return false;
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
