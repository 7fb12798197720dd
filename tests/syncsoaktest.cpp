// A bounded soak of two-way sync: two Tandem databases and a third-party client
// (python3-caldav) edit one shared calendar concurrently for Rounds rounds (notes, bridge links,
// seat changes, handoff moves, time off; the other client moves end times, deletes shifts and
// adds vacations), sync in random order, the server is killed (SIGKILL) and restarted every 15
// rounds, conflicts are resolved both ways at random moments, some long after they arose.
//
// A ledger records every acknowledged edit. At the end: every edit is in the final state, or
// was part of a conflict that a resolution settled; nothing vanished that nobody deleted; no
// duplicate UID; both databases and the server hold the same; integrity_check is ok.
//
// Against Radicale and Xandikos (two implementations, so the code is tuned to neither).
// Seeded: TANDEM_SOAK_SEED=N reproduces a run; every failure message starts with the seed.

#include "domain/serialize.h"
#include "ical/icalcodec.h"
#include "radicale.h"
#include "services/demodata.h"
#include "services/planservice.h"
#include "services/rosterservice.h"
#include "services/shiftservice.h"
#include "services/syncservice.h"
#include "store/personrepository.h"
#include "store/shiftrepository.h"
#include "store/syncrepository.h"
#include "store/teamrepository.h"
#include "store/timeoffrepository.h"
#include "sync/localitems.h"
#include "syncfixture.h"
#include "testutil.h"
#include "xandikos.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlQuery>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Test;

namespace {

constexpr int Rounds = 60;
constexpr int KillEvery = 15;
constexpr quint32 DefaultSeed = 20261204;

// Fields of a shift the ledger follows (the JSON keys of toJson(Shift)).
const QStringList ShiftFields{u"dev"_s, u"ops"_s, u"start"_s, u"end"_s, u"note"_s, u"bridge"_s, u"state"_s};

struct Edit
{
    int seq = 0;
    int round = 0;
    QString actor; // "A", "B", "client"
    QString uid;
    QString field;
    QJsonValue value;
};

struct Resolution
{
    int seq = 0;
    QString uid;
    QStringList fields; // in conflict ("deleted": the whole item; empty: the server's data was invalid)
    QJsonObject mine;   // both sides as the user saw them when choosing (empty: deleted)
    QJsonObject theirs;
    QJsonObject outcome; // the local row right after resolving; empty: deleted

    bool about(const QString &field) const
    {
        return fields.contains(field) || fields.contains(QStringLiteral("deleted")) || fields.isEmpty();
    }
};

struct Side
{
    QString name;
    QTemporaryDir dir;
    FakeClock clock{fixedNow()};
    std::unique_ptr<Database> db = openFresh(dir, clock);
};

} // namespace

class SyncSoakTest : public QObject
{
    Q_OBJECT

    quint32 m_seed = DefaultSeed;
    QRandomGenerator m_rng;
    int m_round = 0;
    int m_seq = 0;
    QList<Edit> m_edits;
    QHash<QString, int> m_deleted; // uid -> seq of an acknowledged deletion
    QList<Resolution> m_resolutions;
    QStringList m_vacations; // UIDs of the client's vacation events
    int m_conflicts = 0;     // conflicts the syncs reported
    int m_resolved = 0;      // resolutions so far: they alternate between mine and theirs
    bool m_verbose = qEnvironmentVariableIsSet("TANDEM_SOAK_VERBOSE"); // every sync and resolution said
    std::unique_ptr<QProcess> m_client;                                // the other client, python3-caldav
    QHash<QString, QJsonObject> m_original;                            // uid -> the planned shift
    QUrl m_url;
    TeamId m_team;

    QString where() const { return u"seed %1, round %2: "_s.arg(m_seed).arg(m_round); }

    DavSettings settings() const
    {
        DavSettings s;
        s.url = m_url;
        s.username = u"lead"_s;
        s.timeoutMs = 10000;
        return s;
    }

    bool chance(double p) { return m_rng.generateDouble() < p; }
    template <typename T> const T &pick(const QList<T> &list) { return list.at(m_rng.bounded(int(list.size()))); }

    QList<Shift> shifts(Database &db) { return teamShifts(db, m_team); }

    void record(const QString &actor, const ShiftEdit &edit)
    {
        for (const ShiftChange &change : edit) {
            const QJsonObject before = toJson(change.before);
            const QJsonObject after = toJson(change.after);
            for (const QString &field : ShiftFields) {
                if (before.value(field) != after.value(field)) {
                    m_edits.append(
                        Edit{++m_seq, m_round, actor, change.after.id.toString(), field, after.value(field)});
                    if (m_verbose) {
                        qInfo("round %d %s: %s %s = %s", m_round, qPrintable(actor),
                              qPrintable(change.after.id.toString()), qPrintable(field),
                              QJsonDocument(QJsonArray{after.value(field)}).toJson(QJsonDocument::Compact).constData());
                    }
                }
            }
        }
    }

    // One Tandem user's edit of a random shift, through the same services as the GUI.
    void tandemEdit(Side &side)
    {
        const QList<Shift> list = shifts(*side.db);
        if (list.isEmpty()) {
            return;
        }
        // Most edits on a few "hot" shifts, so both sides often change the same one.
        const Shift s = chance(0.6) ? list.at(m_rng.bounded(int(std::min<qsizetype>(3, list.size())))) : pick(list);
        ShiftService service(*side.db);
        Result<ShiftEdit> edit = ShiftEdit{};
        switch (m_rng.bounded(6)) {
        case 0:
            edit = service.setNote(s.id, u"%1 note r%2 #%3"_s.arg(side.name).arg(m_round).arg(m_seq + 1));
            break;
        case 1:
            edit = service.setBridgeUrl(s.id, u"https://meet.example.com/%1-%2"_s.arg(side.name).arg(m_seq + 1));
            break;
        case 2: {
            const Seat seat = chance(0.5) ? Seat::Dev : Seat::Ops;
            const Role role = seat == Seat::Dev ? Role::Developer : Role::Operations;
            QList<PersonId> candidates;
            for (const Person &p : PersonRepository(*side.db).all().value()) {
                if (p.role == role && p.teams.contains(m_team)) {
                    candidates.append(p.id);
                }
            }
            edit = chance(0.3) || candidates.isEmpty() ? service.clearSeat(s.id, seat)
                                                       : service.assignSeat(s.id, seat, pick(candidates));
            break;
        }
        case 3: {
            // The handoff to the next shift, a few hours either way.
            const int hours = int(m_rng.bounded(1, 7)) * (chance(0.5) ? 1 : -1);
            edit = service.moveHandoff(s.id, s.end.addSecs(hours * 3600));
            break;
        }
        case 4:
            edit = service.setState(s.id, chance(0.5) ? ShiftState::Published : ShiftState::Planned);
            break;
        default: {
            QList<Person> people = PersonRepository(*side.db).all().value();
            people.removeIf([this](const Person &p) { return !p.teams.contains(m_team); });
            const Person &p = pick(people);
            TimeOff t;
            t.personId = p.id;
            t.from = fixedNow().date().addDays(m_rng.bounded(10, 120));
            t.to = t.from.addDays(m_rng.bounded(0, 5));
            t.reason = u"%1 leave r%2"_s.arg(side.name).arg(m_round);
            if (auto added = RosterService(*side.db).addTimeOff(t); added) {
                m_edits.append(
                    Edit{++m_seq, m_round, side.name, added->id.toString(), u"timeoff"_s, toJson(added.value())});
            }
            return;
        }
        }
        if (edit) {
            record(side.name, edit.value()); // acknowledged: committed here
        }
    }

    // The other client: moves an end, deletes a shift, or adds a vacation of someone.
    void clientEdit(Side &reference)
    {
        const QList<Shift> list = shifts(*reference.db);
        QJsonObject op;
        QString uid;
        const int what = m_rng.bounded(10);
        if (what < 5 && !list.isEmpty()) {
            uid = (chance(0.5) ? list.at(m_rng.bounded(int(std::min<qsizetype>(3, list.size())))) : pick(list))
                      .id.toString();
            op = {{u"op"_s, u"move_end"_s},
                  {u"uid"_s, uid},
                  {u"minutes"_s, int(m_rng.bounded(-240, 240)) / 30 * 30 + 30}};
        } else if (what < 7 && list.size() > 6) {
            uid = pick(list).id.toString();
            op = {{u"op"_s, u"delete"_s}, {u"uid"_s, uid}};
        } else {
            QList<Person> people = PersonRepository(*reference.db).all().value();
            people.removeIf([this](const Person &p) { return !p.teams.contains(m_team); });
            uid = u"vacation-%1-%2"_s.arg(m_seed).arg(m_round);
            op = {{u"op"_s, u"vacation"_s},
                  {u"uid"_s, uid},
                  {u"email"_s, pick(people).email},
                  {u"start"_s, fixedNow().date().addDays(m_rng.bounded(20, 200)).toString(Qt::ISODate)},
                  {u"days"_s, int(m_rng.bounded(1, 8))},
                  {u"summary"_s, u"Vacation"_s}};
        }
        // One python3-caldav process serves the run (importing caldav takes longer than the edit).
        if (!m_client) {
            m_client = std::make_unique<QProcess>();
            m_client->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
            m_client->start(u"/usr/bin/python3"_s,
                            {QStringLiteral(TANDEM_TEST_SCRIPTS) + u"/caldav_soak.py"_s, m_url.toString()});
            QVERIFY2(m_client->waitForStarted(10000), qPrintable(where() + u"python3-caldav did not start"_s));
        }
        m_client->write(QJsonDocument(op).toJson(QJsonDocument::Compact) + '\n');
        const QDeadlineTimer deadline(60000);
        while (!m_client->canReadLine() && m_client->state() == QProcess::Running && !deadline.hasExpired()) {
            m_client->waitForReadyRead(1000);
        }
        QVERIFY2(m_client->canReadLine(), qPrintable(where() + u"python3-caldav did not answer: "_s +
                                                     QString::fromUtf8(m_client->readAllStandardError())));
        const QJsonObject result = QJsonDocument::fromJson(m_client->readLine()).object();
        if (!result.value(u"ok"_s).toBool()) {
            return; // e.g. the event was deleted meanwhile: not acknowledged, not in the ledger
        }
        const QString kind = op.value(u"op"_s).toString();
        if (kind == u"move_end") {
            m_edits.append(Edit{++m_seq, m_round, u"client"_s, uid, u"end"_s, result.value(u"end"_s)});
        } else if (kind == u"delete") {
            m_deleted.insert(uid, ++m_seq);
        } else {
            m_vacations.append(uid);
        }
    }

    SyncReport sync(Side &side, const SyncProgressFn &progress = {})
    {
        const SyncReport report = SyncService(*side.db).sync(m_team, {}, progress);
        m_conflicts += report.newConflicts;
        if (m_verbose) {
            qInfo("round %d %s: %s merged %d, new conflicts %d", m_round, qPrintable(side.name),
                  qPrintable(report.message), report.merged, report.newConflicts);
        }
        return report;
    }

    // A user settles one open conflict, keeping theirs or taking the server's at random.
    void resolveOne(Side &side, bool all = false)
    {
        SyncService service(*side.db);
        const QList<SyncConflict> open = service.status(m_team)->conflicts;
        for (const SyncConflict &c : open) {
            // Both ways, in turn; at random moments (the caller), some long after the conflict arose.
            const bool keepMine = c.problem.isEmpty() ? (++m_resolved % 2 == 0) : true;
            const auto resolved = service.resolve(m_team, c.uid, keepMine);
            QVERIFY2(resolved, qPrintable(where() + resolved.errorMessage()));
            const ResourceRef ref{resourceKindFromString(c.kind).value_or(ResourceKind::Shift), c.uid};
            auto now = LocalItems(*side.db, m_team).current(ref);
            QVERIFY(now);
            m_resolutions.append(
                Resolution{++m_seq, c.uid, c.fields, c.mine, c.theirs, now.value().value_or(QJsonObject())});
            if (m_verbose) {
                qInfo("round %d %s: resolved %s (%s) %s -> %s", m_round, qPrintable(side.name), qPrintable(c.uid),
                      qPrintable(c.fields.join(u',')), keepMine ? "mine" : "theirs",
                      QJsonDocument(now.value().value_or(QJsonObject())).toJson(QJsonDocument::Compact).constData());
            }
            if (!all) {
                return;
            }
        }
    }

    QHash<QString, QJsonObject> serverResources()
    {
        CalDavClient client(settings());
        auto listing = client.listEtags();
        [&] { QVERIFY2(std::holds_alternative<QList<DavItem>>(listing), qPrintable(where() + u"listing"_s)); }();
        QStringList hrefs;
        for (const DavItem &item : std::get<QList<DavItem>>(listing)) {
            hrefs.append(item.href);
        }
        auto got = client.multiget(hrefs);
        [&] { QVERIFY2(std::holds_alternative<QList<DavItem>>(got), qPrintable(where() + u"multiget"_s)); }();
        QHash<QString, QJsonObject> result;
        for (const DavItem &item : std::get<QList<DavItem>>(got)) {
            auto decoded = decodeResource(item.data);
            [&] { QVERIFY2(decoded, qPrintable(where() + decoded.errorMessage())); }();
            [&] {
                QVERIFY2(!result.contains(decoded->uid), qPrintable(where() + u"duplicate UID "_s + decoded->uid));
            }();
            QJsonObject data = decoded->data;
            data.insert(u"__kind"_s, resourceKindToString(decoded->kind));
            result.insert(decoded->uid, data);
        }
        return result;
    }

    bool integrityOk(Database &db)
    {
        QSqlQuery q(db.connection());
        return q.exec(u"PRAGMA integrity_check"_s) && q.next() && q.value(0).toString() == u"ok";
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("TANDEM_SOAK_SEED")) {
            m_seed = quint32(qEnvironmentVariableIntValue("TANDEM_SOAK_SEED"));
        }
        qInfo("sync soak: seed %u (TANDEM_SOAK_SEED=%u reproduces this run)", m_seed, m_seed);
    }

    void soak_data()
    {
        QTest::addColumn<bool>("xandikos");
        QTest::newRow("Radicale") << false;
        QTest::newRow("Xandikos") << true;
    }

    void soak()
    {
        QFETCH(bool, xandikos);
        QElapsedTimer elapsed;
        elapsed.start();
        m_rng.seed(m_seed + (xandikos ? 1 : 0));
        m_round = 0;
        m_seq = 0;
        m_edits.clear();
        m_deleted.clear();
        m_resolutions.clear();
        m_vacations.clear();
        m_original.clear();
        m_conflicts = 0;
        m_resolved = 0;
        // The other client ends with the row, passed or failed: end of input, then it exits.
        const auto endClient = qScopeGuard([this] {
            if (m_client) {
                m_client->closeWriteChannel();
                if (!m_client->waitForFinished(5000)) {
                    m_client->kill();
                    m_client->waitForFinished(2000);
                }
                m_client.reset();
            }
        });
        std::unique_ptr<DavServer> server;
        if (xandikos) {
            server = std::make_unique<XandikosServer>();
        } else {
            server = std::make_unique<RadicaleServer>();
        }
        QVERIFY2(server->start(), qPrintable(where() + server->errorString()));
        m_url = server->calendarUrl(u"soak"_s);
        QVERIFY(std::holds_alternative<bool>(CalDavClient(settings()).makeCalendar(u"Soak"_s)));

        // A plans twelve weeks of the demo Payments rotation and shares it; B joins.
        Side a;
        a.name = u"A"_s;
        Side b;
        b.name = u"B"_s;
        QVERIFY(createDemoData(*a.db));
        m_team = TeamRepository(*a.db).findByName(u"Payments"_s).value()->id;
        QList<RotationId> rotations;
        for (const Rotation &r : RotationRepository(*a.db).all().value()) {
            if (r.teamId == m_team) {
                rotations.append(r.id);
            }
        }
        auto plan = PlanService(*a.db).preview(rotations, fixedNow().date(), fixedNow().date().addDays(84));
        QVERIFY2(plan, qPrintable(plan.errorMessage()));
        QVERIFY(PlanService(*a.db).apply(plan.value()));
        ConnectRequest share;
        share.team = m_team;
        share.url = m_url;
        share.username = u"lead"_s;
        QVERIFY(SyncService(*a.db).connect(share));
        QVERIFY2(sync(a).ok, qPrintable(where() + sync(a).message));
        ConnectRequest joinIt;
        joinIt.url = m_url;
        joinIt.username = u"lead"_s;
        auto joined = SyncService(*b.db).connect(joinIt);
        QVERIFY2(joined, qPrintable(where() + joined.errorMessage()));
        QVERIFY(sync(b).ok);
        for (const Shift &s : shifts(*a.db)) {
            m_original.insert(s.id.toString(), toJson(s));
        }
        QCOMPARE(shifts(*b.db), shifts(*a.db));

        int failedSyncs = 0;
        for (m_round = 1; m_round <= Rounds; ++m_round) {
            const bool down = m_round % KillEvery == 0;
            // Killed before the round, or in the middle of the first sync of the round (while it
            // sends, or asks): the requests in flight may or may not have reached the disk.
            bool killInSync = down && chance(0.5);
            if (down && !killInSync) {
                server->kill();
            }
            for (Side *side : {&a, &b}) {
                for (int i = int(m_rng.bounded(0, 3)); i > 0; --i) {
                    tandemEdit(*side);
                }
            }
            if (m_round % 7 == 3) {
                // Both leads write the handoff note of the same shift before either syncs.
                for (Side *side : {&a, &b}) {
                    const QList<Shift> list = shifts(*side->db);
                    if (!list.isEmpty()) {
                        if (auto edit = ShiftService(*side->db).setNote(list.first().id,
                                                                        u"%1 both r%2"_s.arg(side->name).arg(m_round));
                            edit) {
                            record(side->name, edit.value());
                        }
                    }
                }
            }
            if (!down && chance(0.35)) {
                clientEdit(a);
                if (QTest::currentTestFailed()) {
                    return;
                }
            }
            QList<Side *> order{&a, &b};
            if (chance(0.5)) {
                std::swap(order[0], order[1]);
            }
            for (Side *side : order) {
                if (!chance(0.6)) {
                    continue;
                }
                const int pendingBefore = SyncService(*side->db).status(m_team)->pending;
                if (killInSync) {
                    killInSync = false;
                    bool killed = false;
                    const SyncReport r = sync(*side, [&](const QString &phase, int done, int total) {
                        if (!killed && (phase.contains(u"Sending"_s) ? done * 2 >= total : false)) {
                            killed = true;
                            server->kill();
                        }
                    });
                    if (!killed) {
                        server->kill();
                    }
                    QVERIFY2(r.ok || r.pending > 0 || pendingBefore == 0 || r.sent > 0,
                             qPrintable(where() + side->name + u": "_s + r.message));
                    ++failedSyncs;
                    continue;
                }
                const SyncReport r = sync(*side);
                if (down) {
                    // Killed: the sync fails and keeps every local change for later.
                    QVERIFY2(!r.ok, qPrintable(where() + u"a sync with the server down succeeded"_s));
                    QVERIFY2(r.pending >= pendingBefore, qPrintable(where() + r.message));
                    ++failedSyncs;
                } else {
                    QVERIFY2(r.ok, qPrintable(where() + side->name + u": "_s + r.message));
                }
            }
            if (down) {
                QVERIFY2(server->restart(), qPrintable(where() + server->errorString()));
            }
            for (Side *side : {&a, &b}) {
                if (chance(0.25)) {
                    resolveOne(*side);
                    if (QTest::currentTestFailed()) {
                        return;
                    }
                }
            }
        }
        QVERIFY(failedSyncs > 0);
        QVERIFY2(m_conflicts > 0 && m_resolved > 1, qPrintable(where() + u"no conflict was resolved both ways"_s));

        // Settle: every conflict resolved (at random either way), sync until nothing moves.
        for (int pass = 0; pass < 8; ++pass) {
            int moved = 0;
            for (Side *side : {&a, &b}) {
                resolveOne(*side, true);
                const SyncReport r = sync(*side);
                QVERIFY2(r.ok, qPrintable(where() + side->name + u" settling: "_s + r.message));
                moved += r.sent + r.received + r.newConflicts;
            }
            if (moved == 0) {
                break;
            }
        }
        m_round = Rounds + 1;
        for (Side *side : {&a, &b}) {
            const SyncStatus status = SyncService(*side->db).status(m_team).value();
            QVERIFY2(status.conflicts.isEmpty(), qPrintable(where() + side->name + u" has open conflicts"_s));
            QVERIFY2(status.pending == 0, qPrintable(where() + side->name + u" has changes waiting"_s));
            QVERIFY2(integrityOk(*side->db), qPrintable(where() + side->name + u": integrity_check failed"_s));
        }

        // Both databases and the server hold the same.
        const QList<Shift> onA = shifts(*a.db);
        QVERIFY2(onA == shifts(*b.db), qPrintable(where() + u"A and B differ"_s));
        const QHash<QString, QJsonObject> server_ = serverResources();
        if (QTest::currentTestFailed()) {
            return;
        }
        int onServer = 0;
        for (auto it = server_.cbegin(); it != server_.cend(); ++it) {
            onServer += it->value(u"__kind"_s).toString() == u"shift" ? 1 : 0;
        }
        QVERIFY2(onServer == onA.size(),
                 qPrintable(where() + u"%1 shifts on the server, %2 here"_s.arg(onServer).arg(onA.size())));
        for (const Shift &s : onA) {
            QJsonObject there = server_.value(s.id.toString());
            there.remove(u"__kind"_s);
            QVERIFY2(there == toJson(s), qPrintable(where() + u"the server's shift %1 differs"_s.arg(s.id.toString())));
        }
        const ResourceRef roster{ResourceKind::Roster, m_team.toString()};
        QVERIFY2(LocalItems(*a.db, m_team).current(roster).value() == LocalItems(*b.db, m_team).current(roster).value(),
                 qPrintable(where() + u"the rosters differ"_s));

        // The ledger: nothing lost silently.
        QHash<QString, Shift> final;
        for (const Shift &s : onA) {
            final.insert(s.id.toString(), s);
        }
        // An edit is settled when a later resolution of its field showed it as one of the two
        // sides and the user chose (whichever way): it was reported, not dropped silently.
        const auto settled = [&](const Edit &e) {
            return std::any_of(m_resolutions.cbegin(), m_resolutions.cend(), [&](const Resolution &r) {
                return r.uid == e.uid && r.seq > e.seq && r.about(e.field) &&
                       (r.mine.value(e.field) == e.value || r.theirs.value(e.field) == e.value);
            });
        };
        QHash<QString, QList<const Edit *>> byField; // uid/field -> edits, oldest first
        for (const Edit &e : std::as_const(m_edits)) {
            if (e.field == u"timeoff"_s) {
                const TimeOffId id = TimeOffId::fromString(e.uid);
                QVERIFY2(TimeOffRepository(*a.db).find(id).value() && TimeOffRepository(*b.db).find(id).value(),
                         qPrintable(where() + u"time off of round %1 by %2 was lost"_s.arg(e.round).arg(e.actor)));
                continue;
            }
            byField[e.uid + u'/' + e.field].append(&e);
        }
        const auto text = [](const QJsonValue &v) {
            return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
        };
        for (auto it = m_original.cbegin(); it != m_original.cend(); ++it) {
            const QString &uid = it.key();
            if (!final.contains(uid)) {
                const bool deleted =
                    m_deleted.contains(uid) ||
                    std::any_of(m_resolutions.cbegin(), m_resolutions.cend(),
                                [&](const Resolution &r) { return r.uid == uid && r.outcome.isEmpty(); });
                QVERIFY2(deleted, qPrintable(where() + u"shift %1 vanished; nobody deleted it"_s.arg(uid)));
                continue;
            }
            const QJsonObject now = toJson(final.value(uid));
            for (const QString &field : ShiftFields) {
                const QJsonValue value = now.value(field);
                const QList<const Edit *> edits = byField.value(uid + u'/' + field);
                // Where the final value comes from: the newest edit or resolution that wrote it,
                // or the plan.
                int source = -1;
                if (it.value().value(field) == value) {
                    source = 0;
                }
                for (const Edit *e : edits) {
                    if (e->value == value) {
                        source = std::max(source, e->seq);
                    }
                }
                for (const Resolution &r : std::as_const(m_resolutions)) {
                    if (r.uid == uid && r.about(field) && !r.outcome.isEmpty() && r.outcome.value(field) == value) {
                        source = std::max(source, r.seq);
                    }
                }
                QVERIFY2(source >= 0, qPrintable(where() + u"the %1 of shift %2 is %3, which nobody wrote"_s.arg(
                                                               field, uid, text(value))));
                // Every later edit of that field that is not in the final state was settled.
                for (const Edit *e : edits) {
                    if (e->seq > source && e->value != value && !settled(*e)) {
                        QFAIL(qPrintable(where() + u"%1's %2 of shift %3 in round %4 (%5) was lost: it is %6"_s.arg(
                                                       e->actor, field, uid, QString::number(e->round), text(e->value),
                                                       text(value))));
                    }
                }
            }
            if (m_deleted.contains(uid)) {
                // Deleted by the client but still here: only a resolution may have kept it.
                QVERIFY2(std::any_of(m_resolutions.cbegin(), m_resolutions.cend(),
                                     [&](const Resolution &r) { return r.uid == uid && !r.outcome.isEmpty(); }),
                         qPrintable(where() + u"shift %1 was deleted and came back without a resolution"_s.arg(uid)));
            }
        }
        // The client's vacations were offered (never taken silently).
        for (const QString &uid : std::as_const(m_vacations)) {
            const auto offered = [&](Database &db) {
                const QList<SyncOffer> offers = SyncRepository(db).offers(m_team).value();
                return std::any_of(offers.cbegin(), offers.cend(), [&](const SyncOffer &o) { return o.uid == uid; });
            };
            QVERIFY2(offered(*a.db) && offered(*b.db), qPrintable(where() + u"vacation %1 was not offered"_s.arg(uid)));
        }
        qInfo("sync soak on %s: %d rounds, %d edits, %d deletions, %d conflicts, %d resolutions, %d failed syncs "
              "while killed, %lld ms",
              qPrintable(server->name()), Rounds, int(m_edits.size()), int(m_deleted.size()), m_conflicts,
              int(m_resolutions.size()), failedSyncs, elapsed.elapsed());
    }
};

QTEST_GUILESS_MAIN(SyncSoakTest)
#include "syncsoaktest.moc"
