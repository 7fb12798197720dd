#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

namespace Tandem::Test {

/// A real CalDAV server process on a free loopback port, storing into a temporary folder that
/// survives restarts: what tests that run against more than one implementation talk to.
/// Owns the process and the folder; the destructor stops the server. Subclasses say how to
/// start their server (arguments()).
class DavServer
{
public:
    DavServer() = default;
    virtual ~DavServer();
    DavServer(const DavServer &) = delete;
    DavServer &operator=(const DavServer &) = delete;

    /// Which implementation, for messages ("Radicale", "Xandikos").
    virtual QString name() const = 0;
    /// Where a new calendar named `name` may be created with MKCALENDAR (the servers keep
    /// calendars in different places).
    virtual QUrl calendarUrl(const QString &name) const = 0;

    /// Picks a free port (the first time), starts the server, waits until it answers. The port
    /// is free when picked, but another process may take it before the server binds it: then the
    /// server exits, or another process answers on it; start() tries another port (a few times).
    /// A restart keeps its port (the clients know it). On failure returns false and errorString()
    /// holds why, with the server's stderr.
    bool start();
    /// Asks the server to end (SIGTERM) and waits.
    void stop();
    /// Ends the server at once (SIGKILL): whatever it was writing stays half-written.
    void kill();
    /// Same port, same folder.
    bool restart();
    bool isRunning() const;
    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    /// http(s)://127.0.0.1:PORT + path.
    QUrl url(const QString &path = QStringLiteral("/")) const;
    /// For the fixture's own test: where start() gets its ports from (default: a port the
    /// kernel says is free), to hand it one another process holds.
    void setPortPicker(std::function<quint16()> picker) { m_pickPort = std::move(picker); }
    /// How many ports the last start() tried.
    int portsTried() const { return m_portsTried; }

protected:
    /// The program and its arguments for serving `folder` on 127.0.0.1:`port`; an empty
    /// program after setting `*error` when it cannot start.
    virtual std::pair<QString, QStringList> command(quint16 port, QString *error) = 0;
    virtual bool usesTls() const { return false; }
    /// The temporary folder the server and its files live in.
    const QTemporaryDir &dir() const { return m_dir; }

private:
    enum class Outcome { Started, PortTaken, Failed };
    Outcome startOn(quint16 port);
    QString stderrText() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
    std::function<quint16()> m_pickPort;
    int m_portsTried = 0;
};

} // namespace Tandem::Test
