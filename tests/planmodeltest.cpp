#include "itemmodels/planmodel.h"

#include "services/demodata.h"
#include "services/planservice.h"
#include "services/rotationservice.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tandem;

class PlanModelTest : public QObject
{
    Q_OBJECT

private:
    // A small plan made by hand: one changed shift, one added, one added with an empty ops
    // seat, one unchanged.
    struct Fixture
    {
        Planner::PlanRequest request;
        Planner::PlanResult plan;
        Person alice, bob, carol;
    };

    static Fixture fixture()
    {
        Fixture f;
        f.alice = Test::makePerson(u"Alice"_s, u"alice@example.com"_s);
        f.bob = Test::makePerson(u"Bob"_s, u"bob@example.com"_s);
        f.carol = Test::makePerson(u"Carol"_s, u"carol@example.com"_s, Role::Operations);
        for (Person *p : {&f.alice, &f.bob, &f.carol}) {
            p->id = PersonId::create();
            f.request.people.append(*p);
        }
        Rotation rotation;
        rotation.id = RotationId::create();
        rotation.name = u"Payments on call"_s;
        rotation.timeZone = u"Europe/Berlin"_s;
        f.request.rotations.append(rotation);

        auto shift = [&](int week, PersonId dev, PersonId ops) {
            Shift s;
            s.id = ShiftId::create();
            s.rotationId = rotation.id;
            s.start = QDateTime(QDate(2026, 3, 23).addDays(7 * week), QTime(8, 0), Qt::UTC);
            s.end = s.start.addDays(7);
            s.dev = dev;
            s.ops = ops;
            return s;
        };
        const Shift before = shift(0, f.alice.id, f.carol.id);
        f.request.existing.append(before);
        Shift after = before;
        after.dev = f.bob.id;
        const Shift unchanged = shift(3, f.bob.id, f.carol.id);
        f.request.existing.append(unchanged);
        f.plan.shifts = {
            {after, Planner::Change::Changed, u"Bob: lowest load"_s, u"Carol: only ops"_s},
            {shift(1, f.alice.id, f.carol.id), Planner::Change::Added, u"Alice: lowest load"_s, {}},
            {shift(2, f.bob.id, {}), Planner::Change::Added, {}, u"all 1 ops on leave"_s},
            {unchanged, Planner::Change::Unchanged, {}, {}},
        };
        Planner::PersonFigures figures;
        figures.person = f.alice.id;
        figures.pool = u"dev: Payments"_s;
        figures.shifts = 2;
        figures.load = 2.5;
        figures.fairShare = 2.0;
        figures.partners.insert(f.carol.id, 2);
        f.plan.summary.people.append(figures);
        figures.person = f.carol.id;
        figures.role = Role::Operations;
        figures.pool = u"Payments ops"_s;
        figures.partners = {{f.alice.id, 2}};
        f.plan.summary.people.append(figures);
        f.plan.summary.pairs.insert({f.alice.id, f.carol.id}, 2);
        return f;
    }

private Q_SLOTS:
    void previewShowsWhatChanges()
    {
        const Fixture f = fixture();
        PlanPreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(f.request, f.plan);

        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(PlanPreviewModel::ColumnCount));
        auto text = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(text(0, PlanPreviewModel::ChangeColumn), u"Changed"_s);
        QCOMPARE(text(1, PlanPreviewModel::ChangeColumn), u"Added"_s);
        QCOMPARE(text(2, PlanPreviewModel::ChangeColumn), u"Added"_s);
        QCOMPARE(text(3, PlanPreviewModel::ChangeColumn), u"Unchanged"_s);
        QCOMPARE(model.index(0, 0).data(PlanPreviewModel::ChangeRole).toInt(), int(Planner::Change::Changed));

        // A changed shift names who was there before.
        const QString tip = model.index(0, PlanPreviewModel::ChangeColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Alice"_s) && tip.contains(u"Carol"_s), qPrintable(tip));
        QCOMPARE(text(0, PlanPreviewModel::DeveloperColumn), u"Bob"_s);

        // The gap reads as text and in bold, not only as a colour.
        const QModelIndex gap = model.index(2, PlanPreviewModel::OpsColumn);
        QCOMPARE(gap.data().toString(), u"— gap —"_s);
        QVERIFY(gap.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(gap.data(Qt::BackgroundRole).isValid());
        QVERIFY(gap.data(PlanPreviewModel::GapRole).toBool());
        QVERIFY(!model.index(1, 0).data(PlanPreviewModel::GapRole).toBool());
        QVERIFY(!model.index(3, PlanPreviewModel::OpsColumn).data(Qt::FontRole).value<QFont>().bold());

        // Times in the rotation's zone: 08:00 UTC is 09:00 in Berlin in March (before DST).
        QVERIFY2(text(0, PlanPreviewModel::StartColumn).contains(u"09:00"_s),
                 qPrintable(text(0, PlanPreviewModel::StartColumn)));
        QCOMPARE(text(0, PlanPreviewModel::RotationColumn), u"Payments on call"_s);
        QVERIFY(text(0, PlanPreviewModel::WhyColumn).contains(u"Bob: lowest load"_s));

        QCOMPARE(model.summaryText(), u"4 shifts: 2 added, 1 changed, 1 unchanged; 1 gap"_s);
        QCOMPARE(model.indexOf(f.plan.shifts.at(2).shift.id).row(), 2);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void fairnessAndPairs()
    {
        const Fixture f = fixture();
        QHash<PersonId, QString> names;
        for (const Person &p : f.request.people) {
            names.insert(p.id, p.name);
        }
        FairnessModel fairness;
        QAbstractItemModelTester fairnessTester(&fairness, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fairness.setSummary(f.plan.summary, names);
        QCOMPARE(fairness.rowCount(), 2);
        QCOMPARE(fairness.index(0, FairnessModel::PersonColumn).data().toString(), u"Alice"_s);
        QCOMPARE(fairness.index(0, FairnessModel::DeviationColumn).data().toString(), u"+0.5"_s);
        QCOMPARE(fairness.index(0, FairnessModel::LoadColumn).data(FairnessModel::SortRole).toDouble(), 2.5);
        QCOMPARE(fairness.index(0, FairnessModel::PartnersColumn).data().toInt(), 1);
        QCOMPARE(fairness.index(1, FairnessModel::PoolColumn).data().toString(), u"Payments ops"_s);

        PairMatrixModel pairs;
        QAbstractItemModelTester pairTester(&pairs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        pairs.setSummary(f.plan.summary, names);
        QCOMPARE(pairs.rowCount(), 1);
        QCOMPARE(pairs.columnCount(), 1);
        QCOMPARE(pairs.headerData(0, Qt::Vertical).toString(), u"Alice"_s);
        QCOMPARE(pairs.headerData(0, Qt::Horizontal).toString(), u"Carol"_s);
        QCOMPARE(pairs.index(0, 0).data(PairMatrixModel::CountRole).toInt(), 2);
    }

    // The real planner on the demo team: a first plan only adds; once applied, planning the same
    // horizon again adds nothing.
    void realPlanAddsThenKeeps()
    {
        QTemporaryDir dir;
        FakeClock clock(Test::fixedNow());
        auto db = Test::openFresh(dir, clock);
        QVERIFY(createDemoData(*db));
        RotationService rotations(*db);
        auto payments = rotations.rotationByName(u"Payments on call"_s);
        QVERIFY(payments && payments.value());
        PlanService plans(*db);
        const QDate from(2026, 3, 23);
        const QDate to = from.addDays(13 * 7 - 1);
        auto request = plans.request({payments.value()->id}, from, to);
        QVERIFY(request);
        auto first = plans.preview({payments.value()->id}, from, to);
        QVERIFY(first);

        PlanPreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(request.value(), first.value());
        QCOMPARE(model.rowCount(), 13);
        QCOMPARE(model.count(Planner::Change::Added), 13);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.index(row, PlanPreviewModel::ChangeColumn).data().toString(), u"Added"_s);
        }
        FairnessModel fairness;
        QAbstractItemModelTester fairnessTester(&fairness, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fairness.setSummary(first->summary, {});
        QVERIFY(fairness.rowCount() > 0);

        QVERIFY(plans.apply(first.value()));
        auto again = plans.request({payments.value()->id}, from, to);
        auto second = plans.preview({payments.value()->id}, from, to);
        QVERIFY(again && second);
        model.setPlan(again.value(), second.value());
        QCOMPARE(model.rowCount(), 13);
        QCOMPARE(model.count(Planner::Change::Added), 0);
        QCOMPARE(model.count(Planner::Change::Changed), 0);
    }
};

QTEST_MAIN(PlanModelTest)
#include "planmodeltest.moc"
