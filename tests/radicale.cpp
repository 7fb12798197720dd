#include "radicale.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace Tandem::Test {

void RadicaleServer::addUser(const QString &name, const QString &password)
{
    m_users += name.toUtf8() + ':' + password.toUtf8() + '\n';
}

void RadicaleServer::setTls(const QString &certificateFile, const QString &keyFile)
{
    m_certificate = certificateFile;
    m_key = keyFile;
}

void RadicaleServer::setRights(const QByteArray &rights)
{
    m_rights = rights;
}

QString RadicaleServer::storageFolder() const
{
    return dir().filePath(u"collections"_s);
}

QUrl RadicaleServer::calendarUrl(const QString &name) const
{
    return url(u"/lead/%1/"_s.arg(name));
}

std::pair<QString, QStringList> RadicaleServer::command(quint16 port, QString *error)
{
    QStringList args{u"-m"_s, u"radicale"_s, u"--config"_s, QString(), u"--server-hosts"_s, u"127.0.0.1:%1"_s.arg(port),
                     u"--storage-filesystem-folder"_s, storageFolder(),
                     // A wrong password would otherwise cost a second per request.
                     u"--auth-delay"_s, u"0.01"_s};
    const auto write = [&](const QString &file, const QByteArray &bytes) {
        QFile out(dir().filePath(file));
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
            *error = u"cannot write %1"_s.arg(out.fileName());
            return QString();
        }
        return out.fileName();
    };
    if (m_auth == Auth::None) {
        args << u"--auth-type"_s << u"none"_s;
    } else {
        const QString users = write(u"users"_s, m_users);
        if (users.isEmpty()) {
            return {};
        }
        args << u"--auth-type"_s << u"htpasswd"_s << u"--auth-htpasswd-filename"_s << users
             << u"--auth-htpasswd-encryption"_s << u"plain"_s;
    }
    if (!m_rights.isEmpty()) {
        const QString rights = write(u"rights"_s, m_rights);
        if (rights.isEmpty()) {
            return {};
        }
        args << u"--rights-type"_s << u"from_file"_s << u"--rights-file"_s << rights;
    }
    if (!m_certificate.isEmpty()) {
        args << u"--server-ssl"_s << u"True"_s << u"--server-certificate"_s << m_certificate << u"--server-key"_s
             << m_key;
    }
    return {u"/usr/bin/python3"_s, args};
}

} // namespace Tandem::Test
