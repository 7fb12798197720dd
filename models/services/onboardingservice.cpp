#include "onboardingservice.h"

#include "planner/shadows.h"
#include "rotationservice.h"
#include "store/database.h"
#include "store/personrepository.h"
#include "store/shiftrepository.h"
#include "store/timeoffrepository.h"
#include "store/transaction.h"
#include "validation.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::OnboardingService", text);
}

} // namespace

Result<Rotation> OnboardingService::rotation(RotationId id) const
{
    auto found = RotationService(m_db).rotation(id);
    if (!found) {
        return found.error();
    }
    if (!found.value()) {
        return Error{tr("The rotation %1 is not in the database.").arg(id.toString())};
    }
    return *found.value();
}

Result<QList<TraineeProgress>> OnboardingService::progress(RotationId id) const
{
    auto r = rotation(id);
    if (!r) {
        return r.error();
    }
    auto people = PersonRepository(m_db).findMany(r->rules.trainees);
    if (!people) {
        return people.error();
    }
    ShiftRepository shifts(m_db);
    const QDateTime now = m_db.clock().now();
    QList<TraineeProgress> result;
    for (const PersonId &trainee : std::as_const(r->rules.trainees)) {
        TraineeProgress p;
        p.person = people->value(trainee);
        p.person.id = trainee;
        p.needed = r->rules.shadowShiftsNeeded;
        auto done = shifts.shadowCount(id, trainee, now);
        auto all = shifts.shadowCount(id, trainee);
        if (!done) {
            return done.error();
        }
        if (!all) {
            return all.error();
        }
        p.done = done.value();
        p.scheduled = all.value() - done.value();
        result.append(p);
    }
    return result;
}

Result<TraineeProgress> OnboardingService::progressOf(RotationId id, PersonId person) const
{
    auto all = progress(id);
    if (!all) {
        return all.error();
    }
    for (const TraineeProgress &p : all.value()) {
        if (p.person.id == person) {
            return p;
        }
    }
    auto r = rotation(id);
    auto found = PersonRepository(m_db).find(person);
    const QString name = found && found.value() ? found.value()->name : person.toString();
    return Error{tr("%1 is not onboarding in %2.").arg(name, r ? r->name : id.toString()), Field::Trainees.toString()};
}

Status OnboardingService::editRotation(RotationId id, const std::function<Status(Rotation &)> &change)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto r = rotation(id);
    if (!r) {
        return r.error();
    }
    Rotation changed = r.value();
    if (auto status = change(changed); !status) {
        return status;
    }
    if (auto status = RotationService(m_db).updateRotation(changed); !status) {
        return status;
    }
    return transaction.commit();
}

Status OnboardingService::onboard(RotationId id, PersonId person)
{
    return editRotation(id, [&](Rotation &r) -> Status {
        auto found = PersonRepository(m_db).find(person);
        if (!found) {
            return found.error();
        }
        if (!found.value()) {
            return Error{tr("The person %1 is not in the database.").arg(person.toString()),
                         Field::Trainees.toString()};
        }
        const Person &p = *found.value();
        if (r.rules.trainees.contains(person)) {
            return Error{tr("%1 is already onboarding in %2.").arg(p.name, r.name), Field::Trainees.toString()};
        }
        if (!p.teams.contains(r.teamId)) {
            return Error{
                tr("%1 is not in the team of %2; add them to the team on the roster first.").arg(p.name, r.name),
                Field::Trainees.toString()};
        }
        r.rules.trainees.append(person);
        return {};
    });
}

Status OnboardingService::confirm(RotationId id, PersonId person)
{
    return editRotation(id, [&](Rotation &r) -> Status {
        auto p = progressOf(id, person);
        if (!p) {
            return p.error();
        }
        if (!p->isReady()) {
            return Error{tr("%1 has done %2 of %3 shadow shifts in %4; confirm them when they have done all of them.")
                             .arg(p->person.name)
                             .arg(p->done)
                             .arg(p->needed)
                             .arg(r.name),
                         Field::Trainees.toString()};
        }
        r.rules.trainees.removeAll(person);
        return {};
    });
}

Status OnboardingService::withdraw(RotationId id, PersonId person)
{
    return editRotation(id, [&](Rotation &r) -> Status {
        if (auto p = progressOf(id, person); !p) {
            return p.error();
        }
        r.rules.trainees.removeAll(person);
        return {};
    });
}

Status OnboardingService::setShadowShiftsNeeded(RotationId id, int count)
{
    return editRotation(id, [count](Rotation &r) -> Status {
        r.rules.shadowShiftsNeeded = count;
        return {};
    });
}

Result<QList<Shift>> OnboardingService::shadowed(PersonId person, const QDateTime &from, const QDateTime &to) const
{
    return ShiftRepository(m_db).shadowedBy(person, from, to);
}

Result<QStringList> OnboardingService::summaryFor(PersonId person, const QDateTime &now) const
{
    QStringList lines;
    RotationService rotations(m_db);
    PersonRepository people(m_db);
    auto name = [&people](PersonId id) {
        if (id.isNull()) {
            return tr("nobody");
        }
        const auto found = people.find(id);
        return found && found.value() ? found.value()->name : tr("(removed)");
    };
    auto next = shadowed(person, now, now.addDays(56));
    if (!next) {
        return next.error();
    }
    for (const Shift &s : next.value()) {
        if (s.end <= now) {
            continue;
        }
        const auto r = rotations.rotation(s.rotationId);
        const QString rotationName = r && r.value() ? r.value()->name : QString();
        const QTimeZone zone = r && r.value() && QTimeZone(r.value()->timeZone.toUtf8()).isValid()
                                   ? QTimeZone(r.value()->timeZone.toUtf8())
                                   : QTimeZone::utc();
        const QString when = QLocale().toString(s.start.toTimeZone(zone), u"ddd d MMM HH:mm"_s);
        lines << (s.start <= now
                      ? tr("You are shadowing %1 and %2 now in %3, until %4.")
                            .arg(name(s.dev), name(s.ops), rotationName,
                                 QLocale().toString(s.end.toTimeZone(zone), u"ddd d MMM HH:mm"_s))
                      : tr("You shadow %1 and %2 on %3 in %4.").arg(name(s.dev), name(s.ops), when, rotationName));
        break;
    }
    auto all = rotations.rotations();
    if (!all) {
        return all.error();
    }
    for (const Rotation &r : all.value()) {
        if (!r.rules.trainees.contains(person)) {
            continue;
        }
        auto p = progressOf(r.id, person);
        if (!p) {
            return p.error();
        }
        lines << (p->isReady() ? tr("%1: %2 of %3 shadow shifts done; ready for a lead to confirm you.")
                                     .arg(r.name)
                                     .arg(p->done)
                                     .arg(p->needed)
                               : tr("%1: %2 of %3 shadow shifts done, %4 more planned.")
                                     .arg(r.name)
                                     .arg(p->done)
                                     .arg(p->needed)
                                     .arg(p->scheduled));
    }
    return lines;
}

Status checkShadowSeat(Database &db, const Shift &shift)
{
    if (shift.shadow.isNull()) {
        return {};
    }
    auto r = RotationService(db).rotation(shift.rotationId);
    if (!r) {
        return r.error();
    }
    if (!r.value()) {
        return Error{tr("The shift belongs to no rotation in the database.")};
    }
    auto person = PersonRepository(db).find(shift.shadow);
    if (!person) {
        return person.error();
    }
    if (!person.value()) {
        return Error{tr("The shadow %1 is not in the database.").arg(shift.shadow.toString()), u"shadow"_s};
    }
    auto leave = TimeOffRepository(db).forPerson(shift.shadow);
    if (!leave) {
        return leave.error();
    }
    // The person's shifts around it, any seat: rest never asks for more than 31 days.
    ShiftRepository shifts(db);
    const qint64 margin = std::max<qint64>(shift.start.secsTo(shift.end), 31 * 24 * 3600);
    const QDateTime from = shift.start.addSecs(-margin);
    const QDateTime to = shift.end.addSecs(margin);
    auto seated = shifts.ofPerson(shift.shadow, from, to);
    if (!seated) {
        return seated.error();
    }
    auto shadowing = shifts.shadowedBy(shift.shadow, from, to);
    if (!shadowing) {
        return shadowing.error();
    }
    if (auto violation = Planner::checkShadow(shift, *person.value(), *r.value(), leave.value(),
                                              seated.value() + shadowing.value())) {
        return Error{violation->text, u"shadow"_s};
    }
    return {};
}

} // namespace Tandem
