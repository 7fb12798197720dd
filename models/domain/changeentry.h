#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Tandem {

enum class ChangeAction { Create, Update, Delete };

QString changeActionToString(ChangeAction action);

/// One row of the change log: who changed what, when, before and after. The log is the audit
/// trail (who held production access when, and who changed it) and the sync outbox.
struct ChangeEntry
{
    qint64 seq = 0; ///< order of the change in this database
    QDateTime at;   ///< UTC
    QString actor;  ///< configured identity, else the OS user
    QString entity; ///< "person", "team", "timeoff", "holiday", "shift", "rotation", "pool", "request"
    QString entityId;
    ChangeAction action = ChangeAction::Update;
    QJsonObject before; ///< empty on create
    QJsonObject after;  ///< empty on delete
};

namespace Entity {
inline constexpr QStringView Person = u"person";
inline constexpr QStringView Team = u"team";
inline constexpr QStringView TimeOff = u"timeoff";
inline constexpr QStringView Holiday = u"holiday";
inline constexpr QStringView Shift = u"shift";
inline constexpr QStringView Rotation = u"rotation";
inline constexpr QStringView Pool = u"pool";
inline constexpr QStringView Request = u"request"; ///< a swap or cover request
inline constexpr QStringView Service = u"service"; ///< a follow-the-sun service and its legs
} // namespace Entity

} // namespace Tandem

Q_DECLARE_METATYPE(Tandem::ChangeEntry)
