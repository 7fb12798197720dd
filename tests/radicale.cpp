#include "radicale.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Tandem::Test {

namespace {

constexpr int startTimeoutMs = 15000;

quint16 freeLoopbackPort()
{
    // Bind to port 0, read what the kernel chose, let it go: Radicale binds it right after.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

RadicaleServer::RadicaleServer(Auth auth) : m_auth(auth) {}

RadicaleServer::~RadicaleServer()
{
    stop();
}

void RadicaleServer::addUser(const QString &name, const QString &password)
{
    m_users += name.toUtf8() + ':' + password.toUtf8() + '\n';
}

void RadicaleServer::setTls(const QString &certificateFile, const QString &keyFile)
{
    m_certificate = certificateFile;
    m_key = keyFile;
}

QString RadicaleServer::storageFolder() const
{
    return m_dir.filePath(u"collections"_s);
}

QUrl RadicaleServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(m_certificate.isEmpty() ? u"http"_s : u"https"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    url.setPath(path);
    return url;
}

QUrl RadicaleServer::calendarUrl(const QString &name) const
{
    return url(u"/lead/%1/"_s.arg(name));
}

bool RadicaleServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString RadicaleServer::stderrText() const
{
    QFile file(m_dir.filePath(u"radicale.stderr"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void RadicaleServer::setRights(const QByteArray &rights)
{
    m_rights = rights;
}

bool RadicaleServer::start()
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
    QStringList args{u"-m"_s, u"radicale"_s, u"--config"_s, QString(), u"--server-hosts"_s,
                     u"127.0.0.1:%1"_s.arg(m_port), u"--storage-filesystem-folder"_s, storageFolder(),
                     // A wrong password would otherwise cost a second per request.
                     u"--auth-delay"_s, u"0.01"_s};
    if (m_auth == Auth::None) {
        args << u"--auth-type"_s << u"none"_s;
    } else {
        const QString users = m_dir.filePath(u"users"_s);
        QFile file(users);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_users) != m_users.size()) {
            m_error = u"cannot write %1"_s.arg(users);
            return false;
        }
        file.close();
        args << u"--auth-type"_s << u"htpasswd"_s << u"--auth-htpasswd-filename"_s << users
             << u"--auth-htpasswd-encryption"_s << u"plain"_s;
    }
    if (!m_rights.isEmpty()) {
        const QString rights = m_dir.filePath(u"rights"_s);
        QFile file(rights);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_rights) != m_rights.size()) {
            m_error = u"cannot write %1"_s.arg(rights);
            return false;
        }
        args << u"--rights-type"_s << u"from_file"_s << u"--rights-file"_s << rights;
    }
    if (!m_certificate.isEmpty()) {
        args << u"--server-ssl"_s << u"True"_s << u"--server-certificate"_s << m_certificate << u"--server-key"_s
             << m_key;
    }

    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"PYTHONPATH"_s);
    env.remove(u"PYTHONHOME"_s);
    m_process->setProcessEnvironment(env);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    // A file, not a pipe: nobody reads a pipe between requests, and a full one would block Radicale.
    m_process->setStandardErrorFile(m_dir.filePath(u"radicale.stderr"_s), QIODevice::Append);
    m_process->start(u"/usr/bin/python3"_s, args);
    if (!m_process->waitForStarted(5000)) {
        m_error = u"cannot run /usr/bin/python3: %1"_s.arg(m_process->errorString());
        return false;
    }

    const QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            m_error = u"Radicale exited (%1) before answering:\n%2"_s.arg(m_process->exitCode()).arg(stderrText());
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200)) {
            return true;
        }
        QThread::msleep(50);
    }
    m_error = u"Radicale did not answer on port %1 within %2 s:\n%3"_s.arg(m_port)
                  .arg(startTimeoutMs / 1000)
                  .arg(stderrText());
    stop();
    return false;
}

void RadicaleServer::stop()
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

void RadicaleServer::kill()
{
    if (!m_process) {
        return;
    }
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
}

bool RadicaleServer::restart()
{
    stop();
    return start();
}

} // namespace Tandem::Test
