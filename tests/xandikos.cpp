#include "xandikos.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Tandem::Test {

namespace {

constexpr int startTimeoutMs = 20000;

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

XandikosServer::XandikosServer() = default;

XandikosServer::~XandikosServer()
{
    stop();
}

QUrl XandikosServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    url.setPath(path);
    return url;
}

QUrl XandikosServer::calendarUrl(const QString &name) const
{
    return url(u"/user/calendars/%1/"_s.arg(name));
}

bool XandikosServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString XandikosServer::stderrText() const
{
    QFile file(m_dir.filePath(u"xandikos.stderr"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(4000)) : QString();
}

bool XandikosServer::start()
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
    // Debian's /usr/bin/xandikos runs /usr/bin/python3 (the python3 on PATH may lack it).
    const QString program = u"/usr/bin/xandikos"_s;
    if (!QFile::exists(program)) {
        m_error = u"%1 is missing: install Debian's xandikos (packaging/dev.sh deps)"_s.arg(program);
        return false;
    }
    const QStringList args{u"-d"_s, m_dir.filePath(u"storage"_s), u"-l"_s,          u"127.0.0.1"_s,
                           u"-p"_s, QString::number(m_port),      u"--autocreate"_s};
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"PYTHONPATH"_s);
    env.remove(u"PYTHONHOME"_s);
    m_process->setProcessEnvironment(env);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    // A file, not a pipe: the access log goes to stderr and nobody reads a pipe between requests.
    m_process->setStandardErrorFile(m_dir.filePath(u"xandikos.stderr"_s), QIODevice::Append);
    m_process->start(program, args);
    if (!m_process->waitForStarted(5000)) {
        m_error = u"cannot run %1: %2"_s.arg(program, m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            m_error = u"Xandikos exited (%1) before answering:\n%2"_s.arg(m_process->exitCode()).arg(stderrText());
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200)) {
            return true;
        }
        QThread::msleep(50);
    }
    m_error = u"Xandikos did not answer on port %1 within %2 s:\n%3"_s.arg(m_port)
                  .arg(startTimeoutMs / 1000)
                  .arg(stderrText());
    stop();
    return false;
}

void XandikosServer::stop()
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

void XandikosServer::kill()
{
    if (!m_process) {
        return;
    }
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
}

bool XandikosServer::restart()
{
    stop();
    return start();
}

} // namespace Tandem::Test
