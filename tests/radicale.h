#pragma once

#include "davserver.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Tandem::Test {

/// A real Radicale (Debian's, run by /usr/bin/python3: the python3 on PATH may lack it) on a
/// free loopback port, storing into a temporary folder that survives restart(). Owns the
/// process and the folder; the destructor stops the server.
class RadicaleServer final : public DavServer
{
public:
    enum class Auth {
        None,     ///< any user name is accepted, with any password
        Htpasswd, ///< only the users given to addUser(), plain-text htpasswd file
    };

    explicit RadicaleServer(Auth auth = Auth::None);
    ~RadicaleServer() override;
    RadicaleServer(const RadicaleServer &) = delete;
    RadicaleServer &operator=(const RadicaleServer &) = delete;

    /// For Auth::Htpasswd, before start().
    void addUser(const QString &name, const QString &password);
    /// Serve https with this certificate and key (PEM files), before start().
    void setTls(const QString &certificateFile, const QString &keyFile);
    /// Radicale rights in its from_file format (who may read or write which collection),
    /// before start(). Without it, every user owns their own collections only.
    void setRights(const QByteArray &rights);

    /// Picks a free port (the first time), starts Radicale, waits until it answers. On
    /// failure returns false and errorString() holds why, with Radicale's stderr.
    bool start() override;
    void stop() override;
    void kill() override;
    /// Same port, same folder.
    bool restart() override;

    QString name() const override { return QStringLiteral("Radicale"); }
    bool isRunning() const override;
    quint16 port() const { return m_port; }
    /// http(s)://127.0.0.1:PORT + path.
    QUrl url(const QString &path = QStringLiteral("/")) const override;
    /// /lead/NAME/: with auth none Radicale lets anyone make collections under any principal.
    QUrl calendarUrl(const QString &name) const override;
    QString storageFolder() const;
    QString errorString() const override { return m_error; }

private:
    QString stderrText() const;

    Auth m_auth;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_certificate;
    QString m_key;
    QByteArray m_rights;
    QByteArray m_users;
    QString m_error;
};

} // namespace Tandem::Test
