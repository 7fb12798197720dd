#include "reportservice.h"

#include "services/planservice.h"
#include "store/changelog.h"
#include "store/database.h"
#include "store/personrepository.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "store/timeoffrepository.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::ReportService", text);
}

// The UTC range that holds every local day of [from, to] in any zone.
std::pair<QDateTime, QDateTime> utcRange(QDate from, QDate to)
{
    return {QDateTime(from, QTime(0, 0), Qt::UTC).addDays(-1),
            QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC).addDays(1)};
}

// Only the shifts that overlap the rotation's own local days [from, to].
QList<Shift> clipToLocalDays(const QList<Shift> &shifts, const QList<Rotation> &rotations, QDate from, QDate to)
{
    QHash<RotationId, std::pair<QDateTime, QDateTime>> bounds;
    for (const Rotation &r : rotations) {
        const QTimeZone zone(r.timeZone.toUtf8());
        const QTimeZone tz = zone.isValid() ? zone : QTimeZone::utc();
        bounds.insert(r.id, {from.startOfDay(tz).toUTC(), to.addDays(1).startOfDay(tz).toUTC()});
    }
    QList<Shift> result;
    for (const Shift &s : shifts) {
        const auto b = bounds.constFind(s.rotationId);
        if (b != bounds.constEnd() && s.end > b->first && s.start < b->second) {
            result.append(s);
        }
    }
    return result;
}

} // namespace

Result<QHash<PersonId, Person>> ReportService::people() const
{
    auto all = PersonRepository(m_db).all();
    if (!all) {
        return all.error();
    }
    QHash<PersonId, Person> result;
    for (const Person &p : all.value()) {
        result.insert(p.id, p);
    }
    return result;
}

Result<QList<Rotation>> ReportService::rotations(const ReportScope &scope) const
{
    RotationRepository repository(m_db);
    QList<Rotation> result;
    if (!scope.rotations.isEmpty()) {
        for (const RotationId &id : scope.rotations) {
            auto found = repository.find(id);
            if (!found) {
                return found.error();
            }
            if (!found.value()) {
                return Error(tr("No such rotation."), u"rotation"_s);
            }
            result.append(*found.value());
        }
    } else {
        auto all = repository.all();
        if (!all) {
            return all.error();
        }
        for (const Rotation &r : all.value()) {
            if (scope.team.isNull() || r.teamId == scope.team) {
                result.append(r);
            }
        }
        if (!scope.person.isNull()) {
            // Also rotations out of use that the person held shifts in.
            const auto [start, end] = utcRange(scope.from, scope.to);
            auto shifts = ShiftRepository(m_db).overlapping(start, end);
            if (!shifts) {
                return shifts.error();
            }
            QList<Rotation> held;
            for (const Shift &s : shifts.value()) {
                if (s.dev != scope.person && s.ops != scope.person) {
                    continue;
                }
                if (std::any_of(held.cbegin(), held.cend(), [&](const Rotation &r) { return r.id == s.rotationId; })) {
                    continue;
                }
                auto found = repository.find(s.rotationId);
                if (!found) {
                    return found.error();
                }
                if (found.value()) {
                    held.append(*found.value());
                }
            }
            result = held;
        }
    }
    std::sort(result.begin(), result.end(),
              [](const Rotation &a, const Rotation &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return result;
}

Status ReportService::checkPeriod(const ReportScope &scope, qint64 maxDays)
{
    if (!scope.from.isValid() || !scope.to.isValid() || scope.to < scope.from) {
        return Error(tr("The period is not valid."), u"from"_s);
    }
    const qint64 days = scope.from.daysTo(scope.to) + 1;
    if (days > maxDays) {
        return Error(
            maxDays == MaxSheetDays
                ? tr("The period has %1 days; a sheet or a report as PDF covers at most %2 days (a year of "
                     "pages). Print a year at a time.")
                      .arg(days)
                      .arg(maxDays)
                : tr("The period has %1 days; a report covers at most %2 days (5 years).").arg(days).arg(maxDays),
            u"to"_s);
    }
    return {};
}

Result<Reports::SheetData> ReportService::sheet(const ReportScope &scope) const
{
    if (auto status = checkPeriod(scope, MaxSheetDays); !status) {
        return status.error();
    }
    return load(scope);
}

Result<Reports::SheetData> ReportService::load(const ReportScope &scope) const
{
    if (!scope.from.isValid() || !scope.to.isValid() || scope.to < scope.from) {
        return Error(tr("The period is not valid."), u"from"_s);
    }
    Reports::SheetData data;
    data.from = scope.from;
    data.to = scope.to;
    data.generatedAt = m_db.clock().now();
    data.person = scope.person;
    auto rotations = this->rotations(scope);
    if (!rotations) {
        return rotations.error();
    }
    data.rotations = rotations.value();

    auto teams = TeamRepository(m_db).all();
    if (!teams) {
        return teams.error();
    }
    for (const Team &t : teams.value()) {
        data.teams.insert(t.id, t);
    }
    auto pools = PoolRepository(m_db).all();
    if (!pools) {
        return pools.error();
    }
    for (const OpsPool &p : pools.value()) {
        data.pools.insert(p.id, p);
    }
    auto people = this->people();
    if (!people) {
        return people.error();
    }
    data.people = people.value();

    HolidayRepository holidays(m_db);
    for (const Rotation &r : std::as_const(data.rotations)) {
        if (data.holidays.contains(r.teamId)) {
            continue;
        }
        auto days = holidays.forTeam(r.teamId);
        if (!days) {
            return days.error();
        }
        QSet<QDate> dates;
        for (const Holiday &h : days.value()) {
            dates.insert(h.date);
        }
        data.holidays.insert(r.teamId, dates);
    }

    const auto [start, end] = utcRange(scope.from, scope.to);
    ShiftRepository shifts(m_db);
    QList<Shift> all;
    for (const Rotation &r : std::as_const(data.rotations)) {
        auto some = shifts.overlapping(start, end, r.id);
        if (!some) {
            return some.error();
        }
        for (const Shift &s : some.value()) {
            if (scope.person.isNull() || s.dev == scope.person || s.ops == scope.person) {
                all.append(s);
            }
        }
    }
    data.shifts = clipToLocalDays(all, data.rotations, scope.from, scope.to);
    std::sort(data.shifts.begin(), data.shifts.end(), [&](const Shift &a, const Shift &b) {
        return a.start < b.start || (a.start == b.start && a.rotationId < b.rotationId);
    });

    // People removed from the roster still appear in the shifts they held.
    PersonRepository personRepository(m_db);
    for (const Shift &s : std::as_const(data.shifts)) {
        for (const PersonId &id : {s.dev, s.ops, s.shadow}) {
            if (id.isNull() || data.people.contains(id)) {
                continue;
            }
            auto found = personRepository.find(id);
            if (!found) {
                return found.error();
            }
            if (found.value()) {
                data.people.insert(id, *found.value());
            }
        }
    }

    if (!scope.person.isNull()) {
        auto found = personRepository.find(scope.person);
        if (!found) {
            return found.error();
        }
        if (!found.value()) {
            return Error(tr("No such person."), u"person"_s);
        }
        data.people.insert(scope.person, *found.value());
        data.title = found.value()->name;
    } else {
        QStringList names;
        for (const Rotation &r : std::as_const(data.rotations)) {
            const QString team = data.teams.value(r.teamId).name;
            if (!team.isEmpty() && !names.contains(team)) {
                names.append(team);
            }
        }
        data.title = names.join(u", "_s);
    }
    return data;
}

Result<QList<Reports::HoursRow>> ReportService::hours(const ReportScope &scope, const Reports::HourRates &rates) const
{
    if (auto status = checkPeriod(scope, MaxReportDays); !status) {
        return status.error();
    }
    auto data = load(scope);
    if (!data) {
        return data.error();
    }
    Reports::HoursInput input;
    input.rotations = data->rotations;
    input.shifts = data->shifts;
    input.people = data->people;
    input.holidays = data->holidays;
    input.from = scope.from;
    input.to = scope.to;
    input.rates = rates;
    QList<Reports::HoursRow> rows = Reports::hoursReport(input);
    if (!scope.person.isNull()) {
        rows.removeIf([&](const Reports::HoursRow &r) { return r.person != scope.person; });
    }
    return rows;
}

Result<Reports::CoverageReport> ReportService::coverage(const ReportScope &scope) const
{
    if (auto status = checkPeriod(scope, MaxReportDays); !status) {
        return status.error();
    }
    auto data = load(ReportScope{scope.rotations, scope.team, {}, scope.from, scope.to});
    if (!data) {
        return data.error();
    }
    auto log = ChangeLog(m_db).entries(Entity::Shift);
    if (!log) {
        return log.error();
    }
    Reports::CoverageInput input;
    input.rotations = data->rotations;
    input.shifts = data->shifts;
    input.people = data->people;
    input.shiftLog = log.value();
    input.from = scope.from;
    input.to = scope.to;
    Reports::CoverageReport report = Reports::coverageReport(input);
    // People named only in the log (removed since) still get their names.
    report.people = input.people;
    PersonRepository personRepository(m_db);
    for (const Reports::ShiftChange &c : std::as_const(report.changes)) {
        for (const PersonId &id : {c.devBefore, c.opsBefore, c.devAfter, c.opsAfter}) {
            if (id.isNull() || report.people.contains(id)) {
                continue;
            }
            auto found = personRepository.find(id);
            if (!found) {
                return found.error();
            }
            if (found.value()) {
                report.people.insert(id, *found.value());
            }
        }
    }
    return report;
}

Result<Planner::FairnessSummary> ReportService::fairness(const ReportScope &scope) const
{
    if (auto status = checkPeriod(scope, MaxReportDays); !status) {
        return status.error();
    }
    auto rotations = this->rotations(scope);
    if (!rotations) {
        return rotations.error();
    }
    QList<RotationId> ids;
    for (const Rotation &r : rotations.value()) {
        ids.append(r.id);
    }
    return PlanService(m_db).fairness(ids, scope.from, scope.to);
}

} // namespace Tandem
