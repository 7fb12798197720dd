// The shadow seat for onboarding: stored, serialized, synced and exported with the shift; the
// shadow rules; the planner's scheduling of trainees (varied pairs, no load); the onboarding
// service from taking a trainee in to confirming them.

#include "planner/shadows.h"

#include "domain/deserialize.h"
#include "domain/serialize.h"
#include "ical/icalcodec.h"
#include "services/onboardingservice.h"
#include "services/planservice.h"
#include "services/rotationservice.h"
#include "services/shiftservice.h"
#include "store/personrepository.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "store/teamrepository.h"
#include "store/timeoffrepository.h"
#include "testutil.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Planner;

namespace {

Person person(const QString &name, Role role, TeamId team)
{
    Person p = Test::makePerson(name, name.toLower().remove(u' ') + u"@example.com"_s, role);
    p.id = PersonId::create();
    p.productionAccess = role == Role::Operations;
    if (!team.isNull()) {
        p.teams = {team};
    }
    return p;
}

/// A team with `devs` developers, `ops` ops engineers, one trainee and one daily rotation over
/// June 2026 (`need` shadow shifts for the trainee).
struct Onboarding
{
    PlanRequest request;
    QList<PersonId> devs;
    QList<PersonId> ops;
    PersonId trainee;
};

Onboarding makeOnboarding(int devs, int ops, int need)
{
    Onboarding o;
    const TeamId team = TeamId::create();
    OpsPool pool{PoolId::create(), u"Ops"_s, {}};
    for (int i = 0; i < devs; ++i) {
        const Person p = person(u"Dev%1"_s.arg(i), Role::Developer, team);
        o.request.people.append(p);
        o.devs.append(p.id);
    }
    for (int i = 0; i < ops; ++i) {
        const Person p = person(u"Ops%1"_s.arg(i), Role::Operations, {});
        o.request.people.append(p);
        o.ops.append(p.id);
        pool.members.append(p.id);
    }
    const Person trainee = person(u"Trainee"_s, Role::Developer, team);
    o.request.people.append(trainee);
    o.trainee = trainee.id;
    Rotation r;
    r.id = RotationId::create();
    r.teamId = team;
    r.name = u"Primary"_s;
    r.opsPoolId = pool.id;
    r.timeZone = u"Europe/Berlin"_s;
    r.shiftMinutes = 24 * 60;
    r.startDate = QDate(2026, 6, 1);
    r.rules.trainees = {trainee.id};
    r.rules.shadowShiftsNeeded = need;
    o.request.rotations = {r};
    o.request.pools.insert(pool.id, pool);
    o.request.from = QDate(2026, 6, 1);
    o.request.to = QDate(2026, 6, 28);
    o.request.now = QDateTime(QDate(2026, 5, 31), QTime(12, 0), Qt::UTC);
    return o;
}

QList<Shift> shadowedBy(const PlanResult &result, PersonId person)
{
    QList<Shift> shifts;
    for (const PlannedShift &p : result.shifts) {
        if (p.change != Change::Removed && p.shift.shadow == person) {
            shifts.append(p.shift);
        }
    }
    return shifts;
}

} // namespace

class ShadowsTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

    struct Store
    {
        std::unique_ptr<Database> db;
        Rotation rotation;
        Person dev;
        Person dev2;
        Person ops;
        Person ops2;
        Person trainee;
    };

    Store makeStore(const QTemporaryDir &dir, int need)
    {
        Store s;
        s.db = Test::openFresh(dir, m_clock);
        const Team team{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        if (!TeamRepository(*s.db).insert(team)) {
            qFatal("team");
        }
        s.dev = person(u"Dana Dev"_s, Role::Developer, team.id);
        s.dev2 = person(u"Dirk Dev"_s, Role::Developer, team.id);
        s.ops = person(u"Olga Ops"_s, Role::Operations, {});
        s.ops2 = person(u"Otto Ops"_s, Role::Operations, {});
        s.trainee = person(u"Tina Trainee"_s, Role::Developer, team.id);
        for (const Person &p : {s.dev, s.dev2, s.ops, s.ops2, s.trainee}) {
            if (!PersonRepository(*s.db).insert(p)) {
                qFatal("person");
            }
        }
        OpsPool pool{PoolId::create(), u"Ops"_s, {s.ops.id, s.ops2.id}};
        if (!PoolRepository(*s.db).insert(pool)) {
            qFatal("pool");
        }
        s.rotation.teamId = team.id;
        s.rotation.name = u"Payments primary"_s;
        s.rotation.opsPoolId = pool.id;
        s.rotation.timeZone = u"Europe/Berlin"_s;
        s.rotation.shiftMinutes = 24 * 60;
        s.rotation.startDate = QDate(2026, 3, 2);
        s.rotation.rules.shadowShiftsNeeded = need;
        auto added = RotationService(*s.db).addRotation(s.rotation);
        if (!added) {
            qFatal("rotation: %s", qPrintable(added.errorMessage()));
        }
        s.rotation = added.value();
        return s;
    }

    static Shift shiftAt(const Store &s, const QDateTime &start, PersonId dev, PersonId ops, PersonId shadow = {})
    {
        Shift shift;
        shift.id = ShiftId::create();
        shift.rotationId = s.rotation.id;
        shift.start = start;
        shift.end = start.addDays(1);
        shift.dev = dev;
        shift.ops = ops;
        shift.shadow = shadow;
        return shift;
    }

private Q_SLOTS:
    // --- Data: store, change-log JSON, CalDAV resource, .ics export -------------------------------

    void storeAndJsonRoundTrip()
    {
        QTemporaryDir dir;
        Store s = makeStore(dir, 3);
        ShiftRepository repo(*s.db);
        const QDateTime start(QDate(2026, 3, 23), QTime(8, 0), Qt::UTC);
        const Shift withShadow = shiftAt(s, start, s.dev.id, s.ops.id, s.trainee.id);
        const Shift without = shiftAt(s, start.addDays(2), s.dev.id, s.ops.id);
        QVERIFY(repo.insert(withShadow));
        QVERIFY(repo.insert(without));
        QCOMPARE(repo.find(withShadow.id).value()->shadow, s.trainee.id);
        QVERIFY(repo.find(without.id).value()->shadow.isNull());

        // Only the shadowed shift is the trainee's, and it is not a seat of theirs.
        const auto shadowed = repo.shadowedBy(s.trainee.id, start.addDays(-1), start.addDays(7));
        QVERIFY(shadowed);
        QCOMPARE(shadowed->size(), 1);
        QCOMPARE(shadowed->first().id, withShadow.id);
        QVERIFY(repo.ofPerson(s.trainee.id, start.addDays(-1), start.addDays(7))->isEmpty());
        QCOMPARE(repo.shadowCount(s.rotation.id, s.trainee.id).value(), 1);
        QCOMPARE(repo.shadowCount(s.rotation.id, s.trainee.id, start).value(), 0); // not ended by its start

        // Update clears it again.
        Shift cleared = withShadow;
        cleared.shadow = PersonId();
        QVERIFY(repo.update(cleared));
        QVERIFY(repo.find(withShadow.id).value()->shadow.isNull());

        // The change log's JSON: the shadow only when there is one, read back as written.
        const QJsonObject json = toJson(withShadow);
        QCOMPARE(json.value(u"shadow"_s).toString(), s.trainee.id.toString());
        QVERIFY(!toJson(without).contains(u"shadow"_s));
        QCOMPARE(shiftFromJson(json).value(), withShadow);
        QCOMPARE(shiftFromJson(toJson(without)).value(), without);
        QJsonObject bad = json;
        bad.insert(u"shadow"_s, u"not-an-id"_s);
        QVERIFY(!shiftFromJson(bad));
    }

    void rulesJsonRoundTrip()
    {
        RotationRules rules;
        QVERIFY(!toJson(rules).contains(u"trainees"_s)); // rotations without onboarding keep their JSON
        rules.trainees = {PersonId::create(), PersonId::create()};
        rules.shadowShiftsNeeded = 5;
        QCOMPARE(rulesFromJson(toJson(rules)), rules);
    }

    void icalRoundTrip()
    {
        const TeamId team = TeamId::create();
        const Person dev = person(u"Dana Dev"_s, Role::Developer, team);
        const Person ops = person(u"Olga Ops"_s, Role::Operations, {});
        const Person trainee = person(u"Tina Trainee"_s, Role::Developer, team);
        IcalDirectory directory;
        for (const Person &p : {dev, ops, trainee}) {
            directory.people.insert(p.id, p);
        }
        Shift shift;
        shift.id = ShiftId::create();
        shift.rotationId = RotationId::create();
        shift.start = QDateTime(QDate(2026, 3, 23), QTime(8, 0), Qt::UTC);
        shift.end = shift.start.addDays(1);
        shift.dev = dev.id;
        shift.ops = ops.id;
        shift.shadow = trainee.id;

        // The CalDAV resource (sync): the shadow comes back.
        const QByteArray resource =
            encodeResource(ResourceData{ResourceKind::Shift, shift.id.toString(), toJson(shift)}, directory);
        QVERIFY(resource.contains("X-TANDEM-SHADOW:" + trainee.id.toString().toLatin1()));
        const auto decoded = decodeResource(resource);
        QVERIFY2(decoded, qPrintable(decoded.errorMessage()));
        QCOMPARE(decoded->data.value(u"shadow"_s).toString(), trainee.id.toString());
        QCOMPARE(shiftFromJson(decoded->data).value().shadow, trainee.id);

        // Without a shadow: no property, nothing read back.
        Shift plain = shift;
        plain.shadow = PersonId();
        const QByteArray plainText =
            encodeResource(ResourceData{ResourceKind::Shift, plain.id.toString(), toJson(plain)}, directory);
        QVERIFY(!plainText.contains("X-TANDEM-SHADOW"));
        QVERIFY(!decodeResource(plainText)->data.contains(u"shadow"_s));

        // An .ics export with attendees: the shadow is an optional participant, the seats required.
        const QByteArray ics = exportCalendar({shift}, {}, directory, IcalOptions{true});
        const QString text = QString::fromUtf8(ics).replace(u"\r\n "_s, QString());
        QStringList attendees;
        for (const QString &line : text.split(u"\r\n"_s)) {
            if (line.startsWith(u"ATTENDEE"_s)) {
                attendees << line;
            }
        }
        QCOMPARE(attendees.size(), 3);
        for (const QString &line : std::as_const(attendees)) {
            if (line.contains(trainee.email)) {
                QVERIFY2(line.contains(u"ROLE=OPT-PARTICIPANT"_s), qPrintable(line));
            } else {
                QVERIFY2(!line.contains(u"OPT-PARTICIPANT"_s), qPrintable(line));
            }
        }
        QVERIFY(text.contains(u"no production access): Tina Trainee"_s)); // DESCRIPTION, commas escaped
    }

    // --- Rules ----------------------------------------------------------------------------------

    void shadowRules_data()
    {
        QTest::addColumn<QString>("situation");
        QTest::addColumn<int>("kind"); // -1: allowed
        QTest::addColumn<QString>("words");
        QTest::newRow("free") << u"free"_s << -1 << QString();
        QTest::newRow("in the dev seat") << u"dev"_s << int(RuleKind::PairRule) << u"already holds a seat"_s;
        QTest::newRow("on leave") << u"leave"_s << int(RuleKind::Leave) << u"is on leave 24 Mar"_s;
        QTest::newRow("on call elsewhere")
            << u"overlap"_s << int(RuleKind::DoubleBooking) << u"is on call at that time"_s;
        QTest::newRow("shadows elsewhere")
            << u"shadowing"_s << int(RuleKind::DoubleBooking) << u"shadows another shift at that time"_s;
        QTest::newRow("no rest") << u"rest"_s << int(RuleKind::Rest) << u"would rest only 0 h"_s;
    }

    void shadowRules()
    {
        QFETCH(QString, situation);
        QFETCH(int, kind);
        QFETCH(QString, words);
        const TeamId team = TeamId::create();
        Rotation rotation;
        rotation.id = RotationId::create();
        rotation.teamId = team;
        rotation.name = u"Primary"_s;
        rotation.timeZone = u"Europe/Berlin"_s;
        rotation.shiftMinutes = 24 * 60;
        const Person trainee = person(u"Tina Trainee"_s, Role::Developer, team);
        Shift shift;
        shift.id = ShiftId::create();
        shift.rotationId = rotation.id;
        shift.start = QDateTime(QDate(2026, 3, 24), QTime(8, 0), Qt::UTC);
        shift.end = shift.start.addDays(1);
        shift.dev = PersonId::create();
        shift.ops = PersonId::create();
        shift.shadow = trainee.id;
        QList<TimeOff> leave;
        QList<Shift> theirs;
        Shift other;
        other.id = ShiftId::create();
        other.rotationId = RotationId::create();
        if (situation == u"dev") {
            shift.dev = trainee.id;
        } else if (situation == u"leave") {
            leave.append(TimeOff{TimeOffId::create(), trainee.id, QDate(2026, 3, 24), QDate(2026, 3, 24), {}});
        } else if (situation == u"overlap" || situation == u"shadowing") {
            other.start = shift.start.addSecs(6 * 3600);
            other.end = other.start.addDays(1);
            (situation == u"overlap" ? other.dev : other.shadow) = trainee.id;
            theirs.append(other);
        } else if (situation == u"rest") {
            other.start = shift.end; // back to back: the default rest is one shift length
            other.end = other.start.addDays(1);
            other.dev = trainee.id;
            theirs.append(other);
        }
        // Leave of someone else never counts.
        leave.append(TimeOff{TimeOffId::create(), shift.dev, QDate(2026, 3, 24), QDate(2026, 3, 24), {}});
        const auto violation = checkShadow(shift, trainee, rotation, leave, theirs);
        if (kind < 0) {
            QVERIFY2(!violation, violation ? qPrintable(violation->text) : "");
            return;
        }
        QVERIFY(violation);
        QCOMPARE(int(violation->kind), kind);
        QVERIFY2(violation->text.contains(words), qPrintable(violation->text));
        QVERIFY2(violation->text.contains(u"Tina Trainee"_s), qPrintable(violation->text));
    }

    // --- Planner --------------------------------------------------------------------------------

    void plannerVariesPairs()
    {
        // 4 developers and 4 ops over four weeks: plenty of distinct pairs for 4 shadow shifts.
        Onboarding o = makeOnboarding(4, 4, 4);
        const PlanResult result = plan(o.request);
        QVERIFY(result.error.isEmpty());
        const QList<Shift> shadowed = shadowedBy(result, o.trainee);
        QCOMPARE(shadowed.size(), 4);
        QSet<QPair<PersonId, PersonId>> pairs;
        QSet<PersonId> devs;
        QSet<PersonId> ops;
        for (const Shift &s : shadowed) {
            pairs.insert({s.dev, s.ops});
            devs.insert(s.dev);
            ops.insert(s.ops);
        }
        QCOMPARE(pairs.size(), 4);
        QCOMPARE(devs.size(), 4); // each developer once
        QCOMPARE(ops.size(), 4);  // each ops engineer once
        // Never in the developer seat while onboarding, never twice in a row (rest), no clash.
        for (const PlannedShift &p : result.shifts) {
            QVERIFY(p.shift.dev != o.trainee);
            QVERIFY(p.shift.ops != o.trainee);
        }
        for (int i = 1; i < shadowed.size(); ++i) {
            QVERIFY(shadowed.at(i - 1).end < shadowed.at(i).start);
        }
        // Deterministic.
        QCOMPARE(shadowedBy(plan(o.request), o.trainee), shadowed);
    }

    void plannerShadowsOnlyAhead()
    {
        // A plan written from a past day: the shifts already under way or over get no shadow.
        Onboarding o = makeOnboarding(3, 3, 3);
        o.request.now = QDateTime(QDate(2026, 6, 10), QTime(12, 0), Qt::UTC);
        const QList<Shift> shadowed = shadowedBy(plan(o.request), o.trainee);
        QCOMPARE(shadowed.size(), 3);
        for (const Shift &s : shadowed) {
            QVERIFY2(s.start >= o.request.now, qPrintable(s.start.toString(Qt::ISODate)));
        }
    }

    void plannerShadowCarriesNoLoad()
    {
        Onboarding o = makeOnboarding(3, 3, 5);
        const PlanResult result = plan(o.request);
        QCOMPARE(shadowedBy(result, o.trainee).size(), 5);
        // The fairness figures are those of the seats alone: the trainee carries nothing, and the
        // developers share every shift among themselves.
        int devShifts = 0;
        for (const PersonFigures &f : result.summary.people) {
            if (f.person == o.trainee) {
                QCOMPARE(f.shifts, 0);
                QCOMPARE(f.load, 0.0);
                QCOMPARE(f.fairShare, 0.0);
            }
            if (o.devs.contains(f.person)) {
                devShifts += f.shifts;
            }
        }
        QCOMPARE(devShifts, 28);
        // The same plan without the onboarding has the same seats: the shadow changes nothing.
        PlanRequest without = o.request;
        without.rotations[0].rules.shadowShiftsNeeded = 0;
        const PlanResult plain = plan(without);
        QCOMPARE(plain.shifts.size(), result.shifts.size());
        for (int i = 0; i < plain.shifts.size(); ++i) {
            QCOMPARE(plain.shifts.at(i).shift.dev, result.shifts.at(i).shift.dev);
            QCOMPARE(plain.shifts.at(i).shift.ops, result.shifts.at(i).shift.ops);
            QVERIFY(plain.shifts.at(i).shift.shadow.isNull());
        }
    }

    void plannerRespectsLeaveAndCountsHistory()
    {
        Onboarding o = makeOnboarding(3, 3, 4);
        // On leave the first two weeks of June.
        o.request.timeOff.append(TimeOff{TimeOffId::create(), o.trainee, QDate(2026, 6, 1), QDate(2026, 6, 14), {}});
        // Two shadow shifts already done in May.
        for (int day : {20, 25}) {
            Shift past;
            past.id = ShiftId::create();
            past.rotationId = o.request.rotations.first().id;
            past.start = QDateTime(QDate(2026, 5, day), QTime(7, 0), Qt::UTC);
            past.end = past.start.addDays(1);
            past.dev = o.devs.at(day == 20 ? 0 : 1);
            past.ops = o.ops.at(0);
            past.shadow = o.trainee;
            o.request.existing.append(past);
        }
        const PlanResult result = plan(o.request);
        const QList<Shift> shadowed = shadowedBy(result, o.trainee);
        QCOMPARE(shadowed.size(), 2); // 4 needed, 2 done
        for (const Shift &s : shadowed) {
            QVERIFY2(s.start >= QDateTime(QDate(2026, 6, 14), QTime(22, 0), Qt::UTC),
                     qPrintable(s.start.toString(Qt::ISODate)));
            QVERIFY(s.ops != o.ops.at(0)); // the ops already met comes last
        }
    }

    void replanKeepsAndDropsShadows()
    {
        Onboarding o = makeOnboarding(3, 3, 2);
        const PlanResult first = plan(o.request);
        QList<Shift> existing;
        for (const PlannedShift &p : first.shifts) {
            existing.append(p.shift);
        }
        // Planned again over what the first plan wrote: the shadows stay, nothing changes.
        PlanRequest again = o.request;
        again.existing = existing;
        const PlanResult second = plan(again);
        QCOMPARE(shadowedBy(second, o.trainee), shadowedBy(first, o.trainee));
        for (const PlannedShift &p : second.shifts) {
            QVERIFY(p.change == Change::Unchanged);
        }
        // Time off over the first shadow shift: it moves, and the shift that lost it is Changed.
        const Shift lost = shadowedBy(first, o.trainee).first();
        again.timeOff.append(TimeOff{TimeOffId::create(), o.trainee, lost.start.date(), lost.start.date(), {}});
        const PlanResult third = plan(again);
        const QList<Shift> moved = shadowedBy(third, o.trainee);
        QCOMPARE(moved.size(), 2);
        for (const PlannedShift &p : third.shifts) {
            if (p.shift.id == lost.id) {
                QVERIFY(p.shift.shadow.isNull());
                QCOMPARE(p.change, Change::Changed);
            }
        }
        // A confirmed developer (off the list) takes developer seats again and gets no new shadows.
        PlanRequest confirmed = o.request;
        confirmed.rotations[0].rules.trainees.clear();
        const PlanResult fourth = plan(confirmed);
        QVERIFY(shadowedBy(fourth, o.trainee).isEmpty());
        int seats = 0;
        for (const PlannedShift &p : fourth.shifts) {
            seats += p.shift.dev == o.trainee ? 1 : 0;
        }
        QVERIFY(seats > 0);
    }

    // --- Services -------------------------------------------------------------------------------

    void onboardingToConfirmation()
    {
        QTemporaryDir dir;
        Store s = makeStore(dir, 2);
        OnboardingService onboarding(*s.db);
        QVERIFY(onboarding.onboard(s.rotation.id, s.trainee.id));
        QVERIFY(!onboarding.onboard(s.rotation.id, s.trainee.id)); // once
        QVERIFY(!onboarding.onboard(s.rotation.id, s.ops.id));     // not a developer of the team
        auto progress = onboarding.progressOf(s.rotation.id, s.trainee.id);
        QVERIFY(progress);
        QCOMPARE(progress->done, 0);
        QCOMPARE(progress->needed, 2);
        QVERIFY(!progress->isReady());
        const auto early = onboarding.confirm(s.rotation.id, s.trainee.id);
        QVERIFY(!early);
        QVERIFY2(early.errorMessage().contains(u"has done 0 of 2 shadow shifts"_s), qPrintable(early.errorMessage()));

        // Two past shifts and one planned, shadowed by hand through the shift service.
        ShiftRepository repo(*s.db);
        const QDateTime now = m_clock.now();
        const Shift a = shiftAt(s, now.addDays(-6), s.dev.id, s.ops.id);
        const Shift b = shiftAt(s, now.addDays(-3), s.dev2.id, s.ops2.id);
        const Shift c = shiftAt(s, now.addDays(2), s.dev.id, s.ops2.id);
        for (const Shift &shift : {a, b, c}) {
            QVERIFY(repo.insert(shift));
        }
        ShiftService shifts(*s.db);
        QVERIFY(shifts.setShadow(a.id, s.trainee.id));
        QVERIFY(shifts.setShadow(b.id, s.trainee.id));
        // The shadow cannot take the developer seat of the same shift, nor shadow the dev.
        QVERIFY(!shifts.assignSeat(a.id, Seat::Dev, s.trainee.id));
        const auto own = shifts.setShadow(c.id, s.dev.id);
        QVERIFY(!own);
        QVERIFY2(own.errorMessage().contains(u"already holds a seat"_s), qPrintable(own.errorMessage()));
        // On leave: refused, in words.
        QVERIFY(TimeOffRepository(*s.db).insert(
            TimeOff{TimeOffId::create(), s.trainee.id, c.start.date(), c.start.date(), u"dentist"_s}));
        const auto onLeave = shifts.setShadow(c.id, s.trainee.id);
        QVERIFY(!onLeave);
        QVERIFY2(onLeave.errorMessage().contains(u"is on leave"_s), qPrintable(onLeave.errorMessage()));

        // Home's words: the next shift shadowed and the progress.
        const Shift d = shiftAt(s, now.addDays(4), s.dev2.id, s.ops.id);
        QVERIFY(repo.insert(d));
        QVERIFY(shifts.setShadow(d.id, s.trainee.id));
        const auto summary = onboarding.summaryFor(s.trainee.id, now);
        QVERIFY(summary);
        QCOMPARE(summary->size(), 2);
        QVERIFY2(summary->at(0).startsWith(u"You shadow Dirk Dev and Olga Ops on "_s), qPrintable(summary->at(0)));
        QVERIFY2(summary->at(0).endsWith(u" in Payments primary."_s), qPrintable(summary->at(0)));
        QCOMPARE(summary->at(1), u"Payments primary: 2 of 2 shadow shifts done; ready for a lead to confirm you."_s);
        QVERIFY(onboarding.summaryFor(s.dev.id, now)->isEmpty());

        progress = onboarding.progressOf(s.rotation.id, s.trainee.id);
        QCOMPARE(progress->done, 2);
        QCOMPARE(progress->scheduled, 1);
        QVERIFY(progress->isReady());
        QVERIFY(onboarding.confirm(s.rotation.id, s.trainee.id));
        QVERIFY(RotationService(*s.db).rotation(s.rotation.id).value()->rules.trainees.isEmpty());
        QVERIFY(!onboarding.progressOf(s.rotation.id, s.trainee.id));
        // The shadow shifts stay in the history.
        QCOMPARE(repo.shadowCount(s.rotation.id, s.trainee.id).value(), 3);
    }

    void planServiceWritesShadows()
    {
        QTemporaryDir dir;
        Store s = makeStore(dir, 2);
        QVERIFY(OnboardingService(*s.db).onboard(s.rotation.id, s.trainee.id));
        PlanService service(*s.db);
        const QDate from = m_clock.now().date().addDays(7);
        auto request = service.request({s.rotation.id}, from, from.addDays(13));
        QVERIFY2(request, qPrintable(request.errorMessage()));
        const PlanResult result = plan(request.value());
        QVERIFY(service.apply(result));
        const auto stored = ShiftRepository(*s.db).shadowedBy(s.trainee.id, QDateTime(from, QTime(0, 0), Qt::UTC),
                                                              QDateTime(from.addDays(15), QTime(0, 0), Qt::UTC));
        QCOMPARE(stored->size(), 2);
        QVERIFY(stored->at(0).dev != s.trainee.id);
        QVERIFY((stored->at(0).dev != stored->at(1).dev) || (stored->at(0).ops != stored->at(1).ops));
    }
};

QTEST_GUILESS_MAIN(ShadowsTest)
#include "shadowstest.moc"
