#pragma once

#include <QDBusConnection>
#include <QDBusError>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

namespace Tandem::Test {

/// A private D-Bus session bus for one test: a real dbus-daemon (Debian's dbus) that the test
/// talks to through named connections, never the user's session bus.
class SessionBus
{
public:
    SessionBus()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty()) {
            qFatal("dbus-daemon is not installed (Debian: dbus; packaging/dev.sh installs it)");
        }
        m_daemon.setProgram(daemon);
        m_daemon.setArguments({QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                               QStringLiteral("--print-address=1")});
        m_daemon.setProcessChannelMode(QProcess::SeparateChannels);
        m_daemon.start();
        if (!m_daemon.waitForStarted(10000)) {
            qFatal("cannot start dbus-daemon: %s", qPrintable(m_daemon.errorString()));
        }
        while (!m_daemon.canReadLine() && m_daemon.waitForReadyRead(10000)) {
        }
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        if (m_address.isEmpty()) {
            qFatal("dbus-daemon printed no address: %s", m_daemon.readAllStandardError().constData());
        }
    }
    ~SessionBus()
    {
        for (const QString &name : std::as_const(m_names)) {
            QDBusConnection::disconnectFromBus(name);
        }
        m_daemon.terminate();
        m_daemon.waitForFinished(5000);
    }
    SessionBus(const SessionBus &) = delete;
    SessionBus &operator=(const SessionBus &) = delete;

    QString address() const { return m_address; }
    /// A new connection to the bus (each one a peer of its own, like another process).
    QDBusConnection connect(const QString &name)
    {
        m_names.append(name);
        QDBusConnection connection = QDBusConnection::connectToBus(m_address, name);
        if (!connection.isConnected()) {
            qFatal("cannot connect to the test bus: %s", qPrintable(connection.lastError().message()));
        }
        return connection;
    }

private:
    QProcess m_daemon;
    QString m_address;
    QStringList m_names;
};

} // namespace Tandem::Test
