#pragma once

#include <QString>
#include <QUrl>

namespace Tandem::Test {

/// A real CalDAV server process on a free loopback port, storing into a temporary folder that
/// survives restarts: what tests that run against more than one implementation talk to.
class DavServer
{
public:
    virtual ~DavServer() = default;

    /// Which implementation, for messages ("Radicale", "Xandikos").
    virtual QString name() const = 0;
    /// Picks a free port (the first time), starts the server, waits until it answers. On
    /// failure returns false and errorString() holds why, with the server's stderr.
    virtual bool start() = 0;
    /// Asks the server to end (SIGTERM) and waits.
    virtual void stop() = 0;
    /// Ends the server at once (SIGKILL): whatever it was writing stays half-written.
    virtual void kill() = 0;
    /// Same port, same folder.
    virtual bool restart() = 0;
    virtual bool isRunning() const = 0;
    virtual QString errorString() const = 0;
    /// http://127.0.0.1:PORT + path.
    virtual QUrl url(const QString &path = QStringLiteral("/")) const = 0;
    /// Where a new calendar named `name` may be created with MKCALENDAR (the servers keep
    /// calendars in different places).
    virtual QUrl calendarUrl(const QString &name) const = 0;
};

} // namespace Tandem::Test
