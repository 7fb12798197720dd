#include "itemmodels/rostermodel.h"

#include "itemmodels/rostercommands.h"
#include "itemmodels/rosterfiltermodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Tandem;

class RosterModelTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

    struct Fixture
    {
        QTemporaryDir dir;
        std::unique_ptr<Database> db;
        std::unique_ptr<RosterService> roster;
        Team payments;
        Team search;
    };

    std::unique_ptr<Fixture> make()
    {
        auto f = std::make_unique<Fixture>();
        f->db = Test::openFresh(f->dir, m_clock);
        f->roster = std::make_unique<RosterService>(*f->db);
        f->payments = f->roster->addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s}).value();
        f->search = f->roster->addTeam(Team{{}, u"Search"_s, u"America/New_York"_s}).value();
        Person ada = Test::makePerson(u"Ada"_s, u"ada@example.com"_s);
        ada.teams = {f->payments.id};
        Person bob = Test::makePerson(u"Bob"_s, u"bob@example.com"_s, Role::Operations);
        bob.teams = {f->payments.id, f->search.id};
        bob.timeZone = u"America/New_York"_s;
        Person cy = Test::makePerson(u"Cy"_s, u"cy@example.com"_s);
        cy.teams = {f->search.id};
        cy.capacity = 0.5;
        for (const Person &p : {ada, bob, cy}) {
            f->roster->addPerson(p).value();
        }
        return f;
    }

private Q_SLOTS:
    void showsThePeopleWithTheirTeams()
    {
        auto f = make();
        RosterModel model(*f->db, *f->roster);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(RosterModel::ColumnCount));
        const QModelIndex bob = model.indexOf(f->roster->personByEmail(u"bob@example.com"_s).value()->id);
        QVERIFY(bob.isValid());
        QCOMPARE(bob.data().toString(), u"Bob"_s);
        QCOMPARE(bob.siblingAtColumn(RosterModel::TeamsColumn).data().toString(), u"Payments, Search"_s);
        QCOMPARE(bob.siblingAtColumn(RosterModel::RoleColumn).data().toString(), u"Ops engineer"_s);
        QCOMPARE(bob.siblingAtColumn(RosterModel::ProductionAccessColumn).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
        QVERIFY(model.roleNames().contains(RosterModel::PersonIdRole));
    }

    void followsCommittedChangesRowByRow()
    {
        auto f = make();
        RosterModel model(*f->db, *f->roster);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        const Person dee = f->roster->addPerson(Test::makePerson(u"Dee"_s, u"dee@example.com"_s)).value();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 4);

        Person edited = dee;
        edited.phone = u"+1 555 0100"_s;
        QVERIFY(f->roster->updatePerson(edited));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), model.indexOf(dee.id).row());
        QCOMPARE(model.indexOf(dee.id, RosterModel::PhoneColumn).data().toString(), u"+1 555 0100"_s);

        QVERIFY(f->roster->removePerson(dee.id));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(reset.count(), 0); // never a reset for an edit
    }

    void inlineEditsGoThroughTheUndoStack()
    {
        auto f = make();
        RosterModel model(*f->db, *f->roster);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QUndoStack stack;
        RosterEditor editor(*f->roster, &stack);
        model.setEditor(&editor);
        const PersonId ada = f->roster->personByEmail(u"ada@example.com"_s).value()->id;

        QVERIFY(model.setData(model.indexOf(ada, RosterModel::PhoneColumn), u"+49 30 1"_s));
        QVERIFY(model.setData(model.indexOf(ada, RosterModel::SeniorColumn), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(stack.count(), 2);
        QVERIFY(f->roster->person(ada).value()->senior);

        QSignalSpy refused(&model, &RosterModel::editRefused);
        QVERIFY(!model.setData(model.indexOf(ada, RosterModel::EmailColumn), u"bob@example.com"_s));
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.first().first().toString().contains(u"Bob"_s));
        QCOMPARE(stack.count(), 2);

        stack.undo();
        stack.undo();
        QCOMPARE(model.indexOf(ada, RosterModel::PhoneColumn).data().toString(), QString());
        QVERIFY(!f->roster->person(ada).value()->senior);
    }

    void filtersBySearchTeamAndRole()
    {
        auto f = make();
        RosterModel model(*f->db, *f->roster);
        RosterFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(filter.rowCount(), 3);
        filter.setTeam(f->search.id);
        QCOMPARE(filter.rowCount(), 2);
        filter.setRole(Role::Developer);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data().toString(), u"Cy"_s);
        filter.setTeam({});
        filter.setRole(std::nullopt);
        filter.setSearchText(u"new_york ops"_s); // every word must match
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data().toString(), u"Bob"_s);
        filter.setSearchText(u"zzz"_s);
        QCOMPARE(filter.rowCount(), 0);
    }

    void sortsCapacityAsANumber()
    {
        auto f = make();
        RosterModel model(*f->db, *f->roster);
        RosterFilterModel filter;
        filter.setSourceModel(&model);
        filter.sort(RosterModel::CapacityColumn, Qt::AscendingOrder);
        QCOMPARE(filter.index(0, RosterModel::NameColumn).data().toString(), u"Cy"_s);
    }
};

QTEST_GUILESS_MAIN(RosterModelTest)
#include "rostermodeltest.moc"
