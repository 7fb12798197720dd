#include "services/historyimport.h"

#include "historyfixture.h"
#include "services/icalservice.h"
#include "services/planservice.h"
#include "store/changelog.h"
#include "store/database.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QByteArray sample(const QString &name)
{
    const QByteArray bytes = Test::readFile(Test::historySample(name));
    if (bytes.isEmpty()) {
        qFatal("missing sample %s", qPrintable(name));
    }
    return bytes;
}

QByteArray calendar(const QByteArray &body)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + body + "END:VCALENDAR\r\n";
}

QDateTime utc(int y, int m, int d, int h = 8)
{
    return QDateTime(QDate(y, m, d), QTime(h, 0), Qt::UTC);
}

/// The events of a preview as "start action who" lines, for readable comparisons.
QStringList lines(const HistoryPreview &preview)
{
    QStringList out;
    for (const HistoryEvent &e : preview.events) {
        out.append(u"%1 %2 %3 %4"_s.arg(e.start.toString(Qt::ISODate), historyActionToString(e.action),
                                        historyMatchToString(e.match), e.who));
    }
    return out;
}

} // namespace

class HistoryImportTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};
    QTemporaryDir m_dir;
    std::unique_ptr<Test::HistoryFixture> m_f;

    Database &db() { return *m_f->db; }
    qint64 lastSeq() { return ChangeLog(db()).lastSeq().value(); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(u"tandem.sqlite"_s));
        m_f = std::make_unique<Test::HistoryFixture>(m_dir, m_clock);
    }

    void cleanup() { m_f.reset(); }

    void namesOfTheTools_data()
    {
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("attendeeName");
        QTest::addColumn<QString>("attendeeEmail");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("PagerDuty") << u"On Call - Jane Doe - Payments Dev"_s << QString() << u"jane@x.example"_s
                                   << QStringList{u"jane@x.example"_s, u"Jane Doe"_s, u"Jane Doe - Payments Dev"_s};
        QTest::newRow("Opsgenie") << u"Jane Doe (Primary)"_s << u"Jane Doe"_s << u"jane@x.example"_s
                                  << QStringList{u"jane@x.example"_s, u"Jane Doe"_s};
        QTest::newRow("Grafana OnCall") << u"[L1] jane.doe "_s << QString() << QString()
                                        << QStringList{u"jane.doe"_s, u"jane doe"_s};
        QTest::newRow("schedule and e-mail")
            << u"[Schedule] jane@example.com"_s << QString() << QString() << QStringList{u"jane@example.com"_s};
        QTest::newRow("on call colon") << u"On call: Zoë Müller"_s << QString() << QString()
                                       << QStringList{u"Zoë Müller"_s};
        QTest::newRow("nothing") << QString() << QString() << QString() << QStringList{};
    }

    void namesOfTheTools()
    {
        QFETCH(QString, summary);
        QFETCH(QString, attendeeName);
        QFETCH(QString, attendeeEmail);
        QFETCH(QStringList, expected);
        QList<QPair<QString, QString>> attendees;
        if (!attendeeName.isEmpty() || !attendeeEmail.isEmpty()) {
            attendees.append({attendeeName, attendeeEmail});
        }
        QCOMPARE(HistoryImportService::namesIn(summary, attendees), expected);
    }

    void matchKeyIgnoresAccentsCaseAndSpacing()
    {
        QCOMPARE(HistoryImportService::matchKey(u"Zoë  Müller"_s), HistoryImportService::matchKey(u"zoe muller"_s));
        QCOMPARE(HistoryImportService::matchKey(u"José García"_s), u"jose garcia"_s);
        QCOMPARE(HistoryImportService::matchKey(u"Jörg Straße"_s), u"jorg strasse"_s);
        QVERIFY(HistoryImportService::matchKey(u"Jane Doe"_s) != HistoryImportService::matchKey(u"Jane Dee"_s));
    }

    void pagerDutyExport()
    {
        HistoryImportService service(db());
        auto preview = service.preview(m_f->rotation.id, Seat::Dev, sample(u"pagerduty.ics"_s));
        QVERIFY2(preview.ok(), qPrintable(preview.errorMessage()));
        QCOMPARE(lines(preview.value()), (QStringList{
                                             u"2026-01-05T08:00:00Z add email jane.doe@example.com"_s,
                                             u"2026-01-12T08:00:00Z add name Zoe Muller"_s,
                                             u"2026-01-19T08:00:00Z no-person ambiguous Alex Kim"_s,
                                             u"2026-01-26T08:00:00Z no-person unmatched Max Mustermann"_s,
                                             u"2026-02-02T08:00:00Z add email LENA.FISCHER@EXAMPLE.COM"_s,
                                             u"2026-02-09T08:00:00Z no-person ambiguous Alex Kim"_s,
                                             u"2026-03-02T08:00:00Z fill email lena.fischer@example.com"_s,
                                             u"2026-03-09T08:00:00Z conflict email jane.doe@example.com"_s,
                                             u"2026-03-16T08:00:00Z not-past email jane.doe@example.com"_s,
                                         }));
        const HistoryPreview &p = preview.value();
        QCOMPARE(p.events.at(1).person, m_f->zoe.id);
        QCOMPARE(p.events.at(6).shift, m_f->shifts.at(0).id);
        QVERIFY2(p.events.at(7).reason.contains(u"Zoë Müller"_s), qPrintable(p.events.at(7).reason));
        QCOMPARE(p.unmatched.size(), 1);
        QCOMPARE(p.unmatched.first().first, u"Max Mustermann"_s);
        QCOMPARE(p.ambiguous.size(), 1);
        QCOMPARE(p.ambiguous.first().first, u"Alex Kim"_s);
        QCOMPARE(QSet<PersonId>(p.ambiguous.first().second.cbegin(), p.ambiguous.first().second.cend()),
                 (QSet<PersonId>{m_f->alexKim.id, m_f->alexKim2.id}));
        QCOMPARE(p.toWrite(), 4);

        // The preview wrote nothing.
        const qint64 before = lastSeq();
        QCOMPARE(m_f->all().size(), 3);

        auto applied = service.apply(p);
        QVERIFY2(applied.ok(), qPrintable(applied.errorMessage()));
        QCOMPARE(applied->added.size(), 3);
        QCOMPARE(applied->changed.size(), 1);
        QCOMPARE(lastSeq(), before + 4); // one change-log row per shift written
        const QList<Shift> all = m_f->all();
        QCOMPARE(all.size(), 6);
        QCOMPARE(all.at(0).start, utc(2026, 1, 5));
        QCOMPARE(all.at(0).end, utc(2026, 1, 12));
        QCOMPARE(all.at(0).dev, m_f->jane.id);
        QVERIFY(all.at(0).ops.isNull()); // the other seat: empty, for the lead to fill or leave unknown
        QCOMPARE(all.at(3).id, m_f->shifts.at(0).id);
        QCOMPARE(all.at(3).dev, m_f->lena.id);
        QCOMPARE(all.at(3).ops, m_f->markus.id);
        QCOMPARE(all.at(3).sequence, 1);
        QCOMPARE(all.at(4).dev, m_f->zoe.id); // the conflict left alone

        // A second import of the same file writes nothing.
        auto again = service.preview(m_f->rotation.id, Seat::Dev, sample(u"pagerduty.ics"_s));
        QVERIFY(again.ok());
        QCOMPARE(again->toWrite(), 0);
        QCOMPARE(again->count(HistoryAction::AlreadyThere), 4);

        // Undo, as the GUI does it: the database as it was.
        QVERIFY(PlanService(db()).revert(applied.value()).ok());
        QCOMPARE(m_f->all(), m_f->shifts);
    }

    void choicesResolveAmbiguousAndUnmatchedNames()
    {
        HistoryImportService service(db());
        const HistoryImportService::Choices choices{{u"Alex Kim"_s, m_f->alexKim2.id},
                                                    {u"max@oldcorp.example"_s, m_f->alexKim.id}};
        auto preview = service.preview(m_f->rotation.id, Seat::Dev, sample(u"pagerduty.ics"_s), choices);
        QVERIFY2(preview.ok(), qPrintable(preview.errorMessage()));
        QCOMPARE(preview->events.at(2).match, HistoryMatch::Chosen);
        QCOMPARE(preview->events.at(2).person, m_f->alexKim2.id);
        QCOMPARE(preview->events.at(3).match, HistoryMatch::Chosen);
        QCOMPARE(preview->events.at(3).person, m_f->alexKim.id);
        QCOMPARE(preview->events.at(5).action, HistoryAction::Add);
        QVERIFY(preview->ambiguous.isEmpty());
        QVERIFY(preview->unmatched.isEmpty());
        QCOMPARE(preview->toWrite(), 7);
    }

    void opsgenieExportFillsTheOpsSeat()
    {
        HistoryImportService service(db());
        auto preview = service.preview(m_f->rotation.id, Seat::Ops, sample(u"opsgenie.ics"_s));
        QVERIFY2(preview.ok(), qPrintable(preview.errorMessage()));
        QCOMPARE(lines(preview.value()), (QStringList{
                                             u"2026-01-05T08:00:00Z add email markus.weber@example.com"_s,
                                             u"2026-01-12T08:00:00Z add name José Garcia"_s,
                                             u"2026-01-19T08:00:00Z add name priya nair"_s,
                                             u"2026-01-26T08:00:00Z no-person unmatched Kai Berger"_s,
                                             u"2026-03-02T08:00:00Z already-there email markus.weber@example.com"_s,
                                         }));
        QCOMPARE(preview->events.at(1).person, m_f->jose.id);
        QCOMPARE(preview->events.at(2).person, m_f->priya.id);
        auto applied = service.apply(preview.value());
        QVERIFY2(applied.ok(), qPrintable(applied.errorMessage()));
        QCOMPARE(m_f->all().first().ops, m_f->markus.id);
        QVERIFY(m_f->all().first().dev.isNull());

        // The developers' export of the same weeks then completes those shifts (same times: fill).
        auto devs = service.preview(m_f->rotation.id, Seat::Dev, sample(u"pagerduty.ics"_s));
        QVERIFY(devs.ok());
        QCOMPARE(devs->events.at(0).action, HistoryAction::Fill);
        QCOMPARE(devs->events.at(1).action, HistoryAction::Fill);
        QVERIFY(service.apply(devs.value()).ok());
        const Shift first = m_f->all().first();
        QCOMPARE(first.dev, m_f->jane.id);
        QCOMPARE(first.ops, m_f->markus.id);
    }

    void grafanaOnCallExportWithRecurrences()
    {
        HistoryImportService service(db());
        auto preview = service.preview(m_f->rotation.id, Seat::Dev, sample(u"grafana-oncall.ics"_s));
        QVERIFY2(preview.ok(), qPrintable(preview.errorMessage()));
        // Two rolling users every other week from 5 January until 2 March: jane.doe (the login, read
        // as the name Jane Doe) and lfischer (a login nobody's name fits).
        QCOMPARE(preview->events.size(), 9);
        QCOMPARE(preview->count(HistoryAction::Add), 4);
        QCOMPARE(preview->count(HistoryAction::Fill), 1);
        QCOMPARE(preview->count(HistoryAction::NoPerson), 4);
        QCOMPARE(preview->events.at(0).who, u"jane doe"_s);
        QCOMPARE(preview->events.at(0).match, HistoryMatch::Name);
        QCOMPARE(preview->events.at(0).person, m_f->jane.id);
        QCOMPARE(preview->events.at(8).start, utc(2026, 3, 2));
        QCOMPARE(preview->events.at(8).action, HistoryAction::Fill);
        QCOMPARE(preview->unmatched, (QList<QPair<QString, int>>{{u"lfischer"_s, 4}}));

        auto chosen = service.preview(m_f->rotation.id, Seat::Dev, sample(u"grafana-oncall.ics"_s),
                                      {{u"lfischer"_s, m_f->lena.id}});
        QVERIFY(chosen.ok());
        QCOMPARE(chosen->toWrite(), 9);
    }

    void allDayTeamCalendar()
    {
        HistoryImportService service(db());
        auto preview = service.preview(m_f->rotation.id, Seat::Dev, sample(u"team-calendar.ics"_s));
        QVERIFY2(preview.ok(), qPrintable(preview.errorMessage()));
        // All-day weeks run from the rotation's handoff (Monday 09:00 Berlin) to the next; the
        // cancelled event is not read.
        QCOMPARE(lines(preview.value()), (QStringList{
                                             u"2026-01-05T08:00:00Z add email jane.doe@example.com"_s,
                                             u"2026-01-12T08:00:00Z add email akim@example.com"_s,
                                             u"2026-01-19T08:00:00Z add email jane.doe@example.com"_s,
                                             u"2026-01-26T08:00:00Z no-person unmatched Robin Schulz"_s,
                                             u"2026-02-02T08:00:00Z add email jane.doe@example.com"_s,
                                         }));
        QCOMPARE(preview->events.at(0).end, utc(2026, 1, 12));
        QVERIFY(preview->events.at(0).allDay);
        QCOMPARE(preview->events.at(1).person, m_f->alexKim2.id);
    }

    void choicesIgnoreCaseAndAccents()
    {
        auto preview = HistoryImportService(db()).preview(m_f->rotation.id, Seat::Dev, sample(u"pagerduty.ics"_s),
                                                          {{u"alex  KIM"_s, m_f->alexKim.id}});
        QVERIFY(preview.ok());
        QCOMPARE(preview->events.at(2).match, HistoryMatch::Chosen);
        QCOMPARE(preview->events.at(2).person, m_f->alexKim.id);
    }

    void aLockedShiftIsNotFilled()
    {
        Shift locked = m_f->shifts.at(0);
        locked.state = ShiftState::Locked;
        QVERIFY(ShiftRepository(db()).update(locked).ok());
        auto preview = HistoryImportService(db()).preview(m_f->rotation.id, Seat::Dev, sample(u"pagerduty.ics"_s));
        QVERIFY(preview.ok());
        QCOMPARE(preview->events.at(6).action, HistoryAction::Conflict);
        QVERIFY2(preview->events.at(6).reason.contains(u"locked"_s), qPrintable(preview->events.at(6).reason));
    }

    void floatingTimesAreTheRotationsZone()
    {
        // 09:00 without TZID or Z: the team's wall clock, 08:00 UTC in a Berlin winter.
        const QByteArray ics = calendar("BEGIN:VEVENT\r\nUID:f\r\nDTSTAMP:20260101T000000Z\r\n"
                                        "DTSTART:20260105T090000\r\nDTEND:20260112T090000\r\n"
                                        "SUMMARY:Jane Doe\r\nEND:VEVENT\r\n");
        auto preview = HistoryImportService(db()).preview(m_f->rotation.id, Seat::Dev, ics);
        QVERIFY2(preview.ok(), qPrintable(preview.errorMessage()));
        QCOMPARE(preview->events.first().start, utc(2026, 1, 5));
        QCOMPARE(preview->events.first().end, utc(2026, 1, 12));
    }

    void namesakesInOtherRolesAreNotAmbiguous()
    {
        // A second Jane Doe in operations: the developer seat can only be the developer.
        Person other = Test::makePerson(u"Jane Doe"_s, u"jane.ops@example.com"_s, Role::Operations);
        QVERIFY(RosterService(db()).addPerson(other).ok());
        const QByteArray ics = calendar("BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\n"
                                        "DTSTART:20260105T080000Z\r\nDTEND:20260112T080000Z\r\n"
                                        "SUMMARY:Jane Doe (Primary)\r\nEND:VEVENT\r\n");
        auto dev = HistoryImportService(db()).preview(m_f->rotation.id, Seat::Dev, ics);
        QVERIFY(dev.ok());
        QCOMPARE(dev->events.first().person, m_f->jane.id);
        auto ops = HistoryImportService(db()).preview(m_f->rotation.id, Seat::Ops, ics);
        QVERIFY(ops.ok());
        QCOMPARE(ops->events.first().match, HistoryMatch::Name);
        QVERIFY(ops->events.first().person != m_f->jane.id);
    }

    void overlapAtOtherTimesIsReportedNotWritten()
    {
        // Daily shifts of the old tool over Tandem's weekly shift of 2 March.
        const QByteArray ics = calendar("BEGIN:VEVENT\r\nUID:d\r\nDTSTAMP:20260101T000000Z\r\n"
                                        "DTSTART:20260303T080000Z\r\nDTEND:20260304T080000Z\r\n"
                                        "SUMMARY:Jane Doe\r\nEND:VEVENT\r\n");
        auto preview = HistoryImportService(db()).preview(m_f->rotation.id, Seat::Dev, ics);
        QVERIFY(preview.ok());
        QCOMPARE(preview->events.first().action, HistoryAction::Conflict);
        QVERIFY2(preview->events.first().reason.contains(u"2026-03-02 09:00"_s),
                 qPrintable(preview->events.first().reason));
        QCOMPARE(preview->toWrite(), 0);
    }

    void nothingWrittenWhenTheDataMovedOrOnRefusal()
    {
        HistoryImportService service(db());
        auto preview = service.preview(m_f->rotation.id, Seat::Dev, sample(u"pagerduty.ics"_s));
        QVERIFY(preview.ok());
        // Someone edits the roster after the preview was read: the import is refused whole.
        Person late = Test::makePerson(u"Late Comer"_s, u"late@example.com"_s);
        QVERIFY(RosterService(db()).addPerson(late).ok());
        const qint64 before = lastSeq();
        auto applied = service.apply(preview.value());
        QVERIFY(!applied.ok());
        QCOMPARE(applied.error().field, u"stale"_s);
        QCOMPARE(lastSeq(), before);
        QCOMPARE(m_f->all(), m_f->shifts);

        // A broken file: refused before anything is read, the line named.
        const QByteArray broken = calendar("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:2026-01-05\r\nEND:VEVENT\r\n");
        auto bad = service.preview(m_f->rotation.id, Seat::Dev, broken);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.errorMessage().contains(u"Line"_s), qPrintable(bad.errorMessage()));
        QCOMPARE(lastSeq(), before);
    }

    void hostileInputIsBounded()
    {
        HistoryImportService service(db());
        // Over the size of any import: refused before parsing.
        QByteArray huge = calendar(QByteArray("X-FILLER:") + QByteArray(MaxIcsImportBytes, 'a') + "\r\n");
        auto big = service.preview(m_f->rotation.id, Seat::Dev, huge);
        QVERIFY(!big.ok());
        // An event every three hours for ten years: more occurrences than an import reads.
        const QByteArray many = calendar("BEGIN:VEVENT\r\nUID:m\r\nDTSTAMP:20260101T000000Z\r\n"
                                         "DTSTART:20170101T000000Z\r\nDTEND:20170101T020000Z\r\n"
                                         "RRULE:FREQ=HOURLY;INTERVAL=3\r\nSUMMARY:Jane Doe\r\nEND:VEVENT\r\n");
        auto tooMany = service.preview(m_f->rotation.id, Seat::Dev, many);
        QVERIFY(!tooMany.ok());
        QVERIFY2(tooMany.errorMessage().contains(QString::number(HistoryImportService::MaxEvents)),
                 qPrintable(tooMany.errorMessage()));
        // Three events every day for ten years: each is read, together they are too many.
        QByteArray daily;
        for (const char *uid : {"d1", "d2", "d3"}) {
            daily += QByteArray("BEGIN:VEVENT\r\nUID:") + uid +
                     "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20160401T000000Z\r\nDTEND:20160401T080000Z\r\n"
                     "RRULE:FREQ=DAILY\r\nSUMMARY:Jane Doe\r\nEND:VEVENT\r\n";
        }
        auto tooManyTogether = service.preview(m_f->rotation.id, Seat::Dev, calendar(daily));
        QVERIFY(!tooManyTogether.ok());
        QVERIFY2(tooManyTogether.errorMessage().contains(u"at most 10000"_s),
                 qPrintable(tooManyTogether.errorMessage()));
        // Every second: the estimate refuses it before anything is expanded.
        const QByteArray dense = calendar("BEGIN:VEVENT\r\nUID:s\r\nDTSTAMP:20260101T000000Z\r\n"
                                          "DTSTART:20170101T000000Z\r\nDTEND:20170101T000001Z\r\n"
                                          "RRULE:FREQ=SECONDLY\r\nSUMMARY:Jane Doe\r\nEND:VEVENT\r\n");
        QVERIFY(!service.preview(m_f->rotation.id, Seat::Dev, dense).ok());
        // A "shift" of a year and one of ten minutes: read, reported, never written.
        const QByteArray odd = calendar("BEGIN:VEVENT\r\nUID:y\r\nDTSTAMP:20260101T000000Z\r\n"
                                        "DTSTART:20250101T000000Z\r\nDTEND:20260101T000000Z\r\n"
                                        "SUMMARY:Jane Doe\r\nEND:VEVENT\r\n"
                                        "BEGIN:VEVENT\r\nUID:z\r\nDTSTAMP:20260101T000000Z\r\n"
                                        "DTSTART:20260201T000000Z\r\nDTEND:20260201T001000Z\r\n"
                                        "SUMMARY:Jane Doe\r\nEND:VEVENT\r\n");
        auto invalid = service.preview(m_f->rotation.id, Seat::Dev, odd);
        QVERIFY(invalid.ok());
        QCOMPARE(invalid->count(HistoryAction::Invalid), 2);
        QCOMPARE(invalid->toWrite(), 0);
        // A title of 70,000 characters is not repeated whole in the report.
        const QByteArray longName = QByteArray(70000, 'x');
        QByteArray folded;
        const QByteArray line = "SUMMARY:" + longName;
        for (qsizetype i = 0; i < line.size(); i += 70) {
            folded += (i ? " " : "") + line.mid(i, 70) + "\r\n";
        }
        auto named = service.preview(m_f->rotation.id, Seat::Dev,
                                     calendar("BEGIN:VEVENT\r\nUID:l\r\nDTSTAMP:20260101T000000Z\r\n"
                                              "DTSTART:20260105T080000Z\r\nDTEND:20260112T080000Z\r\n" +
                                              folded + "END:VEVENT\r\n"));
        QVERIFY2(named.ok(), qPrintable(named.errorMessage()));
        QVERIFY(named->events.first().who.size() < 200);
        QCOMPARE(named->unmatched.size(), 1);
    }

    void importedHistoryCountsInTheFairnessLookBack()
    {
        // Jane Doe was on call for six weeks of the old tool (three all-day weeks of the team
        // calendar and three of a weekly event): the plan of the next four weeks leaves her out,
        // and the fairness figures carry her history. Before the import, she counts no history.
        PlanService plans(db());
        auto janeFigures = [&](const Planner::PlanResult &plan) {
            for (const Planner::PersonFigures &figures : plan.summary.people) {
                if (figures.person == m_f->jane.id) {
                    return figures;
                }
            }
            return Planner::PersonFigures{};
        };
        auto devSeatsOf = [&](const Planner::PlanResult &plan, PersonId person) {
            int seats = 0;
            for (const Planner::PlannedShift &s : plan.shifts) {
                seats += s.shift.start >= utc(2026, 3, 23, 0) && s.shift.dev == person ? 1 : 0;
            }
            return seats;
        };
        auto before = plans.preview({m_f->rotation.id}, QDate(2026, 3, 23), QDate(2026, 4, 19));
        QVERIFY2(before.ok(), qPrintable(before.errorMessage()));
        QCOMPARE(janeFigures(before.value()).shifts, devSeatsOf(before.value(), m_f->jane.id));

        HistoryImportService service(db());
        auto calendarWeeks = service.preview(m_f->rotation.id, Seat::Dev, sample(u"team-calendar.ics"_s));
        QVERIFY(calendarWeeks.ok());
        QVERIFY(service.apply(calendarWeeks.value()).ok());
        const QByteArray more = calendar("BEGIN:VEVENT\r\nUID:w\r\nDTSTAMP:20260101T000000Z\r\n"
                                         "DTSTART;TZID=Europe/Berlin:20260209T090000\r\n"
                                         "DTEND;TZID=Europe/Berlin:20260216T090000\r\n"
                                         "RRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:On Call - Jane Doe - Payments\r\n"
                                         "END:VEVENT\r\n");
        auto weekly = service.preview(m_f->rotation.id, Seat::Dev, more);
        QVERIFY(weekly.ok());
        QCOMPARE(weekly->count(HistoryAction::Add), 3);
        QVERIFY(service.apply(weekly.value()).ok());

        auto after = plans.preview({m_f->rotation.id}, QDate(2026, 3, 23), QDate(2026, 4, 19));
        QVERIFY2(after.ok(), qPrintable(after.errorMessage()));
        QCOMPARE(devSeatsOf(after.value(), m_f->jane.id), 0);
        const Planner::PersonFigures jane = janeFigures(after.value());
        QCOMPARE(jane.shifts, 6);
        QVERIFY(jane.load >= 6 * 7.0); // six weeks, each at least seven days' weight
        QVERIFY(jane.load > jane.fairShare);
    }
};

} // namespace Tandem

QTEST_GUILESS_MAIN(Tandem::HistoryImportTest)
#include "historyimporttest.moc"
