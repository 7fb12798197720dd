#include "services/reportservice.h"

#include "reportfixture.h"
#include "reports/fairnesscsv.h"
#include "reports/hoursreport.h"

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The reports over a real database: hours against figures worked out by hand (a weekend, a
/// public holiday, the DST day), the coverage gap planted in the fixture, the change log.
class ReportServiceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hoursCsvMatchesHandComputedFigures()
    {
        Test::ReportFixture f;
        f.build();
        const ReportScope scope = f.scope(QDate(2026, 3, 1), QDate(2026, 4, 30));
        const Reports::HourRates rates{1.5, 3.0, 4.5};
        const auto rows = ReportService(*f.db).hours(scope, rates);
        QVERIFY2(rows.ok(), qPrintable(rows.errorMessage()));
        // Shift 1, Mon 23 Mar 09:00 CET to Mon 30 Mar 09:00 CEST: 15 + 4 x 24 = 111 weekday hours,
        // Sat 24 + Sun 23 (clocks go forward) = 47 weekend hours, 9 on the holiday Monday.
        // Shift 2 from the holiday's 09:00: 15 holiday + 24 (Tue 31) in March; in April
        // 3 x 24 + 9 = 81 weekday and 48 weekend. Shift 3: 15 + 4 x 24 + 9 = 120 weekday, 48 weekend.
        const QByteArray expected =
            "email,name,role,month,weekday_hours,weekend_hours,holiday_hours,total_hours,weekday_rate,weekend_rate,"
            "holiday_rate,amount\n"
            "dana@example.com,Dana Dev,developer,2026-03,111.00,47.00,9.00,167.00,1.50,3.00,4.50,348.00\n"
            "dean@example.com,Dean Dev,developer,2026-03,24.00,0.00,15.00,39.00,1.50,3.00,4.50,103.50\n"
            "otto@example.com,Otto Ops,operations,2026-03,135.00,47.00,24.00,206.00,1.50,3.00,4.50,451.50\n"
            "dean@example.com,Dean Dev,developer,2026-04,81.00,48.00,0.00,129.00,1.50,3.00,4.50,265.50\n"
            "max@example.com,Maximiliane Konstantinopoulou Wittgenstein,developer,2026-04,120.00,48.00,0.00,"
            "168.00,1.50,3.00,4.50,324.00\n"
            "otto@example.com,Otto Ops,operations,2026-04,81.00,48.00,0.00,129.00,1.50,3.00,4.50,265.50\n";
        QCOMPARE(Reports::hoursCsv(rows.value(), rates), expected);
    }

    void hoursCountOnlyThePeriod()
    {
        Test::ReportFixture f;
        f.build();
        const ReportScope scope = f.scope(QDate(2026, 3, 29), QDate(2026, 3, 29)); // the DST Sunday alone
        const auto rows = ReportService(*f.db).hours(scope, {});
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 2);
        for (const Reports::HoursRow &r : rows.value()) {
            QCOMPARE(r.weekendHours, 23.0);
            QCOMPARE(r.totalHours(), 23.0);
        }
    }

    void coverageFindsThePlantedGap()
    {
        Test::ReportFixture f;
        f.build();
        const ReportScope scope = f.scope(QDate(2026, 3, 23), QDate(2026, 4, 12));
        const auto report = ReportService(*f.db).coverage(scope);
        QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
        QCOMPARE(report->rotations.size(), 1);
        const Reports::RotationCoverage &c = report->rotations.first();
        QCOMPARE(c.gaps.size(), 1);
        const Reports::CoverageGap &gap = c.gaps.first();
        QCOMPARE(gap.reason, Reports::GapReason::NoOps);
        QCOMPARE(gap.start, Test::ReportFixture::berlin(4, 6, 9));
        QCOMPARE(gap.end, QDateTime(QDate(2026, 4, 13), QTime(0, 0), QTimeZone("Europe/Berlin")).toUTC());
        // On call from the rotation's start (23 Mar 09:00) to the end of the period (13 Apr 00:00):
        // 3 weeks minus 9 hours, minus the hour DST takes.
        QCOMPARE(c.requiredMinutes, qint64((21 * 24 - 9 - 1) * 60));
        QCOMPARE(c.coveredMinutes, c.requiredMinutes - gap.minutes());
        // Every shift was written through the plan service: three creations, by the tester.
        QCOMPARE(report->changes.size(), 3);
        for (const Reports::ShiftChange &change : report->changes) {
            QCOMPARE(change.actor, u"tester@example.com"_s);
            QCOMPARE(change.action, ChangeAction::Create);
        }
    }

    void coverageNamesWhoChangedAShift()
    {
        Test::ReportFixture f;
        f.build();
        f.clock.advanceSecs(3600);
        f.db->setActor(u"lead@example.com"_s);
        Shift changed = f.shifts.at(1);
        changed.dev = f.dana.id;
        Planner::PlanResult plan;
        plan.shifts.append(Planner::PlannedShift{changed, Planner::Change::Changed, {}, {}});
        QVERIFY(PlanService(*f.db).apply(plan).ok());
        // Also an empty developer seat: a second kind of gap.
        Shift emptied = f.shifts.at(0);
        emptied.dev = {};
        Planner::PlanResult second;
        second.shifts.append(Planner::PlannedShift{emptied, Planner::Change::Changed, {}, {}});
        QVERIFY(PlanService(*f.db).apply(second).ok());

        const ReportScope scope = f.scope(QDate(2026, 3, 23), QDate(2026, 4, 12));
        const auto report = ReportService(*f.db).coverage(scope);
        QVERIFY(report.ok());
        QCOMPARE(report->changes.size(), 5);
        const Reports::ShiftChange &c = report->changes.at(3);
        QCOMPARE(c.actor, u"lead@example.com"_s);
        QCOMPARE(c.action, ChangeAction::Update);
        QCOMPARE(c.at, Test::fixedNow().addSecs(3600));
        QCOMPARE(c.devBefore, f.dean.id);
        QCOMPARE(c.devAfter, f.dana.id);
        QCOMPARE(c.opsBefore, f.otto.id);
        QCOMPARE(c.opsAfter, f.otto.id);
        const auto &gaps = report->rotations.first().gaps;
        QCOMPARE(gaps.size(), 2);
        QCOMPARE(gaps.first().reason, Reports::GapReason::NoDeveloper);
        QCOMPARE(gaps.first().start, Test::ReportFixture::berlin(3, 23, 9));
        QCOMPARE(gaps.first().end, Test::ReportFixture::berlin(3, 30, 9));
    }

    void opsWithoutProductionAccessIsAGap()
    {
        Test::ReportFixture f;
        f.build();
        Person otto = f.otto;
        otto.productionAccess = false;
        // The pool refuses members without access, so take Otto out of it first.
        auto pool = RotationService(*f.db).pool(f.rotation.opsPoolId);
        QVERIFY(pool.ok() && pool.value());
        OpsPool p = *pool.value();
        p.members = {f.sabine.id};
        QVERIFY(RotationService(*f.db).updatePool(p).ok());
        QVERIFY2(RosterService(*f.db).updatePerson(otto).ok(), "updatePerson");
        const ReportScope scope = f.scope(QDate(2026, 3, 24), QDate(2026, 3, 24));
        const auto report = ReportService(*f.db).coverage(scope);
        QVERIFY(report.ok());
        const auto &gaps = report->rotations.first().gaps;
        QCOMPARE(gaps.size(), 1);
        QCOMPARE(gaps.first().reason, Reports::GapReason::NoOps);
        QVERIFY(gaps.first().detail.contains(u"Otto Ops"_s));
    }

    void fairnessCsvHasOneRowPerPerson()
    {
        Test::ReportFixture f;
        f.build();
        const ReportScope scope = f.scope(QDate(2026, 3, 23), QDate(2026, 4, 12));
        const auto summary = ReportService(*f.db).fairness(scope);
        QVERIFY2(summary.ok(), qPrintable(summary.errorMessage()));
        const auto people = ReportService(*f.db).people();
        QVERIFY(people.ok());
        const QStringList lines =
            QString::fromUtf8(Reports::fairnessCsv(summary.value(), people.value())).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), u"email,name,role,pool,shifts,load,fair_share,deviation,weekends,holidays,nights,"
                                "partners"_s);
        QCOMPARE(lines.size(), 1 + summary->people.size());
        const QString otto = lines.filter(u"otto@example.com"_s).value(0);
        QVERIFY2(otto.contains(u",operations,"_s), qPrintable(otto));
        QCOMPARE(otto.section(u',', 4, 4), u"2"_s); // two shifts
        const QString matrix = QString::fromUtf8(Reports::pairMatrixCsv(summary.value(), people.value()));
        QVERIFY2(matrix.contains(u"dana@example.com,"_s), qPrintable(matrix));
    }
};

QTEST_GUILESS_MAIN(ReportServiceTest)
#include "reportservicetest.moc"
