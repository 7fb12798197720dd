#pragma once

#include "davserver.h"

#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace Tandem::Test {

/// A real Xandikos (Debian's `xandikos`, a second CalDAV implementation, git-backed storage)
/// on a free loopback port, storing into a temporary folder that survives restart(). No
/// authentication: any user name and password are accepted. Calendars live under
/// /user/calendars/ (created on start with --autocreate). Owns the process and the folder.
class XandikosServer final : public DavServer
{
public:
    XandikosServer();
    ~XandikosServer() override;
    XandikosServer(const XandikosServer &) = delete;
    XandikosServer &operator=(const XandikosServer &) = delete;

    QString name() const override { return QStringLiteral("Xandikos"); }
    bool start() override;
    void stop() override;
    void kill() override;
    bool restart() override;
    bool isRunning() const override;
    QString errorString() const override { return m_error; }
    QUrl url(const QString &path = QStringLiteral("/")) const override;
    QUrl calendarUrl(const QString &name) const override;
    quint16 port() const { return m_port; }

private:
    QString stderrText() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace Tandem::Test
