#pragma once

#include "davserver.h"

#include <QByteArray>

namespace Tandem::Test {

/// A real Radicale (Debian's, run by /usr/bin/python3: the python3 on PATH may lack it) on a
/// free loopback port, storing into a temporary folder that survives restart(). With auth none
/// anyone may make collections under any principal (/lead/NAME/).
class RadicaleServer final : public DavServer
{
public:
    enum class Auth {
        None,     ///< any user name is accepted, with any password
        Htpasswd, ///< only the users given to addUser(), plain-text htpasswd file
    };

    explicit RadicaleServer(Auth auth = Auth::None) : m_auth(auth) {}

    /// For Auth::Htpasswd, before start().
    void addUser(const QString &name, const QString &password);
    /// Serve https with this certificate and key (PEM files), before start().
    void setTls(const QString &certificateFile, const QString &keyFile);
    /// Radicale rights in its from_file format (who may read or write which collection),
    /// before start(). Without it, every user owns their own collections only.
    void setRights(const QByteArray &rights);

    QString name() const override { return QStringLiteral("Radicale"); }
    QUrl calendarUrl(const QString &name) const override;
    QString storageFolder() const;

protected:
    std::pair<QString, QStringList> command(quint16 port, QString *error) override;
    bool usesTls() const override { return !m_certificate.isEmpty(); }

private:
    Auth m_auth;
    QString m_certificate;
    QString m_key;
    QByteArray m_rights;
    QByteArray m_users;
};

} // namespace Tandem::Test
