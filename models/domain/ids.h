#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>
#include <QUuid>

namespace Tandem {

/// A typed UUID: a PersonId cannot be passed where a ShiftId is expected. Ids are stable across
/// the database, .ics files and CalDAV (they become iCalendar UIDs), so they are UUIDs, not row numbers.
template <typename Tag> class Id
{
public:
    Id() = default;
    explicit Id(const QUuid &uuid) : m_uuid(uuid) {}

    static Id create() { return Id(QUuid::createUuid()); }
    static Id fromString(QStringView text) { return Id(QUuid::fromString(text)); }

    bool isNull() const { return m_uuid.isNull(); }
    QUuid uuid() const { return m_uuid; }
    /// Lower-case, without braces: the form stored in SQLite and used as iCalendar UID.
    QString toString() const { return m_uuid.toString(QUuid::WithoutBraces); }

    friend bool operator==(const Id &a, const Id &b) { return a.m_uuid == b.m_uuid; }
    friend bool operator!=(const Id &a, const Id &b) { return a.m_uuid != b.m_uuid; }
    friend bool operator<(const Id &a, const Id &b) { return a.m_uuid < b.m_uuid; }
    friend size_t qHash(const Id &id, size_t seed = 0) { return qHash(id.m_uuid, seed); }

private:
    QUuid m_uuid;
};

struct PersonTag;
struct TeamTag;
struct RotationTag;
struct PoolTag;
struct ShiftTag;
struct TimeOffTag;
struct HolidayTag;
struct SwapRequestTag;

using PersonId = Id<PersonTag>;
using TeamId = Id<TeamTag>;
using RotationId = Id<RotationTag>;
using PoolId = Id<PoolTag>;
using ShiftId = Id<ShiftTag>;
using TimeOffId = Id<TimeOffTag>;
using HolidayId = Id<HolidayTag>;
using SwapRequestId = Id<SwapRequestTag>;

} // namespace Tandem

Q_DECLARE_METATYPE(Tandem::PersonId)
Q_DECLARE_METATYPE(Tandem::ShiftId)
Q_DECLARE_METATYPE(Tandem::SwapRequestId)
