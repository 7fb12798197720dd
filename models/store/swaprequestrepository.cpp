#include "swaprequestrepository.h"

#include "database.h"
#include "sqlutil.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

template <typename IdType> QVariant idValue(const IdType &id)
{
    return id.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(id.toString());
}

QVariant instantValue(const QDateTime &at)
{
    return at.isValid() ? QVariant(at.toSecsSinceEpoch()) : QVariant(QMetaType::fromType<qlonglong>());
}

QDateTime instantFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariantList values(const SwapRequest &r)
{
    return {swapKindToString(r.kind), r.shiftId.toString(), seatToString(r.seat), r.requester.toString(),
            r.target.toString(), idValue(r.otherShiftId), instantValue(r.partFrom), instantValue(r.partTo),
            swapStateToString(r.state), r.needsApproval ? 1 : 0, idValue(r.decidedBy), r.message,
            // Both NOT NULL; a request from elsewhere without times reads as created at the epoch.
            r.created.isValid() ? r.created.toSecsSinceEpoch() : 0,
            r.updated.isValid()   ? r.updated.toSecsSinceEpoch()
            : r.created.isValid() ? r.created.toSecsSinceEpoch()
                                  : 0,
            r.id.toString()};
}

} // namespace

Result<QList<SwapRequest>> SwapRequestRepository::select(const QString &where, const QVariantList &bound) const
{
    auto query = run(m_db,
                     u"SELECT id, kind, shift_id, seat, requester_id, target_id, other_shift_id, part_from_utc, "
                     "part_to_utc, state, needs_approval, decided_by, message, created_utc, updated_utc "
                     "FROM swap_requests WHERE "_s +
                         where + u" ORDER BY created_utc DESC, id"_s,
                     bound);
    if (!query) {
        return query.error();
    }
    QList<SwapRequest> result;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        SwapRequest r;
        r.id = SwapRequestId::fromString(q.value(0).toString());
        // The schema's CHECKs admit only the names these parse: the fallbacks never apply.
        r.kind = swapKindFromString(q.value(1).toString()).value_or(SwapKind::Swap);
        r.shiftId = ShiftId::fromString(q.value(2).toString());
        r.seat = seatFromString(q.value(3).toString()).value_or(Seat::Dev);
        r.requester = PersonId::fromString(q.value(4).toString());
        r.target = PersonId::fromString(q.value(5).toString());
        r.otherShiftId = q.value(6).isNull() ? ShiftId() : ShiftId::fromString(q.value(6).toString());
        r.partFrom = instantFrom(q.value(7));
        r.partTo = instantFrom(q.value(8));
        r.state = swapStateFromString(q.value(9).toString()).value_or(SwapState::Pending);
        r.needsApproval = q.value(10).toInt() != 0;
        r.decidedBy = q.value(11).isNull() ? PersonId() : PersonId::fromString(q.value(11).toString());
        r.message = q.value(12).toString();
        r.created = instantFrom(q.value(13));
        r.updated = instantFrom(q.value(14));
        result.append(r);
    }
    return result;
}

Result<std::optional<SwapRequest>> SwapRequestRepository::find(SwapRequestId id) const
{
    auto found = select(u"id = ?"_s, {id.toString()});
    if (!found) {
        return found.error();
    }
    return found->isEmpty() ? std::nullopt : std::optional<SwapRequest>(found->first());
}

Result<QList<SwapRequest>> SwapRequestRepository::all() const
{
    return select(u"1 = 1"_s, {});
}

Result<QList<SwapRequest>> SwapRequestRepository::involving(PersonId person) const
{
    return select(u"requester_id = ? OR target_id = ?"_s, {person.toString(), person.toString()});
}

Result<QList<SwapRequest>> SwapRequestRepository::forShift(ShiftId shift) const
{
    return select(u"shift_id = ? OR other_shift_id = ?"_s, {shift.toString(), shift.toString()});
}

Status SwapRequestRepository::insert(const SwapRequest &r)
{
    return execute(m_db,
                   u"INSERT INTO swap_requests (kind, shift_id, seat, requester_id, target_id, other_shift_id, "
                   "part_from_utc, part_to_utc, state, needs_approval, decided_by, message, created_utc, updated_utc, "
                   "id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                   values(r));
}

Status SwapRequestRepository::update(const SwapRequest &r)
{
    auto query = run(m_db,
                     u"UPDATE swap_requests SET kind = ?, shift_id = ?, seat = ?, requester_id = ?, target_id = ?, "
                     "other_shift_id = ?, part_from_utc = ?, part_to_utc = ?, state = ?, needs_approval = ?, "
                     "decided_by = ?, message = ?, created_utc = ?, updated_utc = ? WHERE id = ?"_s,
                     values(r));
    if (!query) {
        return query.error();
    }
    if (query.value().numRowsAffected() == 0) {
        return Error{QCoreApplication::translate("Tandem::SwapRequestRepository", "The request is no longer there.")};
    }
    return {};
}

Status SwapRequestRepository::remove(SwapRequestId id)
{
    return execute(m_db, u"DELETE FROM swap_requests WHERE id = ?"_s, {id.toString()});
}

} // namespace Tandem
