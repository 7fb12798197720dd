#include "dbusapplication.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>

#include <utility>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString pageOf(const QString &action)
{
    if (action == u"next-shift") {
        return u"home"_s;
    }
    return action;
}

} // namespace

DBusApplication::DBusApplication(QObject *parent) : QObject(parent), m_bus(QString()) {}

DBusApplication::~DBusApplication()
{
    if (m_registered) {
        m_bus.unregisterObject(objectPath());
        m_bus.unregisterService(QStringLiteral(TANDEM_APP_ID));
    }
}

QString DBusApplication::objectPath()
{
    return u"/"_s + QStringLiteral(TANDEM_APP_ID).replace(u'.', u'/');
}

bool DBusApplication::registerOn(const QDBusConnection &bus)
{
    if (!bus.isConnected() || !bus.interface()) {
        return false;
    }
    m_bus = bus;
    // Not queued: whoever holds the name is the running Tandem; this one forwards to it.
    const QDBusReply<QDBusConnectionInterface::RegisterServiceReply> reply =
        m_bus.interface()->registerService(QStringLiteral(TANDEM_APP_ID), QDBusConnectionInterface::DontQueueService,
                                           QDBusConnectionInterface::DontAllowReplacement);
    if (!reply.isValid() || reply.value() != QDBusConnectionInterface::ServiceRegistered) {
        return false;
    }
    if (!m_bus.registerObject(objectPath(), this, QDBusConnection::ExportScriptableSlots)) {
        m_bus.unregisterService(QStringLiteral(TANDEM_APP_ID));
        return false;
    }
    m_registered = true;
    return true;
}

bool DBusApplication::forward(const QString &page, const QDBusConnection &bus)
{
    if (!bus.isConnected()) {
        return false;
    }
    QDBusMessage message =
        QDBusMessage::createMethodCall(QStringLiteral(TANDEM_APP_ID), objectPath(), u"org.freedesktop.Application"_s,
                                       page.isEmpty() ? u"Activate"_s : u"ActivateAction"_s);
    // The launcher's startup token lets the running window take the focus.
    QVariantMap platformData;
    const std::pair<const char *, QString> tokens[] = {{"DESKTOP_STARTUP_ID", u"desktop-startup-id"_s},
                                                       {"XDG_ACTIVATION_TOKEN", u"activation-token"_s}};
    for (const auto &[variable, key] : tokens) {
        if (qEnvironmentVariableIsSet(variable)) {
            platformData.insert(key, qEnvironmentVariable(variable));
        }
    }
    if (page.isEmpty()) {
        message << platformData;
    } else {
        message << page << QVariantList() << platformData;
    }
    const QDBusMessage reply = bus.call(message, QDBus::Block, 5000);
    return reply.type() == QDBusMessage::ReplyMessage;
}

void DBusApplication::Activate(const QVariantMap &platformData)
{
    Q_UNUSED(platformData)
    Q_EMIT activateRequested(QString());
}

void DBusApplication::Open(const QStringList &uris, const QVariantMap &platformData)
{
    Q_UNUSED(uris)
    Q_UNUSED(platformData)
    Q_EMIT activateRequested(QString());
}

void DBusApplication::ActivateAction(const QString &action, const QVariantList &parameter,
                                     const QVariantMap &platformData)
{
    Q_UNUSED(parameter)
    Q_UNUSED(platformData)
    Q_EMIT activateRequested(pageOf(action));
}

} // namespace Tandem
