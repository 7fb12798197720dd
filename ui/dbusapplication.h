#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QVariantMap>

namespace Tandem {

/// The running Tandem on the session bus: the name TANDEM_APP_ID and the freedesktop
/// org.freedesktop.Application interface at its object path. A second start (the menu, a
/// desktop action, login) hands its request to the first instead of opening a second window
/// with a second tray icon and every reminder twice.
class DBusApplication final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Application")

public:
    explicit DBusApplication(QObject *parent = nullptr);
    ~DBusApplication() override;

    /// "/org/tandem/Tandem": the application id as a path, as the specification asks.
    static QString objectPath();
    /// Claims the name and exports the interface; false when another instance holds the name
    /// (or there is no bus).
    bool registerOn(const QDBusConnection &bus = QDBusConnection::sessionBus());
    /// Asks the instance holding the name to show `page` ("" for the page it is on); true when
    /// one answered.
    static bool forward(const QString &page, const QDBusConnection &bus = QDBusConnection::sessionBus());

    // The org.freedesktop.Application methods; D-Bus spells them with a capital.
public Q_SLOTS:
    Q_SCRIPTABLE void Activate(const QVariantMap &platformData);
    Q_SCRIPTABLE void Open(const QStringList &uris, const QVariantMap &platformData);
    /// The desktop file's actions: "calendar", "next-shift" (Home); a page name also works.
    Q_SCRIPTABLE void ActivateAction(const QString &action, const QVariantList &parameter,
                                     const QVariantMap &platformData);

Q_SIGNALS:
    /// Show the window on `page` (home, roster, calendar; empty: as it is).
    void activateRequested(const QString &page);

private:
    QDBusConnection m_bus;
    bool m_registered = false;
};

} // namespace Tandem
