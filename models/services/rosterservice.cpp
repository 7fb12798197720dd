#include "rosterservice.h"

#include "domain/serialize.h"
#include "domain/timezonenames.h"
#include "store/database.h"
#include "store/loggedwrite.h"
#include "store/personrepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "store/timeoffrepository.h"
#include "store/transaction.h"
#include "validation.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Tandem::RosterService", text, disambiguation, n);
}

Error firstOf(const QList<Error> &errors)
{
    return errors.first();
}

// The e-mail as the store compares it: SQLite's NOCASE folds ASCII letters only.
QString emailKey(const QString &email)
{
    QString key = email.trimmed();
    for (QChar &c : key) {
        if (c.unicode() < 128) {
            c = c.toLower();
        }
    }
    return key;
}

QStringList emailsOf(const QList<Person> &people)
{
    QStringList emails;
    emails.reserve(people.size());
    for (const Person &p : people) {
        emails.append(p.email);
    }
    return emails;
}

Person normalized(Person p)
{
    p.name = p.name.trimmed();
    p.email = p.email.trimmed();
    if (const QString zone = canonicalTimeZone(p.timeZone); !zone.isEmpty()) {
        p.timeZone = zone; // an old IANA name (Asia/Calcutta) is stored as today's (Asia/Kolkata)
    } else {
        p.timeZone = p.timeZone.trimmed();
    }
    p.phone = p.phone.trimmed();
    p.chat = p.chat.trimmed();
    return p;
}

} // namespace

Result<QList<Person>> RosterService::people() const
{
    return PersonRepository(m_db).all();
}

Result<std::optional<Person>> RosterService::person(PersonId id) const
{
    return PersonRepository(m_db).find(id);
}

Result<std::optional<Person>> RosterService::rosterPerson(PersonId id) const
{
    PersonRepository repository(m_db);
    auto removed = repository.isRemoved(id);
    if (!removed) {
        return removed.error();
    }
    if (removed.value()) {
        return std::optional<Person>();
    }
    return repository.find(id);
}

Result<std::optional<Person>> RosterService::personByEmail(const QString &email) const
{
    return PersonRepository(m_db).findByEmail(email);
}

Result<QList<Team>> RosterService::teams() const
{
    return TeamRepository(m_db).all();
}

Result<std::optional<Team>> RosterService::team(TeamId id) const
{
    return TeamRepository(m_db).find(id);
}

Result<std::optional<Team>> RosterService::teamByName(const QString &name) const
{
    return TeamRepository(m_db).findByName(name);
}

Result<QList<TimeOff>> RosterService::timeOff(PersonId person) const
{
    return TimeOffRepository(m_db).forPerson(person);
}

Result<QList<TimeOff>> RosterService::allTimeOff() const
{
    return TimeOffRepository(m_db).all();
}

Result<QList<TimeOff>> RosterService::timeOffBetween(QDate from, QDate to) const
{
    return TimeOffRepository(m_db).overlapping(from, to);
}

Result<QList<SeatRef>> RosterService::futureSeats(PersonId person) const
{
    return ShiftRepository(m_db).seatsFrom(person, m_db.clock().now());
}

Status RosterService::checkEmailFree(const Person &person) const
{
    auto existing = PersonRepository(m_db).findByEmail(person.email);
    if (!existing) {
        return existing.error();
    }
    if (existing.value() && existing.value()->id != person.id) {
        return Error{tr("%1 is already the e-mail of %2.").arg(person.email, existing.value()->name),
                     Field::Email.toString()};
    }
    return {};
}

Status RosterService::checkTeamsExist(const Person &person) const
{
    TeamRepository teams(m_db);
    for (const TeamId &id : person.teams) {
        auto team = teams.find(id);
        if (!team) {
            return team.error();
        }
        if (!team.value()) {
            return Error{tr("The team %1 does not exist.").arg(id.toString()), Field::Team.toString()};
        }
    }
    return {};
}

Result<Person> RosterService::addPerson(Person person)
{
    person = normalized(std::move(person));
    if (person.id.isNull()) {
        person.id = PersonId::create();
    }
    if (const auto errors = validatePerson(person); !errors.isEmpty()) {
        return firstOf(errors);
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    if (auto status = checkEmailFree(person); !status) {
        return status.error();
    }
    if (auto status = checkTeamsExist(person); !status) {
        return status.error();
    }
    if (auto status = writeLogged(
            m_db, [&] { return PersonRepository(m_db).insert(person); },
            ChangeRecord::created(Entity::Person, person.id.toString(), toJson(person)));
        !status) {
        return status.error();
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return person;
}

Status RosterService::updatePerson(const Person &input)
{
    const Person person = normalized(input);
    if (const auto errors = validatePerson(person); !errors.isEmpty()) {
        return firstOf(errors);
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    PersonRepository repository(m_db);
    auto before = repository.find(person.id);
    if (!before) {
        return before.error();
    }
    if (!before.value()) {
        return Error{tr("%1 is no longer in the database.").arg(person.name)};
    }
    if (before.value().value() == person) {
        return {};
    }
    if (auto status = checkEmailFree(person); !status) {
        return status;
    }
    if (auto status = checkTeamsExist(person); !status) {
        return status;
    }
    if (auto status = writeLogged(
            m_db, [&] { return repository.update(person); },
            ChangeRecord::updated(Entity::Person, person.id.toString(), toJson(*before.value()), toJson(person)));
        !status) {
        return status;
    }
    return transaction.commit();
}

Result<PersonRemoval> RosterService::removePerson(PersonId id)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    PersonRepository people(m_db);
    auto person = people.find(id);
    if (!person) {
        return person.error();
    }
    if (!person.value()) {
        return Error{tr("That person is no longer in the database.")};
    }
    PersonRemoval removal{id, {}};
    ShiftRepository shifts(m_db);
    auto seats = shifts.seatsFrom(id, m_db.clock().now());
    if (!seats) {
        return seats.error();
    }
    for (const SeatRef &seat : seats.value()) {
        auto shift = shifts.find(seat.shift);
        if (!shift || !shift.value()) {
            return shift ? Error{tr("A shift vanished while removing %1.").arg(person.value()->name)} : shift.error();
        }
        Shift after = *shift.value();
        after.setSeat(seat.seat, PersonId());
        ++after.sequence;
        if (auto status = writeLogged(
                m_db, [&] { return shifts.update(after); },
                ChangeRecord::updated(Entity::Shift, after.id.toString(), toJson(*shift.value()), toJson(after)));
            !status) {
            return status.error();
        }
        removal.clearedSeats.append(seat);
    }
    if (auto status = writeLogged(
            m_db, [&] { return people.setRemoved(id, m_db.clock().now()); },
            ChangeRecord::deleted(Entity::Person, id.toString(), toJson(*person.value())));
        !status) {
        return status.error();
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return removal;
}

Status RosterService::restorePerson(const PersonRemoval &removal)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    PersonRepository people(m_db);
    auto person = people.find(removal.person);
    if (!person) {
        return person.error();
    }
    if (!person.value()) {
        return Error{tr("That person is no longer in the database.")};
    }
    if (auto status = checkEmailFree(*person.value()); !status) {
        return status;
    }
    if (auto status = writeLogged(
            m_db, [&] { return people.setRemoved(removal.person, {}); },
            ChangeRecord::created(Entity::Person, removal.person.toString(), toJson(*person.value())));
        !status) {
        return status;
    }
    ShiftRepository shifts(m_db);
    for (const SeatRef &seat : removal.clearedSeats) {
        auto shift = shifts.find(seat.shift);
        if (!shift) {
            return shift.error();
        }
        // A seat someone else took in the meantime stays theirs.
        if (!shift.value() || !shift.value()->seat(seat.seat).isNull()) {
            continue;
        }
        Shift after = *shift.value();
        after.setSeat(seat.seat, removal.person);
        ++after.sequence;
        if (auto status = writeLogged(
                m_db, [&] { return shifts.update(after); },
                ChangeRecord::updated(Entity::Shift, after.id.toString(), toJson(*shift.value()), toJson(after)));
            !status) {
            return status;
        }
    }
    return transaction.commit();
}

Status RosterService::erasePerson(PersonId id)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    PersonRepository people(m_db);
    auto person = people.find(id);
    if (!person) {
        return person.error();
    }
    if (!person.value()) {
        return {};
    }
    // The foreign keys of shifts refuse this for anyone who ever held a seat.
    const auto erase = [&]() -> Status {
        if (auto status = people.erase(id); !status) {
            return Error{tr("%1 has shifts and cannot be deleted; remove them from the roster instead.")
                             .arg(person.value()->name)};
        }
        return {};
    };
    if (auto status =
            writeLogged(m_db, erase, ChangeRecord::deleted(Entity::Person, id.toString(), toJson(*person.value())));
        !status) {
        return status;
    }
    return transaction.commit();
}

Result<Team> RosterService::addTeam(Team team)
{
    team.name = team.name.trimmed();
    if (const QString zone = canonicalTimeZone(team.timeZone); !zone.isEmpty()) {
        team.timeZone = zone;
    }
    if (team.id.isNull()) {
        team.id = TeamId::create();
    }
    if (const auto errors = validateTeam(team); !errors.isEmpty()) {
        return firstOf(errors);
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    TeamRepository teams(m_db);
    auto existing = teams.findByName(team.name);
    if (!existing) {
        return existing.error();
    }
    if (existing.value()) {
        return Error{tr("There is already a team named %1.").arg(existing.value()->name), Field::Name.toString()};
    }
    if (auto status = writeLogged(
            m_db, [&] { return teams.insert(team); },
            ChangeRecord::created(Entity::Team, team.id.toString(), toJson(team)));
        !status) {
        return status.error();
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return team;
}

Status RosterService::updateTeam(const Team &input)
{
    Team team = input;
    team.name = team.name.trimmed();
    if (const QString zone = canonicalTimeZone(team.timeZone); !zone.isEmpty()) {
        team.timeZone = zone;
    }
    if (const auto errors = validateTeam(team); !errors.isEmpty()) {
        return firstOf(errors);
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    TeamRepository teams(m_db);
    auto before = teams.find(team.id);
    if (!before) {
        return before.error();
    }
    if (!before.value()) {
        return Error{tr("The team %1 is no longer in the database.").arg(team.name)};
    }
    auto sameName = teams.findByName(team.name);
    if (!sameName) {
        return sameName.error();
    }
    if (sameName.value() && sameName.value()->id != team.id) {
        return Error{tr("There is already a team named %1.").arg(team.name), Field::Name.toString()};
    }
    if (auto status = writeLogged(
            m_db, [&] { return teams.update(team); },
            ChangeRecord::updated(Entity::Team, team.id.toString(), toJson(*before.value()), toJson(team)));
        !status) {
        return status;
    }
    return transaction.commit();
}

Status RosterService::removeTeam(TeamId id)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    TeamRepository teams(m_db);
    auto team = teams.find(id);
    if (!team) {
        return team.error();
    }
    if (!team.value()) {
        return {};
    }
    auto members = teams.memberCount(id);
    if (!members) {
        return members.error();
    }
    if (members.value() > 0) {
        return Error{tr("%1 still has %n member(s); move them to another team first.", nullptr, members.value())
                         .arg(team.value()->name)};
    }
    const auto remove = [&]() -> Status {
        if (auto status = teams.remove(id); !status) {
            return Error{tr("%1 still has rotations and cannot be removed.").arg(team.value()->name)};
        }
        return {};
    };
    if (auto status =
            writeLogged(m_db, remove, ChangeRecord::deleted(Entity::Team, id.toString(), toJson(*team.value())));
        !status) {
        return status;
    }
    return transaction.commit();
}

Result<TimeOff> RosterService::addTimeOff(TimeOff timeOff)
{
    if (timeOff.id.isNull()) {
        timeOff.id = TimeOffId::create();
    }
    timeOff.reason = timeOff.reason.trimmed();
    if (const auto errors = validateTimeOff(timeOff); !errors.isEmpty()) {
        return firstOf(errors);
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    auto person = PersonRepository(m_db).find(timeOff.personId);
    if (!person) {
        return person.error();
    }
    if (!person.value()) {
        return Error{tr("The person of this time off is not in the database."), u"person"_s};
    }
    if (auto status = writeLogged(
            m_db, [&] { return TimeOffRepository(m_db).insert(timeOff); },
            ChangeRecord::created(Entity::TimeOff, timeOff.id.toString(), toJson(timeOff)));
        !status) {
        return status.error();
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return timeOff;
}

Status RosterService::updateTimeOff(const TimeOff &input)
{
    TimeOff timeOff = input;
    timeOff.reason = timeOff.reason.trimmed();
    if (const auto errors = validateTimeOff(timeOff); !errors.isEmpty()) {
        return firstOf(errors);
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    TimeOffRepository repository(m_db);
    auto before = repository.find(timeOff.id);
    if (!before) {
        return before.error();
    }
    if (!before.value()) {
        return Error{tr("This time off is no longer in the database.")};
    }
    if (auto status = writeLogged(
            m_db, [&] { return repository.update(timeOff); },
            ChangeRecord::updated(Entity::TimeOff, timeOff.id.toString(), toJson(*before.value()), toJson(timeOff)));
        !status) {
        return status;
    }
    return transaction.commit();
}

Status RosterService::removeTimeOff(TimeOffId id)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    TimeOffRepository repository(m_db);
    auto before = repository.find(id);
    if (!before) {
        return before.error();
    }
    if (!before.value()) {
        return {};
    }
    if (auto status = writeLogged(
            m_db, [&] { return repository.remove(id); },
            ChangeRecord::deleted(Entity::TimeOff, id.toString(), toJson(*before.value())));
        !status) {
        return status;
    }
    return transaction.commit();
}

Result<QList<Holiday>> RosterService::holidays(TeamId team) const
{
    return HolidayRepository(m_db).forTeam(team);
}

Result<Holiday> RosterService::addHoliday(Holiday holiday)
{
    if (holiday.id.isNull()) {
        holiday.id = HolidayId::create();
    }
    holiday.name = holiday.name.trimmed();
    if (const auto errors = validateHoliday(holiday); !errors.isEmpty()) {
        return firstOf(errors);
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    auto team = TeamRepository(m_db).find(holiday.teamId);
    if (!team) {
        return team.error();
    }
    if (!team.value()) {
        return Error{tr("The team of this holiday is not in the database."), Field::Team.toString()};
    }
    HolidayRepository repository(m_db);
    auto existing = repository.forTeam(holiday.teamId);
    if (!existing) {
        return existing.error();
    }
    for (const Holiday &other : existing.value()) {
        if (other.date == holiday.date) {
            return Error{tr("%1 already has a holiday on %2: %3.")
                             .arg(team.value()->name, holiday.date.toString(Qt::ISODate), other.name),
                         Field::Date.toString()};
        }
    }
    if (auto status = writeLogged(
            m_db, [&] { return repository.insert(holiday); },
            ChangeRecord::created(Entity::Holiday, holiday.id.toString(), toJson(holiday)));
        !status) {
        return status.error();
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return holiday;
}

Status RosterService::removeHoliday(HolidayId id)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    // Holidays are few per team; finding one through its team keeps the store as it is.
    auto teams = TeamRepository(m_db).all();
    if (!teams) {
        return teams.error();
    }
    HolidayRepository repository(m_db);
    std::optional<Holiday> before;
    for (const Team &team : teams.value()) {
        auto holidays = repository.forTeam(team.id);
        if (!holidays) {
            return holidays.error();
        }
        for (const Holiday &h : holidays.value()) {
            if (h.id == id) {
                before = h;
            }
        }
    }
    if (!before) {
        return {};
    }
    if (auto status = writeLogged(
            m_db, [&] { return repository.remove(id); },
            ChangeRecord::deleted(Entity::Holiday, id.toString(), toJson(*before)));
        !status) {
        return status;
    }
    return transaction.commit();
}

Status RosterService::removeImported(const QList<TimeOff> &timeOff, const QList<Holiday> &holidays)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    for (const TimeOff &t : timeOff) {
        if (auto status = removeTimeOff(t.id); !status) {
            return status;
        }
    }
    for (const Holiday &h : holidays) {
        if (auto status = removeHoliday(h.id); !status) {
            return status;
        }
    }
    return transaction.commit();
}

Status RosterService::restoreImported(const QList<TimeOff> &timeOff, const QList<Holiday> &holidays)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    for (const TimeOff &t : timeOff) {
        if (auto added = addTimeOff(t); !added) {
            return added.error();
        }
    }
    for (const Holiday &h : holidays) {
        if (auto added = addHoliday(h); !added) {
            return added.error();
        }
    }
    return transaction.commit();
}

Result<RosterImportPlan> RosterService::planImport(const RosterCsvParse &parsed) const
{
    RosterImportPlan plan;
    plan.issues = parsed.fileIssues;
    if (!parsed.fileIssues.isEmpty()) {
        return plan;
    }
    TeamRepository teamRepository(m_db);
    PersonRepository personRepository(m_db);
    QHash<QString, Team> teamsByName; // lower-case name -> team, stored or to create
    auto stored = teamRepository.all();
    if (!stored) {
        return stored.error();
    }
    for (const Team &team : stored.value()) {
        teamsByName.insert(team.name.toLower(), team);
    }
    // Everyone once, by e-mail (case-insensitive, as the column compares): a lookup per row
    // would cost a query per row of a 100,000-line file.
    auto everyone = personRepository.everyone();
    if (!everyone) {
        return everyone.error();
    }
    auto removedIds = personRepository.removedIds();
    if (!removedIds) {
        return removedIds.error();
    }
    QHash<QString, qsizetype> byEmail;
    byEmail.reserve(everyone->size());
    for (qsizetype i = 0; i < everyone->size(); ++i) {
        byEmail.insert(emailKey(everyone->at(i).email), i);
    }

    for (const RosterCsvRow &row : parsed.rows) {
        QList<CsvIssue> issues = row.issues;
        Person person = row.person;
        for (const QString &name : row.teamNames) {
            const auto it = teamsByName.constFind(name.toLower());
            if (it != teamsByName.constEnd()) {
                person.teams.append(it->id);
            }
        }
        // An empty zone cell takes the zone of the person's first known team.
        if (person.timeZone.isEmpty()) {
            for (const QString &name : row.teamNames) {
                if (teamsByName.contains(name.toLower())) {
                    person.timeZone = teamsByName.value(name.toLower()).timeZone;
                    break;
                }
            }
            if (person.timeZone.isEmpty()) {
                issues.append({row.line, int(rosterCsvColumns().indexOf(u"timezone"_s)) + 1, u"timezone"_s,
                               tr("Time zone is empty and no known team gives one; write an IANA name such as "
                                  "Europe/Berlin.")});
            }
        }
        // A new team takes the zone of the first person named in it.
        for (const QString &name : row.teamNames) {
            if (!teamsByName.contains(name.toLower()) && isValidTimeZone(person.timeZone) && issues.isEmpty()) {
                const Team team{TeamId::create(), name, person.timeZone};
                teamsByName.insert(name.toLower(), team);
                plan.teamsToCreate.append(team);
                person.teams.append(team.id);
            }
        }
        if (!issues.isEmpty()) {
            plan.issues.append(issues);
            plan.skippedLines.append(row.line);
            continue;
        }
        plan.notes.append(row.notes);
        const auto existing = byEmail.constFind(emailKey(person.email));
        if (existing != byEmail.constEnd()) {
            const Person &old = everyone->at(*existing);
            person.id = old.id;
            person.email = old.email; // matched case-insensitively: a change of case is no change
            // What the file does not carry stays as it was.
            person.chat = old.chat;
            person.senior = old.senior;
            person.active = old.active;
            person.notes = old.notes;
            if (!row.hasProductionAccess) {
                person.productionAccess = old.role == person.role ? old.productionAccess : person.productionAccess;
            }
            const bool removed = removedIds->contains(old.id);
            if (person == old && !removed) {
                ++plan.unchanged;
            } else {
                plan.toUpdate.append(person);
                plan.before.append(old);
            }
        } else {
            person.id = PersonId::create();
            plan.toAdd.append(person);
        }
    }
    return plan;
}

Result<RosterImportSummary> RosterService::applyImport(const RosterImportPlan &plan, bool validRowsOnly)
{
    if (!plan.isValid() && !validRowsOnly) {
        return Error{tr("The file has %n problem(s); nothing was imported. First: %1", nullptr, int(plan.issues.size()))
                         .arg(plan.issues.first().toString())};
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    TeamRepository teams(m_db);
    PersonRepository people(m_db);
    // The plan was made before the write lock was taken: another Tandem may have created the same
    // team or person, or changed someone, since. Checked under the lock, so what is written is
    // what the plan saw; otherwise nothing is written and the caller plans again.
    for (const Team &team : plan.teamsToCreate) {
        auto existing = teams.findByName(team.name);
        if (!existing) {
            return existing.error();
        }
        if (existing.value()) {
            return Error{tr("The team %1 was created meanwhile (by another Tandem?); nothing was imported. Import "
                            "the file again.")
                             .arg(existing.value()->name),
                         Field::Stale.toString()};
        }
    }
    if (!plan.toAdd.isEmpty()) {
        auto taken = people.emailsTaken(emailsOf(plan.toAdd));
        if (!taken) {
            return taken.error();
        }
        if (!taken->isEmpty()) {
            return Error{tr("%1 was added to the roster meanwhile (by another Tandem?); nothing was imported. Import "
                            "the file again.")
                             .arg(taken->first()),
                         Field::Stale.toString()};
        }
    }
    for (qsizetype i = 0; i < plan.toUpdate.size(); ++i) {
        auto now = people.find(plan.before.at(i).id);
        if (!now) {
            return now.error();
        }
        if (!now.value() || !(*now.value() == plan.before.at(i))) {
            return Error{tr("%1 was changed meanwhile (by another Tandem?); nothing was imported. Import the file "
                            "again.")
                             .arg(plan.before.at(i).email),
                         Field::Stale.toString()};
        }
    }
    RosterImportSummary summary;
    for (const Team &team : plan.teamsToCreate) {
        if (auto status = writeLogged(
                m_db, [&] { return teams.insert(team); },
                ChangeRecord::created(Entity::Team, team.id.toString(), toJson(team)));
            !status) {
            return status.error();
        }
        ++summary.teamsCreated;
    }
    for (const Person &person : plan.toAdd) {
        const auto insert = [&]() -> Status {
            if (auto status = people.insert(person); !status) {
                return Error{tr("%1: %2").arg(person.email, status.errorMessage())};
            }
            return {};
        };
        if (auto status =
                writeLogged(m_db, insert, ChangeRecord::created(Entity::Person, person.id.toString(), toJson(person)));
            !status) {
            return status.error();
        }
        ++summary.added;
    }
    for (qsizetype i = 0; i < plan.toUpdate.size(); ++i) {
        const Person &person = plan.toUpdate.at(i);
        const auto update = [&]() -> Status {
            if (auto status = people.update(person); !status) {
                return Error{tr("%1: %2").arg(person.email, status.errorMessage())};
            }
            // Re-importing someone who was removed puts them back on the roster.
            return people.setRemoved(person.id, {});
        };
        if (auto status = writeLogged(
                m_db, update,
                ChangeRecord::updated(Entity::Person, person.id.toString(), toJson(plan.before.at(i)), toJson(person)));
            !status) {
            return status.error();
        }
        ++summary.updated;
    }
    summary.unchanged = plan.unchanged;
    summary.skipped = int(plan.skippedLines.size());
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return summary;
}

Status RosterService::revertImport(const RosterImportPlan &plan)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    for (const Person &person : plan.before) {
        if (auto status = updatePerson(person); !status) {
            return status;
        }
    }
    for (const Person &person : plan.toAdd) {
        if (auto status = erasePerson(person.id); !status) {
            return status;
        }
    }
    for (const Team &team : plan.teamsToCreate) {
        if (auto status = removeTeam(team.id); !status) {
            return status;
        }
    }
    return transaction.commit();
}

Result<QByteArray> RosterService::exportCsv() const
{
    auto people = PersonRepository(m_db).all();
    if (!people) {
        return people.error();
    }
    auto teams = TeamRepository(m_db).all();
    if (!teams) {
        return teams.error();
    }
    return writeRosterCsv(people.value(), teams.value());
}

} // namespace Tandem
