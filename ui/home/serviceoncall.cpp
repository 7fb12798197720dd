#include "serviceoncall.h"

#include "domain/localeformat.h"
#include "services/servicecatalog.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServiceOnCall, "tandem.home.services")

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::HomePage", text);
}

} // namespace

int addServiceOnCallRows(QTreeWidget *tree, Database &db, const QDateTime &now)
{
    const auto services = ServiceCatalog(db).onCallAt(now);
    if (!services) {
        qCWarning(lcServiceOnCall) << "services on call:" << services.errorMessage();
        return 0;
    }
    const QColor alarm(0xb0, 0x00, 0x20);
    for (const ServiceNow &n : services.value()) {
        QStringList cells;
        if (n.covered()) {
            cells << tr("Service %1\nby %2").arg(n.service.name, n.leg->name) << n.dev->name << n.ops->name;
            const QTimeZone zone(n.leg->timeZone.toUtf8());
            cells << tr("%1 (%2)").arg(n.shift->end.toTimeZone(zone).time().toString(u"HH:mm"_s), n.leg->timeZone)
                  << QString();
        } else {
            const QString why = n.incomplete ? (n.incomplete->dev.isNull() ? tr("%1 has only an ops engineer")
                                                                           : tr("%1 has only a developer"))
                                                   .arg(n.leg ? n.leg->name : QString())
                                             : tr("no leg is on now");
            cells << tr("Service %1").arg(n.service.name) << tr("not covered now") << why << QString() << QString();
        }
        auto *item = new QTreeWidgetItem(tree, cells);
        item->setData(0, Qt::UserRole, n.service.id.toString());
        if (!n.covered()) {
            item->setForeground(1, alarm);
            item->setForeground(2, alarm);
        }
    }
    return int(services->size());
}

} // namespace Tandem
