#include "planservice.h"

#include "domain/serialize.h"
#include "planner/windowcut.h"
#include "store/changelog.h"
#include "store/database.h"
#include "store/loggedwrite.h"
#include "store/personrepository.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "store/timeoffrepository.h"
#include "store/transaction.h"
#include "validation.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::PlanService", text);
}

// Dates are rotation-local; a day of margin on each side covers every zone's offset.
QDateTime dayStartUtc(QDate date)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).addDays(-1);
}

} // namespace

Result<Planner::PlanRequest> PlanService::request(const QList<RotationId> &rotationIds, QDate from, QDate to,
                                                  quint64 seed) const
{
    if (!from.isValid() || !to.isValid()) {
        return Error{tr("The plan needs a valid first and last day."), u"from"_s};
    }
    if (to < from) {
        return Error{
            tr("The plan ends (%1) before it starts (%2).").arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)),
            u"to"_s};
    }
    if (from.daysTo(to) + 1 > MaxPlanDays) {
        return Error{tr("The plan covers %1 days; Tandem plans at most %2 days (5 years) at once. Plan a shorter "
                        "period, or several in turn.")
                         .arg(from.daysTo(to) + 1)
                         .arg(MaxPlanDays),
                     u"to"_s};
    }
    Planner::PlanRequest request;
    request.from = from;
    request.to = to;
    request.now = m_db.clock().now();
    request.seed = seed;
    // Read before the data it versions: a change landing while we read makes the plan look stale
    // (and it is planned again), never the other way round.
    auto version = ChangeLog(m_db).lastSeq();
    if (!version) {
        return version.error();
    }
    request.dataVersion = version.value();

    RotationRepository rotations(m_db);
    PoolRepository pools(m_db);
    HolidayRepository holidays(m_db);
    // Many rotations (the calendar's rule pass asks for every one shown) are read in one go,
    // with their pools: each single read of a pool walks every pool membership.
    QHash<RotationId, Rotation> inUse;
    QHash<PoolId, OpsPool> allPools;
    if (rotationIds.size() > 2) {
        auto all = rotations.all();
        auto poolList = pools.all();
        if (!all) {
            return all.error();
        }
        if (!poolList) {
            return poolList.error();
        }
        for (const Rotation &r : all.value()) {
            inUse.insert(r.id, r);
        }
        for (const OpsPool &p : poolList.value()) {
            allPools.insert(p.id, p);
        }
    }
    int lookbackWeeks = 0;
    for (const RotationId &id : rotationIds) {
        auto rotation = inUse.contains(id) ? Result<std::optional<Rotation>>(inUse.value(id)) : rotations.find(id);
        if (!rotation) {
            return rotation.error();
        }
        if (!rotation.value()) {
            return Error{tr("The rotation %1 is not in the database.").arg(id.toString()), u"rotation"_s};
        }
        if (const auto errors = validateWeights(rotation.value()->rules); !errors.isEmpty()) {
            return Error{tr("%1: %2 Change it in the rotation's settings (rotation edit).")
                             .arg(rotation.value()->name, errors.first().message),
                         u"rotation"_s};
        }
        request.rotations.append(*rotation.value());
        lookbackWeeks = std::max(lookbackWeeks, rotation.value()->rules.lookbackWeeks);
        const PoolId poolId = rotation.value()->opsPoolId;
        if (!poolId.isNull() && !request.pools.contains(poolId)) {
            auto pool =
                allPools.contains(poolId) ? Result<std::optional<OpsPool>>(allPools.value(poolId)) : pools.find(poolId);
            if (!pool) {
                return pool.error();
            }
            if (pool.value()) {
                request.pools.insert(poolId, *pool.value());
            }
        }
        const TeamId team = rotation.value()->teamId;
        if (!request.holidays.contains(team)) {
            auto days = holidays.forTeam(team);
            if (!days) {
                return days.error();
            }
            QList<QDate> dates;
            for (const Holiday &h : days.value()) {
                dates.append(h.date);
            }
            request.holidays.insert(team, dates);
        }
    }
    auto people = PersonRepository(m_db).all();
    if (!people) {
        return people.error();
    }
    request.people = people.value();

    const QDate lookbackStart = from.addDays(-7 * lookbackWeeks);
    auto timeOff = TimeOffRepository(m_db).overlapping(lookbackStart.addDays(-1), to.addDays(40));
    if (!timeOff) {
        return timeOff.error();
    }
    request.timeOff = timeOff.value();
    // All rotations' shifts: the planned ones are history and current plan, the others count
    // for double booking. Shifts just past the horizon matter for the rest rule.
    auto existing = ShiftRepository(m_db).overlapping(dayStartUtc(lookbackStart), dayStartUtc(to.addDays(40)));
    if (!existing) {
        return existing.error();
    }
    request.existing = existing.value();
    return request;
}

Result<Planner::PlanResult> PlanService::preview(const QList<RotationId> &rotations, QDate from, QDate to,
                                                 const Planner::Progress &progress) const
{
    auto built = request(rotations, from, to);
    if (!built) {
        return built.error();
    }
    auto result = Planner::plan(built.value(), progress);
    if (!result.error.isEmpty()) {
        return Error{result.error};
    }
    return result;
}

Status PlanService::checkCurrent(const Planner::PlanResult &plan) const
{
    if (plan.dataVersion < 0) {
        return {};
    }
    // Everything a plan is computed from: people and their teams, leave, holidays, the rotations
    // and pools, and every rotation's shifts (double booking). Swap requests change shifts through
    // shift entries.
    static const QStringList inputs = {u"person"_s,   u"team"_s, u"timeoff"_s, u"holiday"_s,
                                       u"rotation"_s, u"pool"_s, u"shift"_s};
    auto since = ChangeLog(m_db).changesSince(plan.dataVersion, inputs);
    if (!since) {
        return since.error();
    }
    if (since->count == 0) {
        return {};
    }
    QString what = since->firstEntity == u"timeoff"   ? tr("time off")
                   : since->firstEntity == u"shift"   ? tr("a shift")
                   : since->firstEntity == u"person"  ? tr("the roster")
                   : since->firstEntity == u"holiday" ? tr("a public holiday")
                                                      : tr("a rotation, team or pool");
    return Error{tr("The data changed while the plan was computed (%1, changed by %2); nothing was written. Plan "
                    "again.")
                     .arg(what, since->firstActor),
                 Field::Stale.toString()};
}

Result<AppliedPlan> PlanService::apply(const Planner::PlanResult &plan)
{
    if (plan.cancelled) {
        return Error{tr("The plan was cancelled; nothing was written.")};
    }
    if (!plan.error.isEmpty()) {
        return Error{plan.error};
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    // Under the write lock: nothing the plan was computed from may have changed since (leave
    // taken, another plan of the same rotations written), or the plan would overwrite it.
    if (auto status = checkCurrent(plan); !status) {
        return status.error();
    }
    ShiftRepository shifts(m_db);
    AppliedPlan applied;
    for (const Planner::PlannedShift &planned : plan.shifts) {
        const Shift &shift = planned.shift;
        switch (planned.change) {
        case Planner::Change::Added: {
            if (auto status = writeLogged(
                    m_db, [&] { return shifts.insert(shift); },
                    ChangeRecord::created(Entity::Shift, shift.id.toString(), toJson(shift)));
                !status) {
                return status.error();
            }
            applied.added.append(shift);
            break;
        }
        case Planner::Change::Changed: {
            auto before = shifts.find(shift.id);
            if (!before) {
                return before.error();
            }
            if (!before.value()) {
                return Error{tr("A shift of the plan was deleted meanwhile; plan again.")};
            }
            if (auto status = writeLogged(
                    m_db, [&] { return shifts.update(shift); },
                    ChangeRecord::updated(Entity::Shift, shift.id.toString(), toJson(*before.value()), toJson(shift)));
                !status) {
                return status.error();
            }
            applied.changed.append({*before.value(), shift});
            break;
        }
        case Planner::Change::Removed: {
            if (auto status = writeLogged(
                    m_db, [&] { return shifts.remove(shift.id); },
                    ChangeRecord::deleted(Entity::Shift, shift.id.toString(), toJson(shift)));
                !status) {
                return status.error();
            }
            applied.removed.append(shift);
            break;
        }
        case Planner::Change::Unchanged:
        case Planner::Change::Fixed:
            break;
        }
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return applied;
}

Status PlanService::revert(const AppliedPlan &applied)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    ShiftRepository shifts(m_db);
    for (const Shift &shift : applied.added) {
        if (auto status = writeLogged(
                m_db, [&] { return shifts.remove(shift.id); },
                ChangeRecord::deleted(Entity::Shift, shift.id.toString(), toJson(shift)));
            !status) {
            return status;
        }
    }
    for (const auto &[before, after] : applied.changed) {
        if (auto status = writeLogged(
                m_db, [&] { return shifts.update(before); },
                ChangeRecord::updated(Entity::Shift, before.id.toString(), toJson(after), toJson(before)));
            !status) {
            return status;
        }
    }
    for (const Shift &shift : applied.removed) {
        if (auto status = writeLogged(
                m_db, [&] { return shifts.insert(shift); },
                ChangeRecord::created(Entity::Shift, shift.id.toString(), toJson(shift)));
            !status) {
            return status;
        }
    }
    return transaction.commit();
}

Result<QDate> PlanService::firstUnplannedDay(const QList<RotationId> &rotations, int days) const
{
    const QDateTime now = m_db.clock().now().toUTC();
    RotationRepository repository(m_db);
    ShiftRepository shifts(m_db);
    QDateTime first;
    QTimeZone firstZone;
    for (const RotationId &id : rotations) {
        auto found = repository.find(id);
        if (!found) {
            return found.error();
        }
        if (!found.value()) {
            continue;
        }
        const Rotation &rotation = *found.value();
        const QTimeZone zone =
            QTimeZone(rotation.timeZone.toUtf8()).isValid() ? QTimeZone(rotation.timeZone.toUtf8()) : QTimeZone::utc();
        if (!firstZone.isValid()) {
            firstZone = zone;
        }
        const QDate today = now.toTimeZone(zone).date();
        // The slot under way started up to one shift length ago.
        const QList<Planner::Slot> slots = Planner::generateWindowSlots(
            rotation, today.addDays(-(rotation.shiftMinutes / (24 * 60) + 1)), today.addDays(days));
        if (slots.isEmpty()) {
            continue;
        }
        auto existing = shifts.overlapping(slots.first().start, slots.last().end, rotation.id);
        if (!existing) {
            return existing.error();
        }
        QDateTime candidate = slots.last().end;
        for (const Planner::Slot &slot : slots) {
            if (slot.end <= now) {
                continue;
            }
            const bool held = std::any_of(existing->cbegin(), existing->cend(),
                                          [&slot](const Shift &s) { return s.start < slot.end && s.end > slot.start; });
            if (!held) {
                candidate = slot.start;
                break;
            }
        }
        if (!first.isValid() || candidate < first) {
            first = candidate;
        }
    }
    if (!first.isValid()) {
        return now.date();
    }
    return first.toTimeZone(firstZone).date();
}

Result<Planner::FairnessSummary> PlanService::fairness(const QList<RotationId> &rotations, QDate from, QDate to) const
{
    if (from.isValid() && to.isValid() && from.daysTo(to) + 1 > MaxPlanDays) {
        return Error{tr("The period has %1 days; fairness is reported over at most %2 days (5 years).")
                         .arg(from.daysTo(to) + 1)
                         .arg(MaxPlanDays),
                     u"to"_s};
    }
    auto built = request(rotations, from, to);
    if (!built) {
        return built.error();
    }
    Planner::PlanRequest &r = built.value();
    QSet<RotationId> ids(rotations.cbegin(), rotations.cend());
    // Only the period asked for counts: no look-back, only shifts that start inside it.
    for (Rotation &rotation : r.rotations) {
        rotation.rules.lookbackWeeks = 0;
    }
    QList<Shift> inside;
    const QDateTime start = QDateTime(from, QTime(0, 0), Qt::UTC).addDays(-1);
    const QDateTime end = QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC).addDays(1);
    for (const Shift &s : r.existing) {
        if (!ids.contains(s.rotationId)) {
            continue;
        }
        const Rotation *rotation = nullptr;
        for (const Rotation &candidate : r.rotations) {
            if (candidate.id == s.rotationId) {
                rotation = &candidate;
            }
        }
        const QDate local = s.start.toTimeZone(QTimeZone(rotation->timeZone.toUtf8())).date();
        if (s.start >= start && s.start < end && local >= from && local <= to) {
            inside.append(s);
        }
    }
    return Planner::summarize(r, inside);
}

} // namespace Tandem
