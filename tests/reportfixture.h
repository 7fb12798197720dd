#pragma once

#include "fakeclock.h"
#include "services/planservice.h"
#include "services/reportservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "testutil.h"

#include <QDateTime>
#include <QTimeZone>

namespace Tandem::Test {

/// A small roster with hand-checkable shifts in Europe/Berlin, written through the services
/// into a real SQLite file:
/// - shift 1: Mon 2026-03-23 09:00 CET to Mon 2026-03-30 09:00 CEST (167 h: DST starts on the
///   29th), Dana + Otto;
/// - shift 2: Mon 2026-03-30 09:00 to Mon 2026-04-06 09:00 CEST, Dean + Otto; the 30th is a
///   public holiday;
/// - shift 3: Mon 2026-04-06 09:00 to Mon 2026-04-13 09:00 CEST, Maximiliane and an empty ops
///   seat: the planted coverage gap.
struct ReportFixture
{
    QTemporaryDir dir;
    FakeClock clock{fixedNow()};
    std::unique_ptr<Database> db;
    Team team;
    Person dana;
    Person dean;
    Person max;
    Person otto;
    Person sabine;
    Rotation rotation;
    QList<Shift> shifts;

    /// The fixture's rotation from `from` to `to`, both days included.
    ReportScope scope(const QDate &from, const QDate &to) const
    {
        ReportScope s;
        s.rotations = {rotation.id};
        s.from = from;
        s.to = to;
        return s;
    }

    static QString longName() { return QStringLiteral("Maximiliane Konstantinopoulou Wittgenstein"); }

    static QDateTime berlin(int month, int day, int hour)
    {
        return QDateTime(QDate(2026, month, day), QTime(hour, 0), QTimeZone("Europe/Berlin")).toUTC();
    }

    Person addPerson(const QString &name, const QString &email, Role role, const QString &phone, bool senior = false)
    {
        Person p = makePerson(name, email, role);
        p.teams = {team.id};
        p.phone = phone;
        p.senior = senior;
        auto added = RosterService(*db).addPerson(p);
        if (!added) {
            qFatal("addPerson: %s", qPrintable(added.errorMessage()));
        }
        return added.value();
    }

    void build(const QString &path = {})
    {
        db = path.isEmpty() ? openFresh(dir, clock) : [&] {
            auto opened = Database::open(path, clock);
            if (!opened) {
                qFatal("open: %s", qPrintable(opened.errorMessage()));
            }
            opened.value()->setActor(QStringLiteral("tester@example.com"));
            return std::move(opened).value();
        }();
        RosterService roster(*db);
        team = roster.addTeam(Team{{}, QStringLiteral("Checkout"), QStringLiteral("Europe/Berlin")}).value();
        dana = addPerson(QStringLiteral("Dana Dev"), QStringLiteral("dana@example.com"), Role::Developer,
                         QStringLiteral("+49 30 1111 0001"));
        dean = addPerson(QStringLiteral("Dean Dev"), QStringLiteral("dean@example.com"), Role::Developer,
                         QStringLiteral("+49 30 1111 0002"));
        max = addPerson(longName(), QStringLiteral("max@example.com"), Role::Developer,
                        QStringLiteral("+49 30 1111 0004"));
        otto = addPerson(QStringLiteral("Otto Ops"), QStringLiteral("otto@example.com"), Role::Operations,
                         QStringLiteral("+49 30 1111 0003"));
        sabine = addPerson(QStringLiteral("Sabine Senior"), QStringLiteral("sabine@example.com"), Role::Operations,
                           QStringLiteral("+49 30 1111 0009"), true);
        if (!roster.addHoliday(Holiday{{}, team.id, QDate(2026, 3, 30), QStringLiteral("Test holiday")})) {
            qFatal("addHoliday");
        }
        RotationService rotations(*db);
        OpsPool pool;
        pool.name = QStringLiteral("Checkout ops");
        pool.members = {otto.id, sabine.id};
        pool = rotations.addPool(pool).value();
        Rotation r;
        r.teamId = team.id;
        r.name = QStringLiteral("Checkout on call");
        r.opsPoolId = pool.id;
        r.timeZone = QStringLiteral("Europe/Berlin");
        r.startDate = QDate(2026, 3, 23);
        auto added = rotations.addRotation(r);
        if (!added) {
            qFatal("addRotation: %s", qPrintable(added.errorMessage()));
        }
        rotation = added.value();
        const auto shift = [&](QDateTime start, QDateTime end, PersonId dev, PersonId ops) {
            Shift s;
            s.id = ShiftId::create();
            s.rotationId = rotation.id;
            s.start = start;
            s.end = end;
            s.dev = dev;
            s.ops = ops;
            return s;
        };
        shifts = {shift(berlin(3, 23, 9), berlin(3, 30, 9), dana.id, otto.id),
                  shift(berlin(3, 30, 9), berlin(4, 6, 9), dean.id, otto.id),
                  shift(berlin(4, 6, 9), berlin(4, 13, 9), max.id, {})};
        Planner::PlanResult plan;
        for (const Shift &s : std::as_const(shifts)) {
            plan.shifts.append(Planner::PlannedShift{s, Planner::Change::Added, {}, {}});
        }
        if (auto applied = PlanService(*db).apply(plan); !applied) {
            qFatal("apply: %s", qPrintable(applied.errorMessage()));
        }
    }
};

} // namespace Tandem::Test
