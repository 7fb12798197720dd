#include "persondialog.h"

#include "teamdialog.h"
#include "testutil.h"
#include "timezonecombo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tandem;

class PersonDialogTest : public QObject
{
    Q_OBJECT

private:
    static QPushButton *okButton(PersonDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

private Q_SLOTS:
    void validatesAsYouType()
    {
        PersonDialog dialog({}, {});
        dialog.show();
        auto *name = dialog.findChild<QLineEdit *>(u"nameEdit"_s);
        auto *email = dialog.findChild<QLineEdit *>(u"emailEdit"_s);
        auto *message = dialog.findChild<QLabel *>(u"messageLabel"_s);
        QVERIFY(name && email && message);
        QVERIFY(!okButton(dialog)->isEnabled());
        QTest::keyClicks(name, u"Ada Lovelace"_s);
        QTest::keyClicks(email, u"ada@"_s);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY2(message->text().contains(u"not an e-mail"_s), qPrintable(message->text()));
        QTest::keyClicks(email, u"example.com"_s);
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(message->text().isEmpty());
    }

    void productionAccessFollowsTheRoleUntilSetByHand()
    {
        PersonDialog dialog({}, {});
        auto *role = dialog.findChild<QComboBox *>(u"roleCombo"_s);
        auto *access = dialog.findChild<QCheckBox *>(u"productionAccessCheck"_s);
        QVERIFY(!access->isChecked());
        role->setCurrentIndex(role->findData(int(Role::Operations)));
        QVERIFY(access->isChecked());
        role->setCurrentIndex(role->findData(int(Role::Developer)));
        QVERIFY(!access->isChecked());
        access->click(); // the user decides
        role->setCurrentIndex(role->findData(int(Role::Operations)));
        role->setCurrentIndex(role->findData(int(Role::Developer)));
        QVERIFY(access->isChecked());
        QVERIFY(dialog.findChild<QLabel *>(u"messageLabel"_s)->text().contains(u"separation of duties"_s));
    }

    void aRefusalKeepsTheDialogOpenWithTheReason()
    {
        int calls = 0;
        PersonDialog dialog({}, [&calls](const Person &) -> Status {
            ++calls;
            return Error{u"ada@example.com is already the e-mail of Ada."_s, u"email"_s};
        });
        dialog.setPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s));
        dialog.show();
        okButton(dialog)->click();
        QCOMPARE(calls, 1);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.findChild<QLabel *>(u"messageLabel"_s)->text().contains(u"already"_s));
    }

    void editingShowsEveryField()
    {
        const Team team{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        Person p = Test::makePerson(u"Bob"_s, u"bob@example.com"_s, Role::Operations);
        p.id = PersonId::create();
        p.teams = {team.id};
        p.phone = u"+49 30 5"_s;
        p.capacity = 0.5;
        p.senior = true;
        PersonDialog dialog({team}, {});
        dialog.setPerson(p);
        QCOMPARE(dialog.person(), p);
        QVERIFY(dialog.windowTitle().contains(u"Bob"_s));
    }

    // New Team and Add Person pre-fill the system zone: on many servers and containers that is
    // Etc/UTC, a link that Qt does not list. It must not be refused before anything is typed.
    void thePrefilledZoneIsAccepted_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::newRow("Etc/UTC") << u"Etc/UTC"_s;
        QTest::newRow("UTC") << u"UTC"_s;
        QTest::newRow("Europe/Berlin") << u"Europe/Berlin"_s;
        QTest::newRow("system") << QString::fromUtf8(QTimeZone::systemTimeZoneId());
    }

    void thePrefilledZoneIsAccepted()
    {
        QFETCH(QString, zone);
        PersonDialog dialog({}, {});
        dialog.findChild<TimeZoneCombo *>(u"timeZoneCombo"_s)->setTimeZone(zone);
        dialog.show();
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"nameEdit"_s), u"Ada Lovelace"_s);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"emailEdit"_s), u"ada@example.com"_s);
        QVERIFY2(okButton(dialog)->isEnabled(), qPrintable(dialog.findChild<QLabel *>(u"messageLabel"_s)->text()));
        QCOMPARE(dialog.person().timeZone, zone);

        TeamDialog team({});
        team.findChild<TimeZoneCombo *>(u"teamTimeZoneCombo"_s)->setTimeZone(zone);
        QTest::keyClicks(team.findChild<QLineEdit *>(u"teamNameEdit"_s), u"Payments"_s);
        QVERIFY(team.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        QCOMPARE(team.team().timeZone, zone);
    }

    void aPathIsNotAZone()
    {
        PersonDialog dialog({}, {});
        dialog.findChild<TimeZoneCombo *>(u"timeZoneCombo"_s)->setTimeZone(u"../../etc/passwd"_s);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"nameEdit"_s), u"Ada Lovelace"_s);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"emailEdit"_s), u"ada@example.com"_s);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>(u"messageLabel"_s)->text().contains(u"not a known time zone"_s));
    }

    void aNewPersonsZoneFollowsTheTeamUntilChosen()
    {
        const Team payments{TeamId::create(), u"Payments"_s, u"Europe/Berlin"_s};
        const Team platform{TeamId::create(), u"Platform"_s, u"America/New_York"_s};
        PersonDialog dialog({payments, platform}, {});
        dialog.setPerson(Person());
        auto *teams = dialog.findChild<QListWidget *>(u"teamList"_s);
        auto *zone = dialog.findChild<TimeZoneCombo *>(u"timeZoneCombo"_s);
        teams->item(1)->setCheckState(Qt::Checked);
        QCOMPARE(zone->timeZone(), u"America/New_York"_s);
        teams->item(1)->setCheckState(Qt::Unchecked);
        teams->item(0)->setCheckState(Qt::Checked);
        QCOMPARE(zone->timeZone(), u"Europe/Berlin"_s);
        // Once the user picks a zone, teams no longer change it.
        zone->setCurrentIndex(zone->findText(u"Asia/Tokyo"_s));
        teams->item(0)->setCheckState(Qt::Unchecked);
        teams->item(1)->setCheckState(Qt::Checked);
        QCOMPARE(zone->timeZone(), u"Asia/Tokyo"_s);

        // Someone already on the roster keeps their zone when a team is added.
        Person bob = Test::makePerson(u"Bob"_s, u"bob@example.com"_s);
        bob.id = PersonId::create();
        bob.timeZone = u"Asia/Kolkata"_s;
        PersonDialog edit({payments, platform}, {});
        edit.setPerson(bob);
        edit.findChild<QListWidget *>(u"teamList"_s)->item(1)->setCheckState(Qt::Checked);
        QCOMPARE(edit.person().timeZone, u"Asia/Kolkata"_s);
    }
};

QTEST_MAIN(PersonDialogTest)
#include "persondialogtest.moc"
