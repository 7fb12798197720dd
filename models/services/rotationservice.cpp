#include "rotationservice.h"

#include "domain/serialize.h"
#include "domain/timezonenames.h"
#include "store/database.h"
#include "store/loggedwrite.h"
#include "store/personrepository.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "store/transaction.h"
#include "validation.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::RotationService", text);
}

Error fieldError(const QString &message, QStringView field)
{
    return Error{message, field.toString()};
}

// A person the rotation or pool names must be on the roster: known and not removed.
Result<Person> rosterPerson(PersonRepository &people, PersonId id, QStringView field)
{
    auto person = people.find(id);
    if (!person) {
        return person.error();
    }
    if (!person.value()) {
        return fieldError(tr("The person %1 is not in the database.").arg(id.toString()), field);
    }
    auto removed = people.isRemoved(id);
    if (!removed) {
        return removed.error();
    }
    if (removed.value()) {
        return fieldError(tr("%1 is no longer on the roster.").arg(person.value()->name), field);
    }
    return *person.value();
}

} // namespace

Result<QList<Rotation>> RotationService::rotations() const
{
    return RotationRepository(m_db).all();
}

Result<std::optional<Rotation>> RotationService::rotation(RotationId id) const
{
    return RotationRepository(m_db).find(id);
}

Result<std::optional<Rotation>> RotationService::rotationByName(const QString &name) const
{
    return RotationRepository(m_db).findByName(name);
}

Result<QList<OpsPool>> RotationService::pools() const
{
    return PoolRepository(m_db).all();
}

Result<std::optional<OpsPool>> RotationService::pool(PoolId id) const
{
    return PoolRepository(m_db).find(id);
}

Result<std::optional<OpsPool>> RotationService::poolByName(const QString &name) const
{
    return PoolRepository(m_db).findByName(name);
}

Result<QList<Shift>> RotationService::shifts(const QDateTime &from, const QDateTime &to, RotationId rotation) const
{
    return ShiftRepository(m_db).overlapping(from, to, rotation);
}

Result<QList<Shift>> RotationService::matchingShifts(const QDateTime &from, const QDateTime &to,
                                                     const ShiftFilter &filter) const
{
    return ShiftRepository(m_db).matching(from, to, filter);
}

// Checks a rotation against its own rules and against the database. Runs inside the caller's
// transaction, so what it checked is what gets written.
Result<Rotation> RotationService::normalizedChecked(Rotation r) const
{
    r.name = r.name.trimmed();
    if (const QString zone = canonicalTimeZone(r.timeZone); !zone.isEmpty()) {
        r.timeZone = zone; // an old IANA name (Asia/Calcutta) is stored as today's (Asia/Kolkata)
    } else {
        r.timeZone = r.timeZone.trimmed();
    }
    if (const auto errors = validateRotation(r); !errors.isEmpty()) {
        return errors.first();
    }
    RotationRepository rotations(m_db);
    auto sameName = rotations.findByName(r.name);
    if (!sameName) {
        return sameName.error();
    }
    if (sameName.value() && sameName.value()->id != r.id) {
        return fieldError(tr("There is already a rotation named %1.").arg(sameName.value()->name), Field::Name);
    }
    auto team = TeamRepository(m_db).find(r.teamId);
    if (!team) {
        return team.error();
    }
    if (!team.value()) {
        return fieldError(tr("The team of the rotation is not in the database."), Field::Team);
    }
    auto pool = PoolRepository(m_db).find(r.opsPoolId);
    if (!pool) {
        return pool.error();
    }
    if (!pool.value()) {
        return fieldError(tr("The ops pool of the rotation is not in the database."), Field::OpsPool);
    }
    if (pool.value()->members.isEmpty()) {
        return fieldError(tr("The ops pool %1 has no members; nobody could take the ops seat.").arg(pool.value()->name),
                          Field::OpsPool);
    }
    PersonRepository people(m_db);
    for (const PersonId &id : std::as_const(r.rules.newDevelopers)) {
        auto person = rosterPerson(people, id, Field::NewDevelopers);
        if (!person) {
            return person.error();
        }
        if (person->role != Role::Developer) {
            return fieldError(tr("%1 is not a developer; only developers can be marked new.").arg(person->name),
                              Field::NewDevelopers);
        }
    }
    for (const PersonId &id : std::as_const(r.rules.trainees)) {
        auto person = rosterPerson(people, id, Field::Trainees);
        if (!person) {
            return person.error();
        }
        if (person->role != Role::Developer) {
            return fieldError(tr("%1 is not a developer; only developers onboard by shadowing.").arg(person->name),
                              Field::Trainees);
        }
    }
    for (const auto &pair : std::as_const(r.rules.forbiddenPairs)) {
        auto dev = rosterPerson(people, pair.first, Field::ForbiddenPairs);
        if (!dev) {
            return dev.error();
        }
        auto ops = rosterPerson(people, pair.second, Field::ForbiddenPairs);
        if (!ops) {
            return ops.error();
        }
        // A pair given the wrong way round would never match a shift: refused, not ignored.
        if (dev->role != Role::Developer) {
            return fieldError(tr("%1 is not a developer; a forbidden pair names the developer first, then the ops "
                                 "engineer.")
                                  .arg(dev->name),
                              Field::ForbiddenPairs);
        }
        if (!ops->productionAccess) {
            return fieldError(tr("%1 has no production access and never takes the ops seat; a forbidden pair names "
                                 "the developer first, then the ops engineer.")
                                  .arg(ops->name),
                              Field::ForbiddenPairs);
        }
    }
    // Kept once each: a repeated entry means nothing more.
    QList<PersonId> newDevelopers;
    for (const PersonId &id : std::as_const(r.rules.newDevelopers)) {
        if (!newDevelopers.contains(id)) {
            newDevelopers.append(id);
        }
    }
    r.rules.newDevelopers = newDevelopers;
    QList<PersonId> trainees;
    for (const PersonId &id : std::as_const(r.rules.trainees)) {
        if (!trainees.contains(id)) {
            trainees.append(id);
        }
    }
    r.rules.trainees = trainees;
    return r;
}

Result<Rotation> RotationService::addRotation(Rotation rotation)
{
    if (rotation.id.isNull()) {
        rotation.id = RotationId::create();
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    auto checked = normalizedChecked(std::move(rotation));
    if (!checked) {
        return checked.error();
    }
    const Rotation &r = checked.value();
    if (auto status = writeLogged(
            m_db, [&] { return RotationRepository(m_db).insert(r); },
            ChangeRecord::created(Entity::Rotation, r.id.toString(), toJson(r)));
        !status) {
        return status.error();
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return checked;
}

Status RotationService::updateRotation(const Rotation &input)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    RotationRepository rotations(m_db);
    auto before = rotations.find(input.id);
    if (!before) {
        return before.error();
    }
    auto removed = rotations.isRemoved(input.id);
    if (!removed) {
        return removed.error();
    }
    if (!before.value() || removed.value()) {
        return Error{tr("The rotation %1 is no longer in the database.").arg(input.name)};
    }
    auto checked = normalizedChecked(input);
    if (!checked) {
        return checked.error();
    }
    if (checked.value() == *before.value()) {
        return {};
    }
    if (auto status = writeLogged(
            m_db, [&] { return rotations.update(checked.value()); },
            ChangeRecord::updated(Entity::Rotation, input.id.toString(), toJson(*before.value()),
                                  toJson(checked.value())));
        !status) {
        return status;
    }
    return transaction.commit();
}

Status RotationService::removeRotation(RotationId id)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    RotationRepository rotations(m_db);
    auto before = rotations.find(id);
    if (!before) {
        return before.error();
    }
    auto removed = rotations.isRemoved(id);
    if (!removed) {
        return removed.error();
    }
    if (!before.value() || removed.value()) {
        return {};
    }
    ShiftRepository shifts(m_db);
    // Shifts that have not started are plans for a rotation that no longer runs; past shifts and
    // the one under way are history.
    const QDateTime now = m_db.clock().now();
    const QDateTime farFuture(QDate(9999, 12, 31), QTime(0, 0), Qt::UTC);
    auto future = shifts.overlapping(now, farFuture, id);
    if (!future) {
        return future.error();
    }
    for (const Shift &shift : future.value()) {
        if (shift.start < now) {
            continue;
        }
        if (auto status = writeLogged(
                m_db, [&] { return shifts.remove(shift.id); },
                ChangeRecord::deleted(Entity::Shift, shift.id.toString(), toJson(shift)));
            !status) {
            return status;
        }
    }
    if (auto status = writeLogged(
            m_db, [&] { return rotations.remove(id); },
            ChangeRecord::deleted(Entity::Rotation, id.toString(), toJson(*before.value())));
        !status) {
        return status;
    }
    return transaction.commit();
}

Result<OpsPool> RotationService::normalizedChecked(OpsPool pool) const
{
    pool.name = pool.name.trimmed();
    if (const auto errors = validatePool(pool); !errors.isEmpty()) {
        return errors.first();
    }
    auto sameName = PoolRepository(m_db).findByName(pool.name);
    if (!sameName) {
        return sameName.error();
    }
    if (sameName.value() && sameName.value()->id != pool.id) {
        return fieldError(tr("There is already an ops pool named %1.").arg(sameName.value()->name), Field::Name);
    }
    PersonRepository people(m_db);
    QList<Person> members;
    QSet<PersonId> seen;
    for (const PersonId &id : std::as_const(pool.members)) {
        if (seen.contains(id)) {
            continue;
        }
        seen.insert(id);
        auto person = rosterPerson(people, id, Field::Members);
        if (!person) {
            return person.error();
        }
        if (!person->productionAccess) {
            return fieldError(tr("%1 has no production access; the ops seat needs it.").arg(person->name),
                              Field::Members);
        }
        members.append(person.value());
    }
    // The order the store reads them back in, so that what is returned is what is stored.
    std::sort(members.begin(), members.end(), [](const Person &a, const Person &b) {
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.email.compare(b.email, Qt::CaseInsensitive) < 0;
    });
    pool.members.clear();
    for (const Person &p : std::as_const(members)) {
        pool.members.append(p.id);
    }
    return pool;
}

Result<OpsPool> RotationService::addPool(OpsPool pool)
{
    if (pool.id.isNull()) {
        pool.id = PoolId::create();
    }
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status().error();
    }
    auto checked = normalizedChecked(std::move(pool));
    if (!checked) {
        return checked.error();
    }
    if (auto status = writeLogged(
            m_db, [&] { return PoolRepository(m_db).insert(checked.value()); },
            ChangeRecord::created(Entity::Pool, checked->id.toString(), toJson(checked.value())));
        !status) {
        return status.error();
    }
    if (auto status = transaction.commit(); !status) {
        return status.error();
    }
    return checked;
}

Status RotationService::updatePool(const OpsPool &input)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    PoolRepository pools(m_db);
    auto before = pools.find(input.id);
    if (!before) {
        return before.error();
    }
    if (!before.value()) {
        return Error{tr("The ops pool %1 is no longer in the database.").arg(input.name)};
    }
    auto checked = normalizedChecked(input);
    if (!checked) {
        return checked.error();
    }
    if (checked.value() == *before.value()) {
        return {};
    }
    if (auto status = writeLogged(
            m_db, [&] { return pools.update(checked.value()); },
            ChangeRecord::updated(Entity::Pool, input.id.toString(), toJson(*before.value()), toJson(checked.value())));
        !status) {
        return status;
    }
    return transaction.commit();
}

Status RotationService::removePool(PoolId id)
{
    Transaction transaction(m_db);
    if (!transaction.status()) {
        return transaction.status();
    }
    PoolRepository pools(m_db);
    auto before = pools.find(id);
    if (!before) {
        return before.error();
    }
    if (!before.value()) {
        return {};
    }
    auto users = RotationRepository(m_db).usingPool(id);
    if (!users) {
        return users.error();
    }
    if (!users->isEmpty()) {
        QStringList names;
        for (const Rotation &r : users.value()) {
            names.append(r.name);
        }
        return fieldError(tr("The ops pool %1 is used by %2; give those rotations another pool first.")
                              .arg(before.value()->name, names.join(u", "_s)),
                          Field::OpsPool);
    }
    if (auto status = writeLogged(
            m_db, [&] { return pools.remove(id); },
            ChangeRecord::deleted(Entity::Pool, id.toString(), toJson(*before.value())));
        !status) {
        return status;
    }
    return transaction.commit();
}

} // namespace Tandem
