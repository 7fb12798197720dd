#pragma once

#include <QDBusConnection>
#include <QDBusError>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace Tandem::Test {

/// A private D-Bus session bus for one test: a real dbus-daemon (Debian's dbus) that the test
/// talks to through named connections, never the user's session bus. It starts services only
/// from its own folder (serviceDir()), not the machine's: a notification daemon installed here
/// (dunst, xfce4-notifyd) must not answer for the test.
class SessionBus
{
public:
    SessionBus()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty()) {
            qFatal("dbus-daemon is not installed (Debian: dbus; packaging/dev.sh installs it)");
        }
        // The machine's session bus configuration, with this bus's own socket folder and services.
        QDir(m_dir.path()).mkpath(QStringLiteral("services"));
        QFile standard(QStringLiteral("/usr/share/dbus-1/session.conf"));
        if (!standard.open(QIODevice::ReadOnly)) {
            qFatal("cannot read /usr/share/dbus-1/session.conf (Debian: dbus)");
        }
        QByteArray text = standard.readAll();
        text.replace("<standard_session_servicedirs />", "<servicedir>" + serviceDir().toUtf8() + "</servicedir>");
        text.replace("unix:tmpdir=/tmp", "unix:tmpdir=" + m_dir.path().toUtf8());
        const QString config = m_dir.filePath(QStringLiteral("session.conf"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
            qFatal("cannot write %s", qPrintable(config));
        }
        file.close();
        m_daemon.setProgram(daemon);
        m_daemon.setArguments({QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                               QStringLiteral("--nopidfile"), QStringLiteral("--print-address=1")});
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
    /// Where the bus looks for services it may start (D-Bus .service files).
    QString serviceDir() const { return m_dir.filePath(QStringLiteral("services")); }
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
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
    QStringList m_names;
};

} // namespace Tandem::Test
