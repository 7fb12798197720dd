#pragma once

#include "domain/person.h"
#include "domain/rotation.h"
#include "domain/shift.h"
#include "domain/team.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

#include <algorithm>

namespace Tandem::Reports {

/// What a rotation sheet shows, read from the store once: plain values, so rendering needs no
/// database (ui/print paints these onto any paged device).
struct SheetData
{
    QString title;             ///< team name(s), or the person's name
    QDate from;                ///< first day shown
    QDate to;                  ///< last day shown, included
    QDateTime generatedAt;     ///< UTC: "valid as of"
    QList<Rotation> rotations; ///< by name
    QHash<TeamId, Team> teams;
    QHash<PoolId, OpsPool> pools;
    QHash<PersonId, Person> people; ///< also people removed since
    QHash<TeamId, QSet<QDate>> holidays;
    QList<Shift> shifts; ///< overlapping the period, by start
    PersonId person;     ///< the personal sheet's person (null for the others)

    const Rotation *rotation(RotationId id) const
    {
        for (const Rotation &r : rotations) {
            if (r.id == id) {
                return &r;
            }
        }
        return nullptr;
    }

    /// Whom to call when the pair needs help: the senior ops engineers of the rotation's pool,
    /// then the senior developers of its team, except those on this shift; two at most, so
    /// the sheet stays short.
    QList<PersonId> escalation(const Shift &shift) const
    {
        QList<PersonId> result;
        const Rotation *r = rotation(shift.rotationId);
        if (!r) {
            return result;
        }
        for (const PersonId &id : pools.value(r->opsPoolId).members) {
            const Person p = people.value(id);
            if (p.senior && p.active && id != shift.ops && id != shift.dev) {
                result.append(id);
            }
        }
        QList<Person> devs;
        for (auto it = people.cbegin(); it != people.cend(); ++it) {
            const Person &p = it.value();
            if (p.senior && p.active && p.role == Role::Developer && p.teams.contains(r->teamId) && p.id != shift.dev &&
                !result.contains(p.id)) {
                devs.append(p);
            }
        }
        std::sort(devs.begin(), devs.end(), [](const Person &a, const Person &b) { return a.name < b.name; });
        for (const Person &p : std::as_const(devs)) {
            result.append(p.id);
        }
        return result.mid(0, 2);
    }
};

} // namespace Tandem::Reports
