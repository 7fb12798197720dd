#include "icalservice.h"

#include "services/fileio.h"
#include "services/rosterservice.h"
#include "store/database.h"
#include "store/personrepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "store/timeoffrepository.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::IcalService", text);
}

QTimeZone zoneOf(const QString &id)
{
    const QTimeZone zone(id.toUtf8());
    return zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

Status checkPeriod(QDate from, QDate to)
{
    if (!from.isValid() || !to.isValid()) {
        return Error{tr("The period needs a first and a last day.")};
    }
    if (to < from) {
        return Error{tr("The period ends (%1) before it starts (%2).")
                         .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate))};
    }
    return {};
}

} // namespace

std::pair<QDate, QDate> IcalService::defaultExportPeriod(QDate today)
{
    return {today, today.addDays(365)};
}

std::pair<QDate, QDate> IcalService::defaultImportPeriod(QDate today)
{
    return {today.addYears(-1), today.addYears(2)};
}

Result<QList<Shift>> IcalService::shiftsOn(QDate from, QDate to, const QTimeZone &zone, RotationId rotation) const
{
    if (auto status = checkPeriod(from, to); !status) {
        return status.error();
    }
    return ShiftRepository(m_db).overlapping(QDateTime(from, QTime(0, 0), zone),
                                             QDateTime(to.addDays(1), QTime(0, 0), zone), rotation);
}

Result<QByteArray> IcalService::exportShifts(const QList<Shift> &shifts, const QList<TimeOff> &timeOff,
                                             const IcalOptions &options) const
{
    IcalDirectory directory;
    auto people = PersonRepository(m_db).all();
    if (!people) {
        return people.error();
    }
    for (const Person &p : people.value()) {
        directory.people.insert(p.id, p);
    }
    RotationRepository rotations(m_db);
    for (const Shift &s : shifts) {
        for (const PersonId &id : {s.dev, s.ops}) {
            // Past shifts may name people since removed from the roster.
            if (!id.isNull() && !directory.people.contains(id)) {
                auto person = PersonRepository(m_db).find(id);
                if (!person) {
                    return person.error();
                }
                if (person.value()) {
                    directory.people.insert(id, *person.value());
                }
            }
        }
        if (!directory.rotations.contains(s.rotationId)) {
            auto rotation = rotations.find(s.rotationId);
            if (!rotation) {
                return rotation.error();
            }
            if (rotation.value()) {
                directory.rotations.insert(s.rotationId, *rotation.value());
            }
        }
    }
    return exportCalendar(shifts, timeOff, directory, options);
}

Result<QByteArray> IcalService::exportRotation(RotationId rotationId, QDate from, QDate to,
                                               const IcalOptions &options) const
{
    auto rotation = RotationRepository(m_db).find(rotationId);
    if (!rotation) {
        return rotation.error();
    }
    if (!rotation.value()) {
        return Error{tr("The rotation is not in the database.")};
    }
    auto shifts = shiftsOn(from, to, zoneOf(rotation.value()->timeZone), rotationId);
    if (!shifts) {
        return shifts.error();
    }
    return exportShifts(shifts.value(), {}, options);
}

Result<QByteArray> IcalService::exportTeam(TeamId teamId, QDate from, QDate to, const IcalOptions &options) const
{
    auto team = TeamRepository(m_db).find(teamId);
    if (!team) {
        return team.error();
    }
    if (!team.value()) {
        return Error{tr("The team is not in the database.")};
    }
    auto rotations = RotationRepository(m_db).all();
    if (!rotations) {
        return rotations.error();
    }
    QList<Shift> shifts;
    for (const Rotation &r : rotations.value()) {
        if (r.teamId != teamId) {
            continue;
        }
        auto some = shiftsOn(from, to, zoneOf(r.timeZone), r.id);
        if (!some) {
            return some.error();
        }
        shifts += some.value();
    }
    auto people = PersonRepository(m_db).all();
    auto timeOff = TimeOffRepository(m_db).overlapping(from, to);
    if (!people || !timeOff) {
        return !people ? people.error() : timeOff.error();
    }
    QSet<PersonId> members;
    for (const Person &p : people.value()) {
        if (p.teams.contains(teamId)) {
            members.insert(p.id);
        }
    }
    QList<TimeOff> theirs;
    for (const TimeOff &t : timeOff.value()) {
        if (members.contains(t.personId)) {
            theirs.append(t);
        }
    }
    return exportShifts(shifts, theirs, options);
}

Result<QByteArray> IcalService::exportPerson(PersonId personId, QDate from, QDate to, const IcalOptions &options) const
{
    auto person = PersonRepository(m_db).find(personId);
    if (!person) {
        return person.error();
    }
    if (!person.value()) {
        return Error{tr("The person is not in the database.")};
    }
    auto all = shiftsOn(from, to, zoneOf(person.value()->timeZone));
    if (!all) {
        return all.error();
    }
    QList<Shift> shifts;
    for (const Shift &s : all.value()) {
        if (s.dev == personId || s.ops == personId) {
            shifts.append(s);
        }
    }
    auto timeOff = TimeOffRepository(m_db).forPerson(personId);
    if (!timeOff) {
        return timeOff.error();
    }
    QList<TimeOff> inPeriod;
    for (const TimeOff &t : timeOff.value()) {
        if (t.to >= from && t.from <= to) {
            inPeriod.append(t);
        }
    }
    return exportShifts(shifts, inPeriod, options);
}

Result<IcalImportSummary> IcalService::importTimeOff(PersonId personId, const QByteArray &ics, QDate from, QDate to)
{
    // Everything is read and checked before the transaction starts; the transaction only
    // writes, and a failure there rolls all of it back.
    auto person = PersonRepository(m_db).find(personId);
    if (!person) {
        return person.error();
    }
    if (!person.value()) {
        return Error{tr("The person is not in the database.")};
    }
    auto days = readDays(ics, from, to);
    if (!days) {
        return days.error();
    }
    auto existing = TimeOffRepository(m_db).forPerson(personId);
    if (!existing) {
        return existing.error();
    }
    auto key = [](QDate a, QDate b, const QString &reason) {
        return u"%1/%2/%3"_s.arg(a.toString(Qt::ISODate), b.toString(Qt::ISODate), reason.trimmed());
    };
    QSet<QString> known;
    for (const TimeOff &t : existing.value()) {
        known.insert(key(t.from, t.to, t.reason));
    }
    IcalImportSummary summary;
    summary.read = int(days->size());
    QList<TimeOff> toAdd;
    for (const ImportedDay &day : days.value()) {
        const QString k = key(day.from, day.to, day.summary);
        if (known.contains(k)) {
            ++summary.skipped;
            continue;
        }
        known.insert(k);
        TimeOff t;
        t.personId = personId;
        t.from = day.from;
        t.to = day.to;
        t.reason = day.summary;
        toAdd.append(t);
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    RosterService roster(m_db);
    for (const TimeOff &t : toAdd) {
        auto added = roster.addTimeOff(t);
        if (!added) {
            return Error{
                tr("Time off %1 to %2 (“%3”): %4")
                    .arg(t.from.toString(Qt::ISODate), t.to.toString(Qt::ISODate), t.reason, added.errorMessage())};
        }
        summary.timeOffAdded.append(added.value());
        ++summary.added;
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return summary;
}

Result<IcalImportSummary> IcalService::importHolidays(TeamId teamId, const QByteArray &ics, QDate from, QDate to)
{
    auto team = TeamRepository(m_db).find(teamId);
    if (!team) {
        return team.error();
    }
    if (!team.value()) {
        return Error{tr("The team is not in the database.")};
    }
    auto days = readDays(ics, from, to);
    if (!days) {
        return days.error();
    }
    auto existing = HolidayRepository(m_db).forTeam(teamId);
    if (!existing) {
        return existing.error();
    }
    QSet<QDate> taken;
    for (const Holiday &h : existing.value()) {
        taken.insert(h.date);
    }
    IcalImportSummary summary;
    summary.read = int(days->size());
    QList<Holiday> toAdd;
    for (const ImportedDay &day : days.value()) {
        for (QDate d = std::max(day.from, from); d <= std::min(day.to, to); d = d.addDays(1)) {
            if (taken.contains(d)) {
                ++summary.skipped;
                continue;
            }
            taken.insert(d);
            Holiday h;
            h.teamId = teamId;
            h.date = d;
            h.name = day.summary.isEmpty() ? tr("Public holiday") : day.summary;
            toAdd.append(h);
        }
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    RosterService roster(m_db);
    for (const Holiday &h : toAdd) {
        auto added = roster.addHoliday(h);
        if (!added) {
            return Error{tr("Holiday %1 (“%2”): %3").arg(h.date.toString(Qt::ISODate), h.name, added.errorMessage())};
        }
        summary.holidaysAdded.append(added.value());
        ++summary.added;
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return summary;
}

Result<QByteArray> IcalService::readFile(const QString &path)
{
    return readInputFile(path, MaxIcsImportBytes);
}

Status IcalService::writeFile(const QString &path, const QByteArray &bytes)
{
    return writeOutputFile(path, bytes);
}

} // namespace Tandem
