// The sharing use cases (SyncService) against real servers: Radicale and Xandikos on free
// loopback ports. Connecting (an address with a password in it, creating exactly the calendar
// named), joining with a database that has a team of the same name and the same people, the
// server's changes that break a rule (flagged), server data that fails the checks of a local
// edit (kept aside) and time off other clients put in the calendar (offered, never taken).

#include "services/syncservice.h"

#include "domain/serialize.h"
#include "ical/icalcodec.h"
#include "itemmodels/conflictsmodel.h"
#include "itemmodels/shiftrangemodel.h"
#include "radicale.h"
#include "services/demodata.h"
#include "services/planservice.h"
#include "services/reminders.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "services/shiftservice.h"
#include "store/changelog.h"
#include "store/personrepository.h"
#include "store/shiftrepository.h"
#include "store/syncrepository.h"
#include "store/teamrepository.h"
#include "store/timeoffrepository.h"
#include "store/transaction.h"
#include "sync/localitems.h"
#include "syncfixture.h"
#include "testutil.h"
#include "xandikos.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Test;

namespace {

// Sends a request the client has no call for (MKCOL of an address book); the HTTP status.
int rawRequest(const QByteArray &verb, const QUrl &url, const QByteArray &body)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/xml; charset=utf-8"_s);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

} // namespace

class SyncServiceTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<RadicaleServer> m_radicale;
    std::unique_ptr<XandikosServer> m_xandikos;
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

    // The first demo team with `days` of planned shifts, shared through a new calendar.
    TeamId sharedTeam(Machine &side, int days = 42)
    {
        [&] { QVERIFY(createDemoData(*side.db)); }();
        const Team team = TeamRepository(*side.db).findByName(u"Payments"_s).value().value();
        QList<RotationId> rotations;
        for (const Rotation &r : RotationRepository(*side.db).all().value()) {
            if (r.teamId == team.id) {
                rotations.append(r.id);
            }
        }
        PlanService plans(*side.db);
        const QDate from = side.clock.now().date();
        auto plan = plans.preview(rotations, from, from.addDays(days));
        [&] { QVERIFY2(plan, qPrintable(plan.errorMessage())); }();
        [&] { QVERIFY(plans.apply(plan.value())); }();
        ConnectRequest request;
        request.team = team.id;
        request.url = m_url;
        request.username = u"lead"_s;
        auto connected = SyncService(*side.db).connect(request);
        [&] { QVERIFY2(connected, qPrintable(connected.errorMessage())); }();
        return team.id;
    }

    SyncReport sync(Database &db, TeamId team) { return SyncService(db).sync(team, {}); }

    Result<TeamId> join(Database &db, const JoinOptions &options = {}, QStringList *notes = nullptr)
    {
        ConnectRequest request;
        request.url = m_url;
        request.username = u"lead"_s;
        request.join = options;
        return SyncService(db).connect(request, {}, notes);
    }

    // Another client changes a resource (`edit` returns false to delete it instead).
    void editOnServer(const QString &uid, const std::function<bool(QJsonObject &)> &edit)
    {
        (void)Test::editOnServer(settings(), uid, edit);
    }

    QJsonObject onServer(const QString &uid) { return Test::onServer(settings(), uid); }

    void putForeign(const QString &uid, const QByteArray &event)
    {
        CalDavClient other(settings());
        const QByteArray ics =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other client//EN\r\nBEGIN:VEVENT\r\nUID:" + uid.toUtf8() +
            "\r\nDTSTAMP:20260301T000000Z\r\n" + event + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        QVERIFY(std::holds_alternative<QByteArray>(other.put(other.hrefFor(uid), ics, {})));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_radicale = std::make_unique<RadicaleServer>();
        QVERIFY2(m_radicale->start(), qPrintable(m_radicale->errorString()));
        m_xandikos = std::make_unique<XandikosServer>();
        QVERIFY2(m_xandikos->start(), qPrintable(m_xandikos->errorString()));
    }

    void init()
    {
        m_url = m_radicale->calendarUrl(u"team%1"_s.arg(++m_collection));
        CalDavClient client(settings());
        QVERIFY(std::holds_alternative<bool>(client.makeCalendar(u"Team"_s)));
    }

    // --- 2. A password typed into the address -------------------------------------------------

    void aPasswordInTheAddressIsNeverStored()
    {
        Machine a;
        QVERIFY(createDemoData(*a.db));
        const TeamId team = TeamRepository(*a.db).findByName(u"Payments"_s).value()->id;
        QUrl withPassword = m_url;
        withPassword.setUserName(u"lead"_s);
        withPassword.setPassword(u"s3cret-pw"_s);

        ConnectRequest request;
        request.team = team;
        request.url = withPassword;
        auto refused = SyncService(*a.db).connect(request);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, UrlCredentialsField.toString());
        QVERIFY2(!refused.errorMessage().contains(u"s3cret-pw"_s), qPrintable(refused.errorMessage()));
        QVERIFY(SyncService(*a.db).accounts().value().isEmpty()); // nothing stored

        request.credentialsFromUrl = true; // the user confirmed
        auto connected = SyncService(*a.db).connect(request);
        QVERIFY2(connected, qPrintable(connected.errorMessage()));
        const SyncAccount account = SyncService(*a.db).status(team)->account;
        QCOMPARE(account.url, m_url);
        QCOMPARE(account.username, u"lead"_s);
        QVERIFY(account.url.password().isEmpty());
        QVERIFY(sync(*a.db, team).ok);
        a.db.reset();
        QVERIFY(!readFile(a.dir.filePath(u"tandem.sqlite"_s)).contains("s3cret-pw"));
        QVERIFY(!readFile(a.dir.filePath(u"tandem.sqlite-wal"_s)).contains("s3cret-pw"));
    }

    // --- 6. --create makes exactly the calendar named -----------------------------------------

    void createMakesExactlyTheCalendarNamed_data()
    {
        QTest::addColumn<bool>("xandikos");
        QTest::newRow("Radicale") << false;
        QTest::newRow("Xandikos") << true;
    }

    void createMakesExactlyTheCalendarNamed()
    {
        QFETCH(bool, xandikos);
        DavServer &server = xandikos ? static_cast<DavServer &>(*m_xandikos) : *m_radicale;
        Machine a;
        QVERIFY(createDemoData(*a.db));
        const TeamId team = TeamRepository(*a.db).findByName(u"Payments"_s).value()->id;
        const QUrl named = server.calendarUrl(u"payments-oncall-%1"_s.arg(++m_collection));
        ConnectRequest request;
        request.team = team;
        request.url = named;
        request.username = u"lead"_s;
        request.create = true;
        auto connected = SyncService(*a.db).connect(request);
        QVERIFY2(connected, qPrintable(connected.errorMessage()));
        QCOMPARE(SyncService(*a.db).status(team)->account.url, named);
        DavSettings at;
        at.url = named;
        at.username = u"lead"_s;
        auto info = CalDavClient(at).collectionInfo();
        QVERIFY(std::holds_alternative<CollectionInfo>(info));
        QVERIFY(std::get<CollectionInfo>(info).isCalendar);
        // Nothing made elsewhere (no "tandem-payments" beside it).
        DavSettings home = at;
        home.url = named.resolved(QUrl(u".."_s));
        auto calendars = CalDavClient(home).listCalendars(home.url);
        QVERIFY(std::holds_alternative<QList<CollectionInfo>>(calendars));
        for (const CollectionInfo &c : std::get<QList<CollectionInfo>>(calendars)) {
            QVERIFY2(!c.url.path().contains(u"tandem-payments"_s), qPrintable(c.url.toString()));
        }
        const SyncReport up = sync(*a.db, team);
        QVERIFY2(up.ok, qPrintable(up.message));
    }

    void createRefusesAnAddressThatHoldsSomethingElse()
    {
        // An address book where the calendar was meant to be: refused, nothing made elsewhere.
        const QUrl book = m_radicale->calendarUrl(u"contacts%1"_s.arg(++m_collection));
        const int made = rawRequest("MKCOL", book,
                                    "<?xml version=\"1.0\"?><mkcol xmlns=\"DAV:\" "
                                    "xmlns:CR=\"urn:ietf:params:xml:ns:carddav\"><set><prop><resourcetype>"
                                    "<collection/><CR:addressbook/></resourcetype></prop></set></mkcol>");
        QVERIFY2(made == 201, qPrintable(QString::number(made)));
        Machine a;
        QVERIFY(createDemoData(*a.db));
        const TeamId team = TeamRepository(*a.db).findByName(u"Payments"_s).value()->id;
        ConnectRequest request;
        request.team = team;
        request.url = book;
        request.username = u"lead"_s;
        request.create = true;
        auto refused = SyncService(*a.db).connect(request);
        QVERIFY(!refused);
        QVERIFY2(refused.errorMessage().contains(u"not a calendar"_s), qPrintable(refused.errorMessage()));
        QVERIFY(SyncService(*a.db).accounts().value().isEmpty());
        DavSettings home;
        home.url = m_radicale->url(u"/lead/"_s);
        home.username = u"lead"_s;
        auto calendars = CalDavClient(home).listCalendars(home.url);
        QVERIFY(std::holds_alternative<QList<CollectionInfo>>(calendars));
        for (const CollectionInfo &c : std::get<QList<CollectionInfo>>(calendars)) {
            QVERIFY2(!c.url.path().contains(u"tandem-payments"_s), qPrintable(c.url.toString()));
        }
    }

    // --- 3. Joining merges ---------------------------------------------------------------------

    void joiningWithATeamOfTheSameNameAsksAndWritesNothing()
    {
        Machine a;
        const TeamId team = sharedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        Machine b;
        QVERIFY(createDemoData(*b.db)); // the same team names, e-mails and rotation names, other ids
        const qint64 logBefore = ChangeLog(*b.db).count().value();
        const auto teamsBefore = TeamRepository(*b.db).all().value();
        auto refused = join(*b.db);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, SameNamedTeamField.toString());
        QVERIFY2(refused.errorMessage().contains(u"Payments"_s), qPrintable(refused.errorMessage()));
        QVERIFY2(!refused.errorMessage().contains(u"UNIQUE"_s), qPrintable(refused.errorMessage()));
        QCOMPARE(ChangeLog(*b.db).count().value(), logBefore);
        QCOMPARE(TeamRepository(*b.db).all().value(), teamsBefore);
        QVERIFY(SyncService(*b.db).accounts().value().isEmpty());
    }

    void joiningMergesPeopleByEmailAndRenamesOrLinks_data()
    {
        QTest::addColumn<bool>("link");
        QTest::newRow("rename mine") << false;
        QTest::newRow("link mine") << true;
    }

    void joiningMergesPeopleByEmailAndRenamesOrLinks()
    {
        QFETCH(bool, link);
        Machine a;
        const TeamId team = sharedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        Machine b;
        QVERIFY(createDemoData(*b.db));
        const Team mineBefore = TeamRepository(*b.db).findByName(u"Payments"_s).value().value();
        // Someone only B has, in B's Payments team, and B's own spelling of a shared e-mail.
        Person extra = makePerson(u"Zoe Extra"_s, u"zoe.extra@example.com"_s);
        extra.teams = {mineBefore.id};
        QVERIFY(RosterService(*b.db).addPerson(extra));
        Person sharedOnA;
        for (const Person &p : PersonRepository(*a.db).all().value()) {
            if (p.teams.contains(team)) {
                sharedOnA = p;
                break;
            }
        }
        Person upper = PersonRepository(*b.db).findByEmail(sharedOnA.email).value().value();
        upper.email = sharedOnA.email.toUpper();
        QVERIFY(RosterService(*b.db).updatePerson(upper));
        const int peopleBefore = int(PersonRepository(*b.db).all().value().size());

        JoinOptions options;
        options.sameName = link ? JoinOptions::SameName::Link : JoinOptions::SameName::Rename;
        options.newName = u"Payments (laptop)"_s;
        QStringList notes;
        auto joined = join(*b.db, options, &notes);
        QVERIFY2(joined, qPrintable(joined.errorMessage()));
        QCOMPARE(joined.value(), team);
        QVERIFY(!notes.isEmpty());

        // People matched by e-mail (case-insensitive): one person each, with the shared id.
        const QList<Person> people = PersonRepository(*b.db).all().value();
        QCOMPARE(int(people.size()), peopleBefore);
        QSet<QString> emails;
        for (const Person &p : people) {
            QVERIFY2(!emails.contains(p.email.toLower()), qPrintable(p.email));
            emails.insert(p.email.toLower());
        }
        const ResourceRef roster{ResourceKind::Roster, team.toString()};
        for (const QJsonValue &shared : LocalItems(*a.db, team).current(roster).value()->value(u"people"_s).toArray()) {
            const QString email = shared[u"email"_s].toString();
            const auto here = PersonRepository(*b.db).findByEmail(email).value();
            QVERIFY2(here, qPrintable(email));
            QCOMPARE(here->id.toString(), shared[u"id"_s].toString());
        }
        if (link) {
            QVERIFY(!TeamRepository(*b.db).find(mineBefore.id).value());
            QVERIFY(PersonRepository(*b.db).findByEmail(u"zoe.extra@example.com"_s).value()->teams.contains(team));
        } else {
            QCOMPARE(TeamRepository(*b.db).find(mineBefore.id).value()->name, u"Payments (laptop)"_s);
            QVERIFY(
                PersonRepository(*b.db).findByEmail(u"zoe.extra@example.com"_s).value()->teams.contains(mineBefore.id));
        }
        QCOMPARE(TeamRepository(*b.db).find(team).value()->name, u"Payments"_s);

        // Both sync and converge: the shared team's shifts and roster are the same on both.
        const SyncReport down = sync(*b.db, team);
        QVERIFY2(down.ok, qPrintable(down.message));
        QVERIFY2(sync(*a.db, team).ok, "A's sync");
        QVERIFY2(sync(*b.db, team).ok, "B's second sync");
        QCOMPARE(teamShifts(*b.db, team), teamShifts(*a.db, team));
        QCOMPARE(LocalItems(*b.db, team).current(roster).value().value(),
                 LocalItems(*a.db, team).current(roster).value().value());
        QVERIFY(SyncRepository(*b.db).conflicts(team).value().isEmpty());
        // With a link, what only B had went to the server and to A.
        QCOMPARE(bool(PersonRepository(*a.db).findByEmail(u"zoe.extra@example.com"_s).value()), link);
    }

    // --- 5. The server's changes that break a rule ---------------------------------------------

    void changesThatBreakARuleAreAppliedAndFlagged()
    {
        Machine a;
        const TeamId team = sharedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        Machine b;
        QVERIFY(join(*b.db));
        QVERIFY(sync(*b.db, team).ok);
        const QList<Shift> shifts = teamShifts(*b.db, team);
        QVERIFY(shifts.size() >= 4);
        const Shift deleted = shifts.at(1);
        const Shift moved = shifts.at(2);

        // Another client deletes one shift and moves the end of another past the next start.
        editOnServer(deleted.id.toString(), [](QJsonObject &) { return false; });
        editOnServer(moved.id.toString(), [&](QJsonObject &o) {
            o[u"end"_s] = moved.end.addSecs(6 * 3600).toString(Qt::ISODate);
            return true;
        });
        const SyncReport r = sync(*b.db, team);
        QVERIFY2(r.ok, qPrintable(r.message));
        // Applied: the server is the shared truth.
        QVERIFY(!ShiftRepository(*b.db).find(deleted.id).value());
        QCOMPARE(ShiftRepository(*b.db).find(moved.id).value()->end, moved.end.addSecs(6 * 3600));
        // And flagged, in the report, the status and the message.
        QCOMPARE(r.flags.size(), 2);
        QStringList kinds;
        for (const SyncFlag &f : r.flags) {
            kinds.append(f.kind);
        }
        kinds.sort();
        QCOMPARE(kinds, (QStringList{u"gap"_s, u"overlap"_s}));
        const SyncFlag gap = r.flags.at(0).kind == u"gap" ? r.flags.at(0) : r.flags.at(1);
        QCOMPARE(gap.kind, u"gap"_s);
        QVERIFY2(gap.text.startsWith(u"a teammate via 127.0.0.1 deleted the shift of "_s), qPrintable(gap.text));
        QVERIFY2(gap.text.contains(u": gap"_s), qPrintable(gap.text));
        QCOMPARE(gap.start, deleted.start);
        QCOMPARE(gap.end, deleted.end);
        QVERIFY2(r.message.contains(u"from the server break"_s), qPrintable(r.message));
        const SyncStatus status = SyncService(*b.db).status(team).value();
        QCOMPARE(status.flags.size(), 2);
        QVERIFY(status.account.lastStatus.contains(u"from the server break"_s));
        // A reminder for the lead says it in the same words.
        const Reminder reminder = Reminders::fromSyncFlag(gap);
        QCOMPARE(reminder.kind, Reminder::Kind::Flagged);
        QCOMPARE(reminder.text, gap.text);

        // The calendar's Conflicts list shows the gap, though no shift is left there.
        RotationService rotations(*b.db);
        RosterService roster(*b.db);
        ShiftRangeModel range(*b.db, rotations, roster);
        range.setRange(deleted.start.addDays(-7), deleted.end.addDays(7));
        ConflictsModel conflicts(&range);
        QAbstractItemModelTester tester(&conflicts, QAbstractItemModelTester::FailureReportingMode::QtTest);
        bool listed = false;
        for (int row = 0; row < conflicts.rowCount(); ++row) {
            listed = listed || conflicts.index(row).data(ConflictsModel::TextRole).toString().contains(gap.text);
        }
        QVERIFY(listed);

        // Undoing the overlap drops its flag at the next sync; the gap stays until dismissed.
        editOnServer(moved.id.toString(), [&](QJsonObject &o) {
            o[u"end"_s] = moved.end.toString(Qt::ISODate);
            return true;
        });
        const SyncReport again = sync(*b.db, team);
        QVERIFY2(again.ok, qPrintable(again.message));
        QCOMPARE(again.flags.size(), 0);
        const QList<SyncFlag> left = SyncService(*b.db).status(team)->flags;
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().kind, u"gap"_s);
        QVERIFY(SyncService(*b.db).dismissFlag(team, left.first().id));
        QVERIFY(SyncService(*b.db).status(team)->flags.isEmpty());
    }

    void aServerChangeThatSeatsSomeoneOnLeaveIsFlagged()
    {
        Machine a;
        const TeamId team = sharedTeam(a);
        QVERIFY(sync(*a.db, team).ok);
        Machine b;
        QVERIFY(join(*b.db));
        QVERIFY(sync(*b.db, team).ok);
        // Time off for the developer of a shift next week, from another client (A's sync).
        const Shift shift = teamShifts(*b.db, team).at(2);
        TimeOff leave;
        leave.personId = shift.dev;
        leave.from = shift.start.date();
        leave.to = shift.end.date();
        leave.reason = u"Flu"_s;
        QVERIFY(RosterService(*a.db).addTimeOff(leave));
        QVERIFY(sync(*a.db, team).ok);
        const SyncReport r = sync(*b.db, team);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(!r.flags.isEmpty());
        QCOMPARE(r.flags.first().kind, u"rule"_s);
        QCOMPARE(r.flags.first().shift, shift.id.toString());
        QVERIFY2(r.flags.first().text.contains(u"leave"_s), qPrintable(r.flags.first().text));
    }

    // --- 8. Time off of other clients, offered --------------------------------------------------

    void timeOffOfOtherClientsIsOfferedNeverTaken()
    {
        Machine a;
        const TeamId team = sharedTeam(a, 14);
        QVERIFY(sync(*a.db, team).ok);
        const Person someone = [&] {
            for (const Person &p : PersonRepository(*a.db).all().value()) {
                if (p.teams.contains(team)) {
                    return p;
                }
            }
            return Person{};
        }();
        QVERIFY(!someone.id.isNull());
        const int timeOffBefore = int(TimeOffRepository(*a.db).forPerson(someone.id)->size());
        // A vacation by a roster person (organizer), an out-of-office by the same person as
        // attendee with a category, a vacation of a stranger, a timed "Vacation" meeting.
        putForeign(u"vac-1"_s, "DTSTART;VALUE=DATE:20260601\r\nDTEND;VALUE=DATE:20260606\r\nSUMMARY:Vacation\r\n"
                               "ORGANIZER:mailto:" +
                                   someone.email.toUtf8() + "\r\n");
        putForeign(u"ooo-2"_s, "DTSTART;VALUE=DATE:20260710\r\nDTEND;VALUE=DATE:20260711\r\nSUMMARY:Dentist\r\n"
                               "CATEGORIES:Out of office\r\nATTENDEE;CN=Someone:mailto:" +
                                   someone.email.toUpper().toUtf8() + "\r\n");
        putForeign(u"vac-3"_s, "DTSTART;VALUE=DATE:20260601\r\nDTEND;VALUE=DATE:20260602\r\nSUMMARY:Vacation\r\n"
                               "ORGANIZER:mailto:stranger@elsewhere.example\r\n");
        putForeign(
            u"meet-4"_s,
            "DTSTART:20260601T100000Z\r\nDTEND:20260601T110000Z\r\nSUMMARY:Vacation planning\r\nORGANIZER:mailto:" +
                someone.email.toUtf8() + "\r\n");
        const SyncReport r = sync(*a.db, team);
        QVERIFY2(r.ok, qPrintable(r.message));
        // Nothing taken silently.
        QCOMPARE(int(TimeOffRepository(*a.db).forPerson(someone.id)->size()), timeOffBefore);
        QList<SyncOffer> offers = SyncService(*a.db).status(team)->offers;
        QCOMPARE(offers.size(), 2);
        QCOMPARE(offers.at(0).uid, u"vac-1"_s);
        QCOMPARE(offers.at(0).person, someone.id.toString());
        QCOMPARE(offers.at(0).from, QDate(2026, 6, 1));
        QCOMPARE(offers.at(0).to, QDate(2026, 6, 5)); // DTEND of an all-day event is the day after
        QCOMPARE(offers.at(1).uid, u"ooo-2"_s);

        auto imported = SyncService(*a.db).importOffer(team, u"vac-1"_s);
        QVERIFY2(imported, qPrintable(imported.errorMessage()));
        QCOMPARE(imported->personId, someone.id);
        QCOMPARE(imported->from, QDate(2026, 6, 1));
        QCOMPARE(imported->to, QDate(2026, 6, 5));
        QVERIFY(SyncService(*a.db).dismissOffer(team, u"ooo-2"_s));
        QVERIFY(SyncService(*a.db).status(team)->offers.isEmpty());
        // Neither comes back at the next sync; the imported one goes out as Tandem's own.
        const SyncReport after = sync(*a.db, team);
        QVERIFY2(after.ok, qPrintable(after.message));
        QCOMPARE(after.sent, 1);
        QVERIFY(SyncService(*a.db).status(team)->offers.isEmpty());
        QCOMPARE(onServer(imported->id.toString()).value(u"person"_s).toString(), someone.id.toString());
        // The other client's event is left as it was.
        CalDavClient check(settings());
        QVERIFY(!std::get<QList<DavItem>>(check.multiget({check.hrefFor(u"vac-1"_s)})).isEmpty());
    }
};

QTEST_GUILESS_MAIN(SyncServiceTest)
#include "syncservicetest.moc"
