// The rotation dialog's Onboarding tab, offscreen: the shadow shifts needed, the developers
// onboarding with their progress, and Confirm Ready Developer (keyboard and accessible names);
// the calendar's undoable shadow edit through the workspace's ShiftEditor.

#include "onboardingpage.h"

#include "itemmodels/shiftcommands.h"
#include "rotationdialog.h"
#include "services/onboardingservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "services/shiftservice.h"
#include "store/database.h"
#include "store/shiftrepository.h"
#include "testutil.h"

#include <QApplication>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Tandem;

class OnboardingPageTest : public QObject
{
    Q_OBJECT

private:
    static Person developer(const QString &name, TeamId team)
    {
        Person p = Test::makePerson(name, name.toLower() + u"@example.com"_s);
        p.id = PersonId::create();
        p.teams = {team};
        return p;
    }

private Q_SLOTS:
    void confirmReadyTrainee()
    {
        const Team team{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        const Person ada = developer(u"Ada"_s, team.id);
        const Person ben = developer(u"Ben"_s, team.id);
        const Person tina = developer(u"Tina"_s, team.id);
        Person ops = Test::makePerson(u"Olga"_s, u"olga@example.com"_s, Role::Operations);
        ops.id = PersonId::create();
        ops.productionAccess = true;
        const OpsPool pool{PoolId::create(), u"Ops"_s, {ops.id}};
        Rotation submitted;
        RotationDialog dialog({team}, {ada, ben, tina, ops}, {pool},
                              [&submitted](const Rotation &r) -> Status {
                                  submitted = r;
                                  return {};
                              },
                              {});
        Rotation r;
        r.id = RotationId::create();
        r.teamId = team.id;
        r.name = u"Primary"_s;
        r.opsPoolId = pool.id;
        r.timeZone = u"Europe/Berlin"_s;
        r.startDate = QDate(2026, 3, 2);
        r.rules.shadowShiftsNeeded = 2;
        r.rules.trainees = {ben.id, tina.id};
        dialog.setRotation(r);
        TraineeProgress benProgress{ben, 1, 1, 2};
        TraineeProgress tinaProgress{tina, 2, 0, 2};
        dialog.setOnboardingProgress({benProgress, tinaProgress});

        auto *tabs = dialog.findChild<QTabWidget *>(u"rotationTabs"_s);
        auto *page = dialog.findChild<OnboardingPage *>(u"onboardingPage"_s);
        QVERIFY(tabs && page);
        tabs->setCurrentWidget(page);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *spin = page->findChild<QSpinBox *>(u"shadowShiftsSpin"_s);
        auto *list = page->findChild<QListWidget *>(u"traineesList"_s);
        auto *confirm = page->findChild<QPushButton *>(u"confirmTraineeButton"_s);
        QVERIFY(spin && list && confirm);
        QVERIFY(!spin->accessibleName().isEmpty());
        QVERIFY(!list->accessibleName().isEmpty());
        QCOMPARE(spin->value(), 2);
        QCOMPARE(list->count(), 3); // the team's developers, by name
        QCOMPARE(list->item(0)->text(), u"Ada"_s);
        QCOMPARE(list->item(0)->checkState(), Qt::Unchecked);
        QCOMPARE(list->item(1)->text(), u"Ben: 1 of 2 shadow shifts, 1 planned"_s);
        QCOMPARE(list->item(2)->text(), u"Tina: 2 of 2 shadow shifts, ready to confirm"_s);

        // Not ready: no confirmation. Ready: confirm by keyboard.
        list->setFocus();
        list->setCurrentRow(1);
        QVERIFY(!confirm->isEnabled());
        list->setCurrentRow(2);
        QVERIFY(confirm->isEnabled());
        QVERIFY(confirm->focusPolicy() & Qt::TabFocus);
        confirm->setFocus();
        QTest::keyClick(confirm, Qt::Key_Space);
        QCOMPARE(list->item(2)->checkState(), Qt::Unchecked);
        QCOMPARE(dialog.rotation().rules.trainees, QList<PersonId>{ben.id});

        // Onboard Ada with the space bar, ask for 3 shadow shifts; OK submits it all.
        list->setCurrentRow(0);
        QTest::keyClick(list, Qt::Key_Space);
        QCOMPARE(list->item(0)->checkState(), Qt::Checked);
        spin->setValue(3);
        dialog.accept();
        QCOMPARE(submitted.rules.shadowShiftsNeeded, 3);
        QCOMPARE(submitted.rules.trainees, (QList<PersonId>{ada.id, ben.id}));
    }

    void shadowEditIsUndoable()
    {
        QTemporaryDir dir;
        FakeClock clock{Test::fixedNow()};
        auto db = Test::openFresh(dir, clock);
        RosterService roster(*db);
        const auto team = roster.addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s});
        QVERIFY(team);
        QList<Person> people;
        for (const auto &[name, role] : {std::pair{u"Ada"_s, Role::Developer}, std::pair{u"Tina"_s, Role::Developer},
                                         std::pair{u"Olga"_s, Role::Operations}}) {
            Person p = Test::makePerson(name, name.toLower() + u"@example.com"_s, role);
            p.teams = {team->id};
            auto added = roster.addPerson(p);
            QVERIFY2(added, qPrintable(added.errorMessage()));
            people << added.value();
        }
        auto pool = RotationService(*db).addPool(OpsPool{{}, u"Ops"_s, {people.at(2).id}});
        QVERIFY(pool);
        Rotation r;
        r.teamId = team->id;
        r.name = u"Primary"_s;
        r.opsPoolId = pool->id;
        r.timeZone = u"Europe/Berlin"_s;
        r.shiftMinutes = 24 * 60;
        r.startDate = QDate(2026, 3, 16);
        auto rotation = RotationService(*db).addRotation(r);
        QVERIFY(rotation);
        Shift s;
        s.id = ShiftId::create();
        s.rotationId = rotation->id;
        s.start = QDateTime(QDate(2026, 3, 20), QTime(8, 0), Qt::UTC);
        s.end = s.start.addDays(1);
        s.dev = people.at(0).id;
        s.ops = people.at(2).id;
        QVERIFY(ShiftRepository(*db).insert(s));

        ShiftService service(*db);
        QUndoStack stack;
        ShiftEditor editor(service, &stack);
        QVERIFY(editor.setShadow(s.id, people.at(1).id, people.at(1).name));
        QCOMPARE(stack.undoText(), u"Let Tina shadow the shift"_s);
        QCOMPARE(ShiftRepository(*db).find(s.id).value()->shadow, people.at(1).id);
        stack.undo();
        QVERIFY(ShiftRepository(*db).find(s.id).value()->shadow.isNull());
        stack.redo();
        QCOMPARE(ShiftRepository(*db).find(s.id).value()->shadow, people.at(1).id);
        // The developer of the shift cannot shadow it: refused, nothing on the stack.
        QVERIFY(!editor.setShadow(s.id, people.at(0).id, people.at(0).name));
        QCOMPARE(stack.count(), 1);
    }
};

QTEST_MAIN(OnboardingPageTest)
#include "onboardingpagetest.moc"
