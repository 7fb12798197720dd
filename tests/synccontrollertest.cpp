// Two workspaces share a team through a real Radicale by their SyncControllers: the sync runs
// in the background on its own connection and the views of the other workspace follow.

#include "sync/synccontroller.h"

#include "home/remindertray.h"
#include "ical/icalcodec.h"
#include "itemmodels/rostermodel.h"
#include "radicale.h"
#include "services/planservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "services/syncservice.h"
#include "store/database.h"
#include "store/shiftrepository.h"
#include "sync/conflictsdialog.h"
#include "sync/syncflagsdialog.h"
#include "sync/timeoffoffersdialog.h"
#include "testutil.h"
#include "workspace.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Test;

namespace {

constexpr int Timeout = 60000;

struct Side
{
    explicit Side(bool demo)
    {
        auto opened = Workspace::open(dir.filePath(u"tandem.sqlite"_s), demo);
        if (!opened) {
            qFatal("cannot open the workspace: %s", qPrintable(opened.errorMessage()));
        }
        ws = std::move(opened).value();
        // No Secret Service under ctest: passwords live in memory; `reads` counts the look-ups.
        ws->sync().setPasswordStore(
            PasswordStore{[this](const QUrl &, const QString &) -> Result<QString> {
                              ++reads;
                              if (stored.isEmpty()) {
                                  return Error{u"no keychain in the test"_s};
                              }
                              return stored;
                          },
                          [this](const QUrl &, const QString &, const QString &password) -> Status {
                              stored = password;
                              return {};
                          },
                          [this](const QUrl &, const QString &) -> Status {
                              stored.clear();
                              return {};
                          }});
    }

    SyncController &sync() { return ws->sync(); }
    Database &db() { return ws->database(); }

    QTemporaryDir dir;
    std::unique_ptr<Workspace> ws;
    QString stored;
    int reads = 0;
};

/// Runs the manual sync and waits for its end; the outcome.
bool syncAndWait(SyncController &sync)
{
    QSignalSpy finished(&sync, &SyncController::finished);
    sync.syncNow();
    if (!finished.wait(Timeout)) {
        qWarning("the sync did not finish");
        return false;
    }
    return finished.first().first().toBool();
}

Result<TeamId> connectAndWait(SyncController &sync, const ConnectRequest &request)
{
    std::optional<Result<TeamId>> outcome;
    sync.connectTeam(request, [&outcome](const Result<TeamId> &team) { outcome = team; });
    (void)QTest::qWaitFor([&outcome] { return outcome.has_value(); }, Timeout);
    return outcome ? *outcome : Result<TeamId>(Error{u"the connection did not finish"_s});
}

Person personNamed(Workspace &ws, const QString &name)
{
    for (const Person &p : ws.roster().people().value()) {
        if (p.name == name) {
            return p;
        }
    }
    return {};
}

QStringList namesInModel(RosterModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row) {
        names.append(model.personAt(model.index(row, 0)).name);
    }
    return names;
}

} // namespace

class SyncControllerTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<RadicaleServer> m_server;
    int m_collection = 0;
    FakeClock m_clock{Test::fixedNow()}; ///< "now" of the workspaces (Clock::current())

    // A demo workspace with Payments connected to a new collection, and a second workspace
    // that joined it; both synced.
    struct Pair
    {
        std::unique_ptr<Side> a = std::make_unique<Side>(true);
        std::unique_ptr<Side> b = std::make_unique<Side>(false);
        TeamId team;
        QUrl url;
    };

    void makePair(Pair &pair)
    {
        pair.team = pair.a->ws->roster().teamByName(u"Payments"_s).value()->id;
        pair.url = m_server->url(u"/alice/team%1/"_s.arg(++m_collection));
        ConnectRequest request{pair.team, pair.url, u"alice"_s, {}, false, true};
        auto connected = connectAndWait(pair.a->sync(), request);
        QVERIFY2(connected, qPrintable(connected.errorMessage()));
        QVERIFY(pair.a->sync().hasAccounts());
        QVERIFY2(syncAndWait(pair.a->sync()), qPrintable(pair.a->sync().statusText()));

        // The second lead joins on an empty database: the team appears in its views.
        ConnectRequest join{{}, pair.url, u"alice"_s, {}, false, false};
        auto joined = connectAndWait(pair.b->sync(), join);
        QVERIFY2(joined, qPrintable(joined.errorMessage()));
        QCOMPARE(joined.value(), pair.team);
        QCOMPARE(pair.b->ws->rosterModel().teams().size(), 1);
        QCOMPARE(pair.b->ws->rosterModel().teams().first().name, u"Payments"_s);
        QVERIFY2(syncAndWait(pair.b->sync()), qPrintable(pair.b->sync().statusText()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        Clock::setCurrent(&m_clock);
        m_server = std::make_unique<RadicaleServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void anEditTravelsToTheOtherWorkspacesViews()
    {
        Pair pair;
        makePair(pair);
        SyncController &a = pair.a->sync();
        QVERIFY2(a.statusText().startsWith(u"Synced "_s), qPrintable(a.statusText()));
        QVERIFY2(a.statusText().contains(u" received, "_s) && a.statusText().contains(u" sent"_s),
                 qPrintable(a.statusText()));
        QVERIFY(a.lastOk());
        QCOMPARE(a.pending(), 0);
        QCOMPARE(a.conflictCount(), 0);
        // The joined side's roster model shows the people that came with the first sync.
        const QStringList namesB = namesInModel(pair.b->ws->rosterModel());
        QVERIFY(!namesB.isEmpty());

        Person person = personNamed(*pair.a->ws, namesB.first());
        QVERIFY(!person.id.isNull());
        person.name = u"Renamed On A"_s;
        QVERIFY(pair.a->ws->roster().updatePerson(person));
        QCOMPARE(a.pending(), 1);
        QVERIFY(syncAndWait(a));
        QVERIFY2(a.statusText().contains(u"1 sent"_s), qPrintable(a.statusText()));
        QCOMPARE(a.pending(), 0);

        QVERIFY(!namesInModel(pair.b->ws->rosterModel()).contains(u"Renamed On A"_s));
        QVERIFY(syncAndWait(pair.b->sync()));
        QVERIFY2(pair.b->sync().statusText().contains(u"1 received"_s), qPrintable(pair.b->sync().statusText()));
        QVERIFY(namesInModel(pair.b->ws->rosterModel()).contains(u"Renamed On A"_s));
    }

    void aLocalEditSyncsByItselfWhenAutomatic()
    {
        Pair pair;
        makePair(pair);
        SyncController &a = pair.a->sync();
        a.setDebounceInterval(50);
        a.setAutomatic(true);
        QSignalSpy finished(&a, &SyncController::finished);
        // Setting it on syncs at once, as the window does at start.
        QVERIFY(finished.wait(Timeout));
        Person person = personNamed(*pair.a->ws, namesInModel(pair.b->ws->rosterModel()).first());
        person.phone = u"+49 30 1234"_s;
        QVERIFY(pair.a->ws->roster().updatePerson(person));
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(a.pending(), 0, Timeout);
        a.setAutomatic(false);
        QVERIFY(syncAndWait(pair.b->sync()));
        QCOMPARE(pair.b->ws->roster().person(person.id).value()->phone, u"+49 30 1234"_s);
    }

    void serverDownSaysSoAndKeepsTheChanges()
    {
        Pair pair;
        makePair(pair);
        SyncController &a = pair.a->sync();
        m_server->stop();
        Person person = personNamed(*pair.a->ws, namesInModel(pair.b->ws->rosterModel()).first());
        person.phone = u"+1 212 555 0100"_s;
        QVERIFY(pair.a->ws->roster().updatePerson(person));
        QVERIFY(!syncAndWait(a));
        QVERIFY(!a.lastOk());
        QVERIFY2(a.statusText().startsWith(u"Sync failed:"_s), qPrintable(a.statusText()));
        QVERIFY2(a.statusText().contains(u"kept"_s), qPrintable(a.statusText()));
        QVERIFY(a.pending() > 0);

        QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));
        QVERIFY2(syncAndWait(a), qPrintable(a.statusText()));
        QCOMPARE(a.pending(), 0);
        QVERIFY(syncAndWait(pair.b->sync()));
        QCOMPARE(pair.b->ws->roster().person(person.id).value()->phone, u"+1 212 555 0100"_s);
    }

    void conflictsDialogListsAndKeepMineResolves()
    {
        Pair pair;
        makePair(pair);
        const QString name = namesInModel(pair.b->ws->rosterModel()).first();
        Person onA = personNamed(*pair.a->ws, name);
        Person onB = personNamed(*pair.b->ws, name);
        onA.phone = u"+49 111"_s;
        onB.phone = u"+49 222"_s;
        QVERIFY(pair.a->ws->roster().updatePerson(onA));
        QVERIFY(pair.b->ws->roster().updatePerson(onB));
        QVERIFY(syncAndWait(pair.a->sync()));
        QVERIFY(syncAndWait(pair.b->sync()));
        QCOMPARE(pair.b->sync().conflictCount(), 1);

        ConflictsDialog dialog(*pair.b->ws);
        dialog.show();
        QCOMPARE(dialog.count(), 1);
        auto *list = dialog.findChild<QListWidget *>(u"conflictList"_s);
        QVERIFY2(list->item(0)->text().contains(u"Payments"_s), qPrintable(list->item(0)->text()));
        auto *fields = dialog.findChild<QTableWidget *>(u"fieldTable"_s);
        QCOMPARE(fields->rowCount(), 1);
        // The field in words (the person's name, not an id), both values side by side.
        QVERIFY2(fields->item(0, 0)->text().contains(name), qPrintable(fields->item(0, 0)->text()));
        QVERIFY2(fields->item(0, 0)->text().endsWith(u"phone"_s), qPrintable(fields->item(0, 0)->text()));
        QCOMPARE(fields->item(0, 1)->text(), u"+49 222"_s);
        QCOMPARE(fields->item(0, 2)->text(), u"+49 111"_s);

        QSignalSpy finished(&pair.b->sync(), &SyncController::finished);
        dialog.findChild<QPushButton *>(u"keepMineButton"_s)->click();
        QCOMPARE(pair.b->sync().conflictCount(), 0);
        QCOMPARE(dialog.count(), 0);
        // Resolving syncs: B's version goes to the server, then to A.
        QVERIFY(finished.wait(Timeout));
        QVERIFY(finished.last().first().toBool());
        QVERIFY(syncAndWait(pair.a->sync()));
        QCOMPARE(pair.a->ws->roster().person(onA.id).value()->phone, u"+49 222"_s);
    }

    // Issue 12, points 5 and 8 in the GUI: a shift another client deleted is applied and flagged
    // (the lead hears of it, the flags dialog lists it and dismisses it); a vacation another
    // client put in the calendar is offered and imported on the user's word only.
    void flagsAndTimeOffOffersReachTheLead()
    {
        Pair pair;
        makePair(pair);
        Database &dbA = pair.a->db();
        QList<RotationId> rotations;
        for (const Rotation &r : pair.a->ws->rotations().rotations().value()) {
            if (r.teamId == pair.team) {
                rotations.append(r.id);
            }
        }
        const QDate today = m_clock.today();
        auto plan = PlanService(dbA).preview(rotations, today, today.addDays(42));
        QVERIFY2(plan, qPrintable(plan.errorMessage()));
        QVERIFY(PlanService(dbA).apply(plan.value()));
        QVERIFY(syncAndWait(pair.a->sync()));
        QVERIFY(syncAndWait(pair.b->sync()));

        // The other client deletes the second shift and adds a vacation of someone on the roster.
        const QList<Shift> shifts =
            ShiftRepository(pair.b->db())
                .overlapping(QDateTime(today, QTime(0, 0), Qt::UTC), QDateTime(today.addDays(60), QTime(0, 0), Qt::UTC))
                .value();
        QVERIFY(shifts.size() >= 3);
        DavSettings other;
        other.url = pair.url;
        other.username = u"alice"_s;
        CalDavClient client(other);
        const QString shiftHref = client.hrefFor(shifts.at(1).id.toString());
        const auto found = client.multiget({shiftHref});
        QVERIFY(std::holds_alternative<QList<DavItem>>(found));
        QVERIFY(std::holds_alternative<bool>(client.remove(shiftHref, std::get<QList<DavItem>>(found).first().etag)));
        const Person someone = pair.b->ws->roster().people().value().first();
        const QByteArray vacation =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other//EN\r\nBEGIN:VEVENT\r\nUID:gui-vacation\r\n"
            "DTSTAMP:20260301T000000Z\r\nDTSTART;VALUE=DATE:20310301\r\nDTEND;VALUE=DATE:20310303\r\n"
            "SUMMARY:Vacation\r\nORGANIZER:mailto:" +
            someone.email.toUtf8() + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        QVERIFY(std::holds_alternative<QByteArray>(client.put(client.hrefFor(u"gui-vacation"_s), vacation, {})));

        ReminderTray tray;
        tray.setWorkspace(pair.b->ws.get());
        QList<Reminder> reminders;
        connect(&tray, &ReminderTray::reminded, this, [&reminders](const Reminder &r) { reminders.append(r); });
        QList<SyncFlag> flagged;
        connect(&pair.b->sync(), &SyncController::flagged, this,
                [&flagged](const QList<SyncFlag> &flags) { flagged += flags; });
        QVERIFY2(syncAndWait(pair.b->sync()), qPrintable(pair.b->sync().statusText()));
        QCOMPARE(flagged.size(), 1);
        QVERIFY2(flagged.first().text.contains(u"deleted the shift of"_s), qPrintable(flagged.first().text));
        const auto lead = std::find_if(reminders.cbegin(), reminders.cend(),
                                       [](const Reminder &r) { return r.kind == Reminder::Kind::Flagged; });
        QVERIFY(lead != reminders.cend());
        QCOMPARE(lead->text, flagged.first().text);
        QVERIFY(!ShiftRepository(pair.b->db()).find(shifts.at(1).id).value()); // applied

        SyncFlagsDialog flags(*pair.b->ws);
        flags.show();
        QCOMPARE(flags.count(), 1);
        auto *flagList = flags.findChild<QListWidget *>(u"flagList"_s);
        QVERIFY2(flagList->item(0)->text().contains(u"gap"_s), qPrintable(flagList->item(0)->text()));
        if (qEnvironmentVariableIsSet("TANDEM_GRAB_DIR")) {
            flags.grab().save(qEnvironmentVariable("TANDEM_GRAB_DIR") + u"/sync-flags.png"_s);
        }
        flagList->item(0)->setSelected(true);
        flags.findChild<QPushButton *>(u"dismissButton"_s)->click();
        QCOMPARE(flags.count(), 0);

        TimeOffOffersDialog offers(*pair.b->ws);
        offers.show();
        QCOMPARE(offers.count(), 1);
        auto *offerList = offers.findChild<QListWidget *>(u"offerList"_s);
        QVERIFY2(offerList->item(0)->text().contains(someone.name), qPrintable(offerList->item(0)->text()));
        QCOMPARE(offerList->item(0)->checkState(), Qt::Checked);
        if (qEnvironmentVariableIsSet("TANDEM_GRAB_DIR")) {
            offers.grab().save(qEnvironmentVariable("TANDEM_GRAB_DIR") + u"/timeoff-offers.png"_s);
        }
        // Nothing was taken before the user said so.
        const auto before = pair.b->ws->roster().timeOff(someone.id).value();
        QVERIFY(
            std::none_of(before.cbegin(), before.cend(), [](const TimeOff &t) { return t.from == QDate(2031, 3, 1); }));
        QSignalSpy finished(&pair.b->sync(), &SyncController::finished);
        offers.findChild<QPushButton *>(u"importButton"_s)->click();
        QCOMPARE(offers.count(), 0);
        const auto after = pair.b->ws->roster().timeOff(someone.id).value();
        QVERIFY(std::any_of(after.cbegin(), after.cend(),
                            [](const TimeOff &t) { return t.from == QDate(2031, 3, 1) && t.to == QDate(2031, 3, 2); }));
        QVERIFY(finished.wait(Timeout)); // and it goes to the server
    }

    void aRefusedPasswordIsAskedForOnceMore()
    {
        RadicaleServer server(RadicaleServer::Auth::Htpasswd);
        server.addUser(u"alice"_s, u"right"_s);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Side a(true);
        const TeamId team = a.ws->roster().teamByName(u"Payments"_s).value()->id;
        ConnectRequest request{team, server.url(u"/alice/locked/"_s), u"alice"_s, u"right"_s, false, true};
        QVERIFY(connectAndWait(a.sync(), request));
        a.stored = u"wrong"_s; // what the keychain holds is out of date
        int prompts = 0;
        a.sync().setPasswordPrompt([&prompts](const SyncAccount &account, const QString &teamName,
                                              const QString &reason, bool *remember) -> std::optional<QString> {
            ++prompts;
            [&] {
                QCOMPARE(account.username, u"alice"_s);
                QCOMPARE(teamName, u"Payments"_s);
                QVERIFY2(reason.contains(u"401"_s), qPrintable(reason));
            }();
            *remember = true;
            return u"right"_s;
        });
        QVERIFY2(syncAndWait(a.sync()), qPrintable(a.sync().statusText()));
        QCOMPARE(prompts, 1);
        QCOMPARE(a.reads, 1);
        QCOMPARE(a.stored, u"right"_s);
        // The password is kept for the session: no more look-ups, no more prompts.
        QVERIFY(syncAndWait(a.sync()));
        QCOMPARE(prompts, 1);
        QCOMPARE(a.reads, 1);

        // Cancelled: the sync fails with the server's answer, and asks only once.
        Side c(true);
        const TeamId teamC = c.ws->roster().teamByName(u"Payments"_s).value()->id;
        ConnectRequest requestC{teamC, server.url(u"/alice/locked2/"_s), u"alice"_s, u"right"_s, false, true};
        QVERIFY(connectAndWait(c.sync(), requestC));
        c.sync().setPasswordPrompt(
            [&prompts](const SyncAccount &, const QString &, const QString &, bool *) -> std::optional<QString> {
                ++prompts;
                return std::nullopt;
            });
        QVERIFY(!syncAndWait(c.sync()));
        QCOMPARE(prompts, 2);
        QVERIFY2(c.sync().statusText().contains(u"401"_s), qPrintable(c.sync().statusText()));
        QVERIFY(c.sync().pending() > 0);
    }
};

QTEST_MAIN(SyncControllerTest)
#include "synccontrollertest.moc"
