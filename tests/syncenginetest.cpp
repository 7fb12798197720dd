// Two Tandem databases and a third-party client share one collection on a real Radicale.

#include "sync/syncengine.h"

#include "domain/serialize.h"
#include "ical/icalcodec.h"
#include "radicale.h"
#include "services/demodata.h"
#include "services/planservice.h"
#include "services/servicecatalog.h"
#include "services/shiftservice.h"
#include "services/swapservice.h"
#include "store/changelog.h"
#include "store/personrepository.h"
#include "store/shiftrepository.h"
#include "store/swaprequestrepository.h"
#include "store/syncrepository.h"
#include "store/teamrepository.h"
#include "store/timeoffrepository.h"
#include "store/transaction.h"
#include "sync/localitems.h"
#include "syncfixture.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Test;

class SyncEngineTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<RadicaleServer> m_server;
    int m_collection = 0;
    QUrl m_url;

    DavSettings settings() const
    {
        DavSettings s;
        s.url = m_url;
        s.username = u"lead"_s;
        s.timeoutMs = 10000;
        return s;
    }

    SyncReport sync(Database &db, TeamId team)
    {
        SyncEngine engine(db, team, settings());
        return engine.run();
    }

    // A second lead joins the collection on `machine` and syncs `team` down: what failed, if anything.
    Status joinAndSync(Machine &machine, TeamId team)
    {
        CalDavClient client(settings());
        if (const auto joined = joinCollection(*machine.db, client); !joined) {
            return Error(u"joining the collection failed: "_s + joined.errorMessage());
        }
        if (const SyncReport first = sync(*machine.db, team); !first.ok) {
            return Error(u"the first sync after joining failed: "_s + first.message);
        }
        return {};
    }

    // A team with three months of planned shifts in `side`, connected to the collection.
    TeamId plannedTeam(Machine &side)
    {
        [&] { QVERIFY(createDemoData(*side.db)); }();
        const Team team = TeamRepository(*side.db).all().value().first();
        QList<RotationId> rotations;
        for (const Rotation &r : RotationRepository(*side.db).all().value()) {
            if (r.teamId == team.id) {
                rotations.append(r.id);
            }
        }
        PlanService plans(*side.db);
        const QDate from = side.clock.now().date();
        auto plan = plans.preview(rotations, from, from.addDays(90));
        [&] { QVERIFY2(plan, qPrintable(plan.errorMessage())); }();
        [&] { QVERIFY(plans.apply(plan.value())); }();
        [&] { QVERIFY(connectTeam(*side.db, team.id, settings())); }();
        return team.id;
    }

    int resourcesOnServer()
    {
        CalDavClient client(settings());
        auto listing = client.listEtags();
        return std::holds_alternative<QList<DavItem>>(listing) ? int(std::get<QList<DavItem>>(listing).size()) : -1;
    }

    QJsonObject editOnServer(const QString &uid, const std::function<void(QJsonObject &)> &edit)
    {
        return Test::editOnServer(settings(), uid, [&edit](QJsonObject &o) {
            edit(o);
            return true;
        });
    }

    QJsonObject onServer(const QString &uid) { return Test::onServer(settings(), uid); }

    // The team's rotations on `side`, by name.
    static QList<RotationId> teamRotations(Database &db, TeamId team)
    {
        QList<RotationId> result;
        for (const Rotation &r : RotationRepository(db).all().value()) {
            if (r.teamId == team) {
                result.append(r.id);
            }
        }
        return result;
    }

    static QList<Service> teamServices(Database &db, TeamId team)
    {
        QList<Service> result;
        for (const Service &s : ServiceCatalog(db).services().value()) {
            if (s.teamId == team) {
                result.append(s);
            }
        }
        return result;
    }

    // Two leads' machines sharing `team`: A planned it and synced, B joined.
    void twoLeads(Machine &a, Machine &b, TeamId &team)
    {
        team = plannedTeam(a);
        const SyncReport up = sync(*a.db, team);
        QVERIFY2(up.ok, qPrintable(up.message));
        const Status joined = joinAndSync(b, team);
        QVERIFY2(joined, qPrintable(joined.errorMessage()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<RadicaleServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void init()
    {
        m_url = m_server->url(u"/lead/rota%1/"_s.arg(++m_collection));
        CalDavClient client(settings());
        auto made = client.makeCalendar(u"Rota"_s);
        QVERIFY2(std::holds_alternative<bool>(made),
                 std::holds_alternative<DavError>(made) ? qPrintable(std::get<DavError>(made).message) : "");
    }

    void twoDatabasesShareARotation()
    {
        Machine a;
        Machine b;
        const TeamId team = plannedTeam(a);
        const int shifts = int(teamShifts(*a.db, team).size());
        QVERIFY(shifts > 10);

        const SyncReport up = sync(*a.db, team);
        QVERIFY2(up.ok, qPrintable(up.message));
        int timeOff = 0;
        for (const Person &p : PersonRepository(*a.db).all().value()) {
            timeOff += p.teams.contains(team) ? int(TimeOffRepository(*a.db).forPerson(p.id)->size()) : 0;
        }
        QCOMPARE(up.sent, shifts + timeOff + 1); // every shift, every time off, the roster
        QCOMPARE(up.pending, 0);
        QCOMPARE(resourcesOnServer(), up.sent);

        // An independent client (python3-caldav) sees every shift with both names, its zone and
        // the same instants.
        QProcess python;
        python.start(u"/usr/bin/python3"_s,
                     {QStringLiteral(TANDEM_TEST_SCRIPTS) + u"/caldav_list.py"_s, m_url.toString()});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QHash<QString, QJsonObject> seen;
        for (const QJsonValue &v : QJsonDocument::fromJson(python.readAllStandardOutput()).array()) {
            seen.insert(v.toObject().value(u"uid"_s).toString(), v.toObject());
        }
        for (const Shift &s : teamShifts(*a.db, team)) {
            const QJsonObject event = seen.value(s.id.toString());
            QVERIFY2(!event.isEmpty(), qPrintable(s.id.toString()));
            QCOMPARE(event.value(u"start"_s).toString(), s.start.toString(Qt::ISODate));
            QCOMPARE(event.value(u"end"_s).toString(), s.end.toString(Qt::ISODate));
            const Rotation rotation = *RotationRepository(*a.db).find(s.rotationId).value();
            QCOMPARE(event.value(u"tzid"_s).toString(), rotation.timeZone);
            const QString summary = event.value(u"summary"_s).toString();
            for (const PersonId &p : {s.dev, s.ops}) {
                if (!p.isNull()) {
                    const QString name = PersonRepository(*a.db).find(p).value()->name;
                    QVERIFY2(summary.contains(name), qPrintable(summary + u" lacks "_s + name));
                }
            }
        }

        // A second lead joins the collection on an empty database.
        CalDavClient client(settings());
        auto joined = joinCollection(*b.db, client);
        QVERIFY2(joined, qPrintable(joined.errorMessage()));
        QCOMPARE(joined.value(), team);
        const SyncReport down = sync(*b.db, team);
        QVERIFY2(down.ok, qPrintable(down.message));
        QCOMPARE(down.sent, 0);
        QCOMPARE(teamShifts(*b.db, team), teamShifts(*a.db, team));
        QCOMPARE(TeamRepository(*b.db).find(team).value()->name, TeamRepository(*a.db).find(team).value()->name);

        // Nothing changed: one request (sync-collection), nothing sent, nothing received.
        const SyncReport again = sync(*a.db, team);
        QVERIFY(again.ok);
        QCOMPARE(again.requests, 1);
        QCOMPARE(again.sent + again.received, 0);
        QCOMPARE(resourcesOnServer(), up.sent);

        // Edits on both sides to different shifts and different fields of one shift converge.
        const QList<Shift> list = teamShifts(*a.db, team);
        QVERIFY(ShiftService(*a.db).setNote(list.at(0).id, u"Watch the queue, it backs up at 02:00"_s));
        QVERIFY(ShiftService(*b.db).setBridgeUrl(list.at(0).id, u"https://meet.example.com/oncall"_s));
        QVERIFY(ShiftService(*b.db).setNote(list.at(1).id, u"Payment provider maintenance Tuesday"_s));
        QVERIFY(sync(*a.db, team).ok);
        const SyncReport merged = sync(*b.db, team);
        QVERIFY2(merged.ok, qPrintable(merged.message));
        QCOMPARE(merged.newConflicts, 0);
        // A's note came in merged with B's bridge link: one resource changed here.
        QCOMPARE(merged.merged, 1);
        QCOMPARE(merged.received, 1);
        QVERIFY(sync(*a.db, team).ok);
        const Shift a0 = *ShiftRepository(*a.db).find(list.at(0).id).value();
        const Shift b0 = *ShiftRepository(*b.db).find(list.at(0).id).value();
        QCOMPARE(a0.note, u"Watch the queue, it backs up at 02:00"_s);
        QCOMPARE(a0.bridgeUrl, u"https://meet.example.com/oncall"_s);
        QCOMPARE(b0.note, a0.note);
        QCOMPARE(b0.bridgeUrl, a0.bridgeUrl);
        QCOMPARE(ShiftRepository(*a.db).find(list.at(1).id).value()->note, u"Payment provider maintenance Tuesday"_s);
        // The log names the server for what came from it, not this user.
        const auto history = ChangeLog(*a.db).entries(Entity::Shift, list.at(1).id.toString()).value();
        QCOMPARE(history.last().actor, u"a teammate via 127.0.0.1"_s);
        QCOMPARE(teamShifts(*b.db, team), teamShifts(*a.db, team));
        QCOMPARE(resourcesOnServer(), up.sent);

        // A deletion travels.
        {
            Transaction tx(*a.db);
            QVERIFY(ShiftRepository(*a.db).remove(list.at(2).id));
            QVERIFY(ChangeLog(*a.db).append(Entity::Shift, list.at(2).id.toString(), ChangeAction::Delete,
                                            toJson(list.at(2)), {}));
            QVERIFY(tx.commit());
        }
        QVERIFY(sync(*a.db, team).ok);
        QVERIFY(sync(*b.db, team).ok);
        QVERIFY(!ShiftRepository(*b.db).find(list.at(2).id).value());
        QCOMPARE(resourcesOnServer(), up.sent - 1);
    }

    void aSwapAskedOnOneMachineIsAcceptedOnAnother()
    {
        Machine a;
        Machine b;
        const TeamId team = plannedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        const Status joined = joinAndSync(b, team);
        QVERIFY2(joined, qPrintable(joined.errorMessage()));

        // The first dev-seat trade the rules allow: one developer asks another for their shift.
        const QList<Shift> shifts = teamShifts(*a.db, team);
        std::optional<SwapAsk> ask;
        for (int i = 0; i < shifts.size() && !ask; ++i) {
            for (int j = i + 2; j < shifts.size() && !ask; ++j) {
                if (shifts[i].dev.isNull() || shifts[j].dev.isNull() || shifts[i].dev == shifts[j].dev) {
                    continue;
                }
                SwapAsk candidate;
                candidate.kind = SwapKind::Swap;
                candidate.shift = shifts[i].id;
                candidate.requester = shifts[i].dev;
                candidate.target = shifts[j].dev;
                candidate.otherShift = shifts[j].id;
                candidate.message = u"Family wedding that week"_s;
                if (SwapService(*a.db).check(candidate)) {
                    ask = candidate;
                }
            }
        }
        QVERIFY(ask);
        auto asked = SwapService(*a.db).request(*ask);
        QVERIFY2(asked, qPrintable(asked.errorMessage()));
        QVERIFY(sync(*a.db, team).ok);
        QVERIFY(sync(*b.db, team).ok);
        const auto onB = SwapRequestRepository(*b.db).find(asked->id).value();
        QVERIFY(onB);
        QCOMPARE(onB->state, SwapState::Pending);
        QCOMPARE(onB->message, u"Family wedding that week"_s);

        // The colleague accepts on their machine; the seats move there and then here.
        auto accepted = SwapService(*b.db).accept(asked->id, ask->target);
        QVERIFY2(accepted, qPrintable(accepted.errorMessage()));
        QCOMPARE(accepted->state, SwapState::Applied);
        QVERIFY(sync(*b.db, team).ok);
        const SyncReport r = sync(*a.db, team);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.newConflicts, 0);
        QCOMPARE(SwapRequestRepository(*a.db).find(asked->id).value()->state, SwapState::Applied);
        QCOMPARE(ShiftRepository(*a.db).find(ask->shift).value()->dev, ask->target);
        QCOMPARE(ShiftRepository(*a.db).find(ask->otherShift).value()->dev, ask->requester);
        QCOMPARE(teamShifts(*a.db, team), teamShifts(*b.db, team));
    }

    void sameFieldOnBothSidesIsAConflictNotAnOverwrite()
    {
        Machine a;
        Machine b;
        const TeamId team = plannedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        const Status joined = joinAndSync(b, team);
        QVERIFY2(joined, qPrintable(joined.errorMessage()));

        const ShiftId id = teamShifts(*a.db, team).first().id;
        QVERIFY(ShiftService(*a.db).setNote(id, u"A's note"_s));
        QVERIFY(ShiftService(*b.db).setNote(id, u"B's note"_s));
        QVERIFY(sync(*a.db, team).ok);
        const SyncReport r = sync(*b.db, team);
        QVERIFY(r.ok);
        QCOMPARE(r.newConflicts, 1);
        // Nothing lost: B keeps its note, the server keeps A's, the conflict holds both.
        QCOMPARE(ShiftRepository(*b.db).find(id).value()->note, u"B's note"_s);
        const auto conflicts = SyncRepository(*b.db).conflicts(team).value();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().fields, QStringList{u"note"_s});
        QCOMPARE(conflicts.first().mine.value(u"note"_s).toString(), u"B's note"_s);
        QCOMPARE(conflicts.first().theirs.value(u"note"_s).toString(), u"A's note"_s);
        QVERIFY(sync(*a.db, team).ok);
        QCOMPARE(ShiftRepository(*a.db).find(id).value()->note, u"A's note"_s);

        // B keeps its version: it goes to the server and to A.
        QVERIFY(resolveConflict(*b.db, team, id.toString(), true));
        QVERIFY(SyncRepository(*b.db).conflicts(team).value().isEmpty());
        QVERIFY(sync(*b.db, team).ok);
        QVERIFY(sync(*a.db, team).ok);
        QCOMPARE(ShiftRepository(*a.db).find(id).value()->note, u"B's note"_s);
    }

    void resolvingMergesWithWhatCameAfter_data()
    {
        QTest::addColumn<bool>("keepMine");
        QTest::newRow("keep mine") << true;
        QTest::newRow("take theirs") << false;
    }

    // A conflict is settled long after it arose: the user's own later edits, a teammate's change
    // the server got meanwhile and an end time another client moved after that all survive;
    // only the field in conflict takes the chosen side, and SEQUENCE never goes back.
    void resolvingMergesWithWhatCameAfter()
    {
        QFETCH(bool, keepMine);
        Machine a;
        Machine b;
        const TeamId team = plannedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        const Status joined = joinAndSync(b, team);
        QVERIFY2(joined, qPrintable(joined.errorMessage()));

        const ShiftId id = teamShifts(*a.db, team).first().id;
        const Shift original = *ShiftRepository(*a.db).find(id).value();
        QVERIFY(ShiftService(*a.db).setNote(id, u"A's note"_s));
        QVERIFY(ShiftService(*b.db).setNote(id, u"B's note"_s));
        QVERIFY(sync(*a.db, team).ok);
        const SyncReport found = sync(*b.db, team);
        QVERIFY2(found.ok, qPrintable(found.message));
        QCOMPARE(found.newConflicts, 1);

        // Later, on B: the user writes the note again and adds a bridge link.
        QVERIFY(ShiftService(*b.db).setNote(id, u"B's later note"_s));
        QVERIFY(ShiftService(*b.db).setBridgeUrl(id, u"https://meet.example.com/b-later"_s));
        // A teammate publishes the shift; B's next sync sees it (the conflict stays open).
        QVERIFY(ShiftService(*a.db).setState(id, ShiftState::Published));
        QVERIFY(sync(*a.db, team).ok);
        const SyncReport seen = sync(*b.db, team);
        QVERIFY2(seen.ok, qPrintable(seen.message));
        QCOMPARE(SyncRepository(*b.db).conflicts(team).value().size(), 1);
        QCOMPARE(ShiftRepository(*b.db).find(id).value()->note, u"B's later note"_s); // still B's until B chooses
        // Then another client moves the end an hour later; B has not seen that yet.
        const QDateTime movedEnd = original.end.addSecs(3600);
        const QJsonObject before =
            editOnServer(id.toString(), [&](QJsonObject &o) { o[u"end"_s] = movedEnd.toString(Qt::ISODate); });
        QVERIFY(!before.isEmpty());
        const int sequenceBefore =
            std::max(before.value(u"sequence"_s).toInt(), ShiftRepository(*b.db).find(id).value()->sequence);

        QVERIFY(resolveConflict(*b.db, team, id.toString(), keepMine));
        QVERIFY(SyncRepository(*b.db).conflicts(team).value().isEmpty());
        const SyncReport after = sync(*b.db, team);
        QVERIFY2(after.ok, qPrintable(after.message));
        QCOMPARE(after.newConflicts, 0);
        QVERIFY(sync(*a.db, team).ok);

        const QString note = keepMine ? u"B's later note"_s : u"A's note"_s;
        for (Database *db : {a.db.get(), b.db.get()}) {
            const Shift s = *ShiftRepository(*db).find(id).value();
            QCOMPARE(s.note, note);
            QCOMPARE(s.bridgeUrl, u"https://meet.example.com/b-later"_s);
            QCOMPARE(s.state, ShiftState::Published);
            QCOMPARE(s.end, movedEnd);
            QCOMPARE(s.start, original.start);
            QVERIFY2(s.sequence >= sequenceBefore, qPrintable(u"%1 < %2"_s.arg(s.sequence).arg(sequenceBefore)));
        }
        const QJsonObject server = onServer(id.toString());
        QCOMPARE(server.value(u"note"_s).toString(), note);
        QCOMPARE(server.value(u"end"_s).toString(), movedEnd.toString(Qt::ISODate));
        QVERIFY(server.value(u"sequence"_s).toInt() >= sequenceBefore);
        QCOMPARE(*ShiftRepository(*a.db).find(id).value(), *ShiftRepository(*b.db).find(id).value());
        QVERIFY(SyncRepository(*a.db).conflicts(team).value().isEmpty());
    }

    // Another client deletes the roster resource: Tandem owns it, so it puts it back and says
    // so, and a new lead can join again.
    void aRosterDeletedOnTheServerIsPutBack()
    {
        Machine a;
        const TeamId team = plannedTeam(a);
        const SyncReport up = sync(*a.db, team);
        QVERIFY(up.ok);
        CalDavClient other(settings());
        const QString rosterHref = other.hrefFor(RosterResourceName.toString());
        QVERIFY(std::holds_alternative<bool>(other.remove(rosterHref, {})));
        QCOMPARE(resourcesOnServer(), up.sent - 1);

        // The first try to put it back is cut off (the server stops before the push), and the
        // next sync lists everything afresh: still nothing is deleted here, and it goes back.
        const int shifts = int(teamShifts(*a.db, team).size());
        SyncEngine cut(*a.db, team, settings());
        cut.setProgress([&](const QString &phase, int, int) {
            if (phase.contains(u"Sending"_s) && m_server->isRunning()) {
                m_server->stop();
            }
        });
        QVERIFY(!cut.run().ok);
        QVERIFY(m_server->restart());
        {
            Transaction tx(*a.db);
            QVERIFY(SyncRepository(*a.db).setToken(team, "http://radicale.org/ns/sync/bogus"));
            QVERIFY(tx.commit());
        }
        QCOMPARE(int(teamShifts(*a.db, team).size()), shifts);
        QVERIFY(TeamRepository(*a.db).find(team).value());

        const SyncReport r = sync(*a.db, team);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.received, 0); // nothing changed here
        QCOMPARE(r.sent, 1);
        QVERIFY2(r.message.contains(u"put back"_s), qPrintable(r.message));
        QCOMPARE(int(teamShifts(*a.db, team).size()), shifts);
        QCOMPARE(resourcesOnServer(), up.sent);
        QCOMPARE(onServer(RosterResourceName.toString()).value(u"team"_s).toObject().value(u"id"_s).toString(),
                 team.toString());
        // Settled: the next sync sends nothing.
        const SyncReport again = sync(*a.db, team);
        QVERIFY(again.ok);
        QCOMPARE(again.sent + again.received, 0);

        Machine b;
        const Status joined = joinAndSync(b, team);
        QVERIFY2(joined, qPrintable(joined.errorMessage()));
        QCOMPARE(teamShifts(*b.db, team), teamShifts(*a.db, team));
    }

    // 5. Server data that fails the checks of a local edit is never written half-valid: it is
    // kept aside as a conflict; the server's version cannot be taken, this one's goes out.
    void serverDataThatFailsTheChecksIsKeptAside()
    {
        Machine a;
        const TeamId team = plannedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        const Shift shift = teamShifts(*a.db, team).at(1);
        QVERIFY(!shift.dev.isNull());
        QVERIFY(!editOnServer(shift.id.toString(), [](QJsonObject &o) {
                     o[u"ops"_s] = o[u"dev"_s]; // one person in both seats
                     o[u"note"_s] = u"written by a broken client"_s;
                 }).isEmpty());
        const SyncReport r = sync(*a.db, team);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.newConflicts, 1);
        QCOMPARE(*ShiftRepository(*a.db).find(shift.id).value(), shift); // nothing of it written
        const auto conflicts = SyncRepository(*a.db).conflicts(team).value();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().uid, shift.id.toString());
        QVERIFY(!resolveConflict(*a.db, team, shift.id.toString(), false)); // theirs cannot be taken
        QCOMPARE(*ShiftRepository(*a.db).find(shift.id).value(), shift);
        QVERIFY(resolveConflict(*a.db, team, shift.id.toString(), true));
        const SyncReport back = sync(*a.db, team);
        QVERIFY2(back.ok, qPrintable(back.message));
        QCOMPARE(back.sent, 1);
        const QJsonObject server = onServer(shift.id.toString());
        QCOMPARE(server.value(u"ops"_s).toString(), shift.ops.toString());
        QCOMPARE(server.value(u"note"_s).toString(), shift.note);
    }

    // 4. A server that lost every resource of the team (a restored backup, a calendar made
    // anew) gets them back; nothing is deleted here.
    void aServerThatLostEverythingGetsItBack()
    {
        Machine a;
        const TeamId team = plannedTeam(a);
        const SyncReport up = sync(*a.db, team);
        QVERIFY(up.ok);
        const QList<Shift> before = teamShifts(*a.db, team);
        CalDavClient other(settings());
        const auto listing = other.listEtags();
        for (const DavItem &item : std::get<QList<DavItem>>(listing)) {
            QVERIFY(std::holds_alternative<bool>(other.remove(item.href, {})));
        }
        QCOMPARE(resourcesOnServer(), 0);
        const SyncReport r = sync(*a.db, team);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(teamShifts(*a.db, team), before);
        QCOMPARE(r.received, 0);
        QCOMPARE(r.sent, up.sent);
        QVERIFY2(r.message.contains(u"put back"_s), qPrintable(r.message));
        QCOMPARE(resourcesOnServer(), up.sent);
    }

    void staleEtagDuringPushIsMergedNotOverwritten()
    {
        Machine a;
        const TeamId team = plannedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        const ShiftId id = teamShifts(*a.db, team).first().id;
        const QString href = SyncRepository(*a.db).item(team, id.toString()).value()->href;

        // Someone else writes the same shift between our pull and our push.
        QVERIFY(ShiftService(*a.db).setNote(id, u"ours"_s));
        SyncEngine engine(*a.db, team, settings());
        bool injected = false;
        engine.setProgress([&](const QString &phase, int, int) {
            if (injected || !phase.contains(u"Sending"_s)) {
                return;
            }
            injected = true;
            CalDavClient other(settings());
            auto got = other.multiget({href});
            QVERIFY(std::holds_alternative<QList<DavItem>>(got));
            const DavItem item = std::get<QList<DavItem>>(got).first();
            auto decoded = decodeResource(item.data);
            QVERIFY(decoded);
            QJsonObject theirs = decoded->data;
            theirs[u"bridge"_s] = u"https://bridge.example.com/42"_s;
            const QByteArray ics =
                encodeResource(ResourceData{ResourceKind::Shift, id.toString(), theirs}, {}, item.data);
            QVERIFY(std::holds_alternative<QByteArray>(other.put(href, ics, item.etag)));
        });
        const SyncReport r = engine.run();
        QVERIFY(injected);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.merged, 1);
        QCOMPARE(r.newConflicts, 0);
        const Shift local = *ShiftRepository(*a.db).find(id).value();
        QCOMPARE(local.note, u"ours"_s);
        QCOMPARE(local.bridgeUrl, u"https://bridge.example.com/42"_s);
        // The server has both changes too.
        CalDavClient check(settings());
        const auto item = std::get<QList<DavItem>>(check.multiget({href})).first();
        const auto server = decodeResource(item.data).value().data;
        QCOMPARE(server.value(u"note"_s).toString(), u"ours"_s);
        QCOMPARE(server.value(u"bridge"_s).toString(), u"https://bridge.example.com/42"_s);
    }

    void invalidSyncTokenFallsBackToAFullResync()
    {
        Machine a;
        const TeamId team = plannedTeam(a);
        const SyncReport up = sync(*a.db, team);
        QVERIFY(up.ok);
        {
            Transaction tx(*a.db);
            QVERIFY(SyncRepository(*a.db).setToken(team, "http://radicale.org/ns/sync/bogus"));
            QVERIFY(tx.commit());
        }
        const SyncReport r = sync(*a.db, team);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(r.fullResync);
        QCOMPARE(r.sent + r.received, 0); // no duplicates, nothing re-sent
        QCOMPARE(resourcesOnServer(), up.sent);
        QVERIFY(!SyncRepository(*a.db).account(team).value()->syncToken.contains("bogus"));
    }

    void serverStoppedInTheMiddleOfAnUploadLosesNothing()
    {
        Machine a;
        const TeamId team = plannedTeam(a);
        const int total = int(LocalItems(*a.db, team).all()->size());
        SyncEngine engine(*a.db, team, settings());
        int stoppedAt = 0;
        engine.setProgress([&](const QString &phase, int done, int) {
            if (stoppedAt == 0 && phase.contains(u"Sending"_s) && done == total / 2) {
                stoppedAt = done;
                m_server->stop();
            }
        });
        const SyncReport cut = engine.run();
        QVERIFY(stoppedAt > 0);
        QVERIFY(!cut.ok);
        QCOMPARE(cut.error->kind, DavError::Kind::Network);
        QVERIFY(cut.sent > 0 && cut.sent < total);
        QCOMPARE(cut.pending, total - cut.sent);

        QVERIFY(m_server->restart());
        const SyncReport rest = sync(*a.db, team);
        QVERIFY2(rest.ok, qPrintable(rest.message));
        QCOMPARE(rest.sent, total - cut.sent);
        QCOMPARE(rest.pending, 0);
        QCOMPARE(resourcesOnServer(), total); // every resource once, none twice

        Machine b;
        const Status joined = joinAndSync(b, team);
        QVERIFY2(joined, qPrintable(joined.errorMessage()));
        QCOMPARE(teamShifts(*b.db, team), teamShifts(*a.db, team));
    }

    void anItemThatCannotBeAppliedHoldsNothingElseBack()
    {
        Machine a;
        const TeamId team = plannedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        // Another program writes a Tandem-looking shift of a rotation nobody has.
        Shift stray = teamShifts(*a.db, team).first();
        stray.id = ShiftId::create();
        stray.rotationId = RotationId::create();
        CalDavClient other(settings());
        const QByteArray ics =
            encodeResource(ResourceData{ResourceKind::Shift, stray.id.toString(), toJson(stray)}, {});
        QVERIFY(std::holds_alternative<QByteArray>(other.put(other.hrefFor(stray.id.toString()), ics, {})));

        const ShiftId mine = teamShifts(*a.db, team).at(1).id;
        QVERIFY(ShiftService(*a.db).setNote(mine, u"still goes out"_s));
        const SyncReport r = sync(*a.db, team);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(u"rotation this database does not have"_s), qPrintable(r.message));
        QCOMPARE(r.sent, 1); // the local change went out anyway
        QCOMPARE(r.pending, 0);
        QVERIFY(!ShiftRepository(*a.db).find(stray.id).value());
        // The token stayed: the next sync reads the stray item again and says so again.
        const SyncReport again = sync(*a.db, team);
        QVERIFY(!again.ok);
        QVERIFY(again.message.contains(u"rotation this database does not have"_s));
    }

    void serverDownKeepsEveryLocalChange()
    {
        Machine a;
        const TeamId team = plannedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        const QList<Shift> shifts = teamShifts(*a.db, team);
        m_server->stop();
        QVERIFY(ShiftService(*a.db).setNote(shifts.at(0).id, u"written offline"_s));
        QVERIFY(ShiftService(*a.db).setNote(shifts.at(1).id, u"also offline"_s));
        const SyncReport down = sync(*a.db, team);
        QVERIFY(!down.ok);
        QVERIFY(down.error);
        QCOMPARE(down.error->kind, DavError::Kind::Network);
        QCOMPARE(down.pending, 2);
        QVERIFY2(down.message.contains(u"kept"_s), qPrintable(down.message));
        QVERIFY(m_server->restart());
        const SyncReport back = sync(*a.db, team);
        QVERIFY2(back.ok, qPrintable(back.message));
        QCOMPARE(back.sent, 2);
        QCOMPARE(back.pending, 0);
        CalDavClient check(settings());
        const QString href = SyncRepository(*a.db).item(team, shifts.at(0).id.toString()).value()->href;
        const auto item = std::get<QList<DavItem>>(check.multiget({href})).first();
        QCOMPARE(decodeResource(item.data).value().data.value(u"note"_s).toString(), u"written offline"_s);
    }

    void anEngineerWithReadAccessGetsAReadOnlyTeam()
    {
        // Leads write the team's calendar; engineers may only read it.
        RadicaleServer server(RadicaleServer::Auth::Htpasswd);
        server.addUser(u"lead"_s, u"lead-pw"_s);
        server.addUser(u"eng"_s, u"eng-pw"_s);
        server.setRights("[principal]\nuser: .+\ncollection: {user}(/.*)?\npermissions: RrWw\n"
                         "[root]\nuser: .+\ncollection:\npermissions: R\n"
                         "[engineers]\nuser: eng\ncollection: lead(/.*)?\npermissions: Rr\n");
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        DavSettings lead;
        lead.url = server.url(u"/lead/oncall/"_s);
        lead.username = u"lead"_s;
        lead.password = u"lead-pw"_s;
        QVERIFY(std::holds_alternative<bool>(CalDavClient(lead).makeCalendar(u"On call"_s)));

        Machine a;
        Machine b;
        [&] { QVERIFY(createDemoData(*a.db)); }();
        const TeamId team = TeamRepository(*a.db).all().value().first().id;
        QVERIFY(connectTeam(*a.db, team, lead));
        QVERIFY(SyncEngine(*a.db, team, lead).run().ok);

        DavSettings eng = lead;
        eng.username = u"eng"_s;
        eng.password = u"wrong"_s;
        CalDavClient wrong(eng);
        auto refused = joinCollection(*b.db, wrong);
        QVERIFY(!refused);
        QVERIFY2(refused.errorMessage().contains(u"401"_s), qPrintable(refused.errorMessage()));

        eng.password = u"eng-pw"_s;
        CalDavClient client(eng);
        QVERIFY(joinCollection(*b.db, client));
        QVERIFY(SyncEngine(*b.db, team, eng).run().ok);
        QCOMPARE(TeamRepository(*b.db).find(team).value()->name, TeamRepository(*a.db).find(team).value()->name);

        // The engineer edits the team's time zone here; the server refuses the write.
        Team edited = *TeamRepository(*b.db).find(team).value();
        edited.timeZone = u"Asia/Tokyo"_s;
        {
            Transaction tx(*b.db);
            QVERIFY(TeamRepository(*b.db).update(edited));
            QVERIFY(ChangeLog(*b.db).append(Entity::Team, team.toString(), ChangeAction::Update, {}, toJson(edited)));
            QVERIFY(tx.commit());
        }
        const SyncReport r = SyncEngine(*b.db, team, eng).run();
        QVERIFY(!r.ok);
        QVERIFY(r.readOnly);
        QVERIFY2(r.message.contains(u"403"_s) && r.message.contains(u"read-only"_s), qPrintable(r.message));
        QVERIFY(SyncRepository(*b.db).account(team).value()->readOnly);
        QCOMPARE(TeamRepository(*b.db).find(team).value()->timeZone, u"Asia/Tokyo"_s); // kept
        QCOMPARE(r.pending, 1);
        // Read-only: later syncs only pull, and succeed.
        const SyncReport again = SyncEngine(*b.db, team, eng).run();
        QVERIFY2(again.ok, qPrintable(again.message));
        QVERIFY(again.readOnly);
    }

    // 7. Follow-the-sun services travel in the roster: added, changed and removed on one machine,
    // the same on the other; counted once as a pending change.
    void servicesTravelBetweenLeads()
    {
        Machine a;
        Machine b;
        TeamId team;
        twoLeads(a, b, team);
        if (QTest::currentTestFailed()) {
            return;
        }
        QCOMPARE(pendingChanges(*a.db, team).value(), 0);
        QVERIFY(!onServer(RosterResourceName.toString()).contains(u"services"_s));
        const QList<RotationId> rotations = teamRotations(*a.db, team);
        QVERIFY(!rotations.isEmpty());

        auto added = ServiceCatalog(*a.db).addService(
            Service{{}, team, u"Payments production"_s, u"Europe/Berlin"_s, {rotations.at(0)}});
        QVERIFY2(added, qPrintable(added.errorMessage()));
        const Service service = added.value();
        QCOMPARE(pendingChanges(*a.db, team).value(), 1); // the roster, once
        Service zoned = service;
        zoned.timeZone = u"Europe/Dublin"_s;
        QVERIFY(ServiceCatalog(*a.db).updateService(zoned));
        QCOMPARE(pendingChanges(*a.db, team).value(), 1); // still the roster, once
        const SyncReport up = sync(*a.db, team);
        QVERIFY2(up.ok, qPrintable(up.message));
        QCOMPARE(up.sent, 1);
        QCOMPARE(pendingChanges(*a.db, team).value(), 0);
        QCOMPARE(onServer(RosterResourceName.toString()).value(u"services"_s).toArray().size(), 1);

        const SyncReport down = sync(*b.db, team);
        QVERIFY2(down.ok, qPrintable(down.message));
        QCOMPARE(teamServices(*b.db, team), QList<Service>{zoned});
        QCOMPARE(pendingChanges(*b.db, team).value(), 0); // what came from the server is not sent back

        // Renamed and its legs changed on B: A has it so after both sync.
        Service changed = zoned;
        changed.name = u"Payments 24/7"_s;
        changed.legs = {};
        QVERIFY(ServiceCatalog(*b.db).updateService(changed));
        QVERIFY(sync(*b.db, team).ok);
        QVERIFY(sync(*a.db, team).ok);
        QCOMPARE(teamServices(*a.db, team), QList<Service>{changed});

        // Removed on A: gone on B, and the roster is as it was before services.
        QVERIFY(ServiceCatalog(*a.db).removeService(service.id));
        QCOMPARE(pendingChanges(*a.db, team).value(), 1);
        QVERIFY(sync(*a.db, team).ok);
        QVERIFY(sync(*b.db, team).ok);
        QVERIFY(teamServices(*b.db, team).isEmpty());
        QVERIFY(!onServer(RosterResourceName.toString()).contains(u"services"_s));
        QCOMPARE(pendingChanges(*a.db, team).value(), 0);
        QCOMPARE(pendingChanges(*b.db, team).value(), 0);
    }

    // Two leads add a different service at the same time: the roster merges, both stay.
    void servicesAddedOnBothSidesBothSurvive()
    {
        Machine a;
        Machine b;
        TeamId team;
        twoLeads(a, b, team);
        if (QTest::currentTestFailed()) {
            return;
        }
        const QList<RotationId> rotations = teamRotations(*a.db, team);
        const Service mine = ServiceCatalog(*a.db)
                                 .addService(Service{{}, team, u"Payments"_s, u"Europe/Berlin"_s, {rotations.at(0)}})
                                 .value();
        const Service theirs = ServiceCatalog(*b.db)
                                   .addService(Service{{}, team, u"Search"_s, u"America/New_York"_s, {rotations.at(0)}})
                                   .value();
        QVERIFY(sync(*a.db, team).ok);
        const SyncReport merged = sync(*b.db, team);
        QVERIFY2(merged.ok, qPrintable(merged.message));
        QCOMPARE(merged.newConflicts, 0);
        QVERIFY(sync(*a.db, team).ok);
        const QList<Service> both{mine, theirs};
        QCOMPARE(teamServices(*a.db, team), both);
        QCOMPARE(teamServices(*b.db, team), both);
        QVERIFY(SyncRepository(*a.db).conflicts(team).value().isEmpty());
        QCOMPARE(pendingChanges(*a.db, team).value(), 0);
        QCOMPARE(pendingChanges(*b.db, team).value(), 0);
    }

    // A hostile service in the server's roster is refused (kept aside, named), and the local
    // change made meanwhile is kept and still goes out once the roster is settled.
    void aHostileServiceOnTheServerIsRefused()
    {
        Machine a;
        const TeamId team = plannedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        const QList<RotationId> rotations = teamRotations(*a.db, team);
        const Service local = ServiceCatalog(*a.db)
                                  .addService(Service{{}, team, u"Payments"_s, u"Europe/Berlin"_s, {rotations.at(0)}})
                                  .value();
        QVERIFY(!editOnServer(RosterResourceName.toString(), [](QJsonObject &o) {
                     QJsonArray legs;
                     for (int i = 0; i < 30; ++i) {
                         legs.append(RotationId::create().toString());
                     }
                     o.insert(u"services"_s, QJsonArray{QJsonObject{{u"id"_s, ServiceId::create().toString()},
                                                                    {u"name"_s, u"Evil"_s},
                                                                    {u"timezone"_s, u"UTC"_s},
                                                                    {u"legs"_s, legs}}});
                 }).isEmpty());
        const SyncReport r = sync(*a.db, team);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.newConflicts, 1);
        QCOMPARE(teamServices(*a.db, team), QList<Service>{local}); // nothing of theirs written, mine kept
        const auto conflicts = SyncRepository(*a.db).conflicts(team).value();
        QCOMPARE(conflicts.size(), 1);
        QVERIFY2(conflicts.first().problem.contains(u"Evil"_s), qPrintable(conflicts.first().problem));
        // Keeping this side's roster sends it, with the local service.
        QVERIFY(resolveConflict(*a.db, team, conflicts.first().uid, true));
        const SyncReport back = sync(*a.db, team);
        QVERIFY2(back.ok, qPrintable(back.message));
        const QJsonArray server = onServer(RosterResourceName.toString()).value(u"services"_s).toArray();
        QCOMPARE(server.size(), 1);
        QCOMPARE(server.at(0).toObject().value(u"name"_s).toString(), u"Payments"_s);
    }

    void aThirdPartyClientEditsAndDeletesAndTandemFollows()
    {
        Machine a;
        const TeamId team = plannedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        const QList<Shift> shifts = teamShifts(*a.db, team);
        const QString moved = shifts.at(0).id.toString();
        const QString deleted = shifts.at(1).id.toString();
        // python3-caldav (Debian): moves one shift an hour later, deletes another, adds an event.
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        python.start(u"/usr/bin/python3"_s,
                     {QStringLiteral(TANDEM_TEST_SCRIPTS) + u"/caldav_client.py"_s, m_url.toString(), moved, deleted});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAll().constData());

        const SyncReport r = sync(*a.db, team);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.received, 2);
        QCOMPARE(r.foreign, 1);
        const Shift after = *ShiftRepository(*a.db).find(ShiftId::fromString(moved)).value();
        QCOMPARE(after.start, shifts.at(0).start.addSecs(3600));
        QCOMPARE(after.end, shifts.at(0).end.addSecs(3600));
        QCOMPARE(after.dev, shifts.at(0).dev);
        QVERIFY(!ShiftRepository(*a.db).find(ShiftId::fromString(deleted)).value());
        // The foreign event stays on the server; syncing again changes nothing.
        const int onServer = resourcesOnServer();
        const SyncReport again = sync(*a.db, team);
        QVERIFY(again.ok);
        QCOMPARE(again.sent + again.received, 0);
        QCOMPARE(resourcesOnServer(), onServer);

        // Tandem's next write of the moved shift keeps what the other client added.
        QVERIFY(ShiftService(*a.db).setNote(ShiftId::fromString(moved), u"moved by an hour"_s));
        const SyncReport written = sync(*a.db, team);
        QVERIFY(written.ok);
        QCOMPARE(written.sent, 1);
        CalDavClient check(settings());
        const QString href = SyncRepository(*a.db).item(team, moved).value()->href;
        const QByteArray text = std::get<QList<DavItem>>(check.multiget({href})).first().data;
        QVERIFY2(text.contains("X-OTHER-CLIENT:kept"), text.constData());
        // Unfolded (RFC 5545 3.1): where the fold falls depends on the names before the note.
        QByteArray unfolded = text;
        unfolded.replace("\r\n ", "").replace("\n ", "");
        QVERIFY2(unfolded.contains("moved by an hour"), unfolded.constData());
    }
};

QTEST_GUILESS_MAIN(SyncEngineTest)
#include "syncenginetest.moc"
