#include "teamdialog.h"

#include "testutil.h"
#include "timezonecombo.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The team dialog submitting to the roster service on a real database: OK stays off until the
/// team has a name and a known zone, a refusal of the service keeps the dialog open with its
/// reason, and what is accepted is in the database.
class TeamDialogTest : public QObject
{
    Q_OBJECT

    FakeClock m_clock{Test::fixedNow()};
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<RosterService> m_roster;

    TeamDialog::Submit submit()
    {
        return [this](const Team &team) -> Status {
            if (team.id.isNull()) {
                auto added = m_roster->addTeam(team);
                return added ? Status() : Status(added.error());
            }
            return m_roster->updateTeam(team);
        };
    }

    static QPushButton *ok(TeamDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    static QLabel *message(TeamDialog &dialog) { return dialog.findChild<QLabel *>(u"messageLabel"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = Test::openFresh(m_dir, m_clock);
        m_roster = std::make_unique<RosterService>(*m_db);
    }

    void createsATeam()
    {
        TeamDialog dialog(submit());
        dialog.show();
        auto *name = dialog.findChild<QLineEdit *>(u"teamNameEdit"_s);
        auto *zone = dialog.findChild<TimeZoneCombo *>(u"teamTimeZoneCombo"_s);
        QVERIFY(name && zone && message(dialog));
        QCOMPARE(dialog.windowTitle(), u"New Team"_s);
        // Nothing typed yet: OK is off, and no error is shouted at an empty form.
        QVERIFY(!ok(dialog)->isEnabled());
        QVERIFY(message(dialog)->text().isEmpty());
        zone->setTimeZone(u"Europe/Berlin"_s);
        QTest::keyClicks(name, u"  Payments "_s);
        QVERIFY(ok(dialog)->isEnabled());
        // Spaces only is no name.
        name->setText(u"   "_s);
        QVERIFY(!ok(dialog)->isEnabled());
        QVERIFY2(message(dialog)->text().contains(u"Team name is empty"_s), qPrintable(message(dialog)->text()));
        name->setText(u"  Payments "_s);
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto teams = m_roster->teams().value();
        QCOMPARE(teams.size(), 1);
        QCOMPARE(teams.first().name, u"Payments"_s); // trimmed
        QCOMPARE(teams.first().timeZone, u"Europe/Berlin"_s);
    }

    void anUnknownZoneIsSaid()
    {
        TeamDialog dialog(submit());
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"teamNameEdit"_s), u"Platform"_s);
        dialog.findChild<TimeZoneCombo *>(u"teamTimeZoneCombo"_s)->setTimeZone(u"Mars/Olympus"_s);
        QVERIFY(!ok(dialog)->isEnabled());
        QVERIFY2(message(dialog)->text().contains(u"not a known time zone"_s), qPrintable(message(dialog)->text()));
    }

    void aRefusalKeepsTheDialogOpen()
    {
        // A second team named Payments: the service refuses, the dialog says why and stays.
        TeamDialog dialog(submit());
        dialog.show();
        dialog.findChild<TimeZoneCombo *>(u"teamTimeZoneCombo"_s)->setTimeZone(u"Europe/Berlin"_s);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"teamNameEdit"_s), u"payments"_s);
        QVERIFY(ok(dialog)->isEnabled());
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY2(message(dialog)->text().contains(u"already a team named"_s), qPrintable(message(dialog)->text()));
        QCOMPARE(m_roster->teams()->size(), 1);
    }

    void renamesATeam()
    {
        const Team payments = m_roster->teams()->first();
        TeamDialog dialog(submit());
        dialog.setTeam(payments);
        QCOMPARE(dialog.windowTitle(), u"Edit Team Payments"_s);
        auto *name = dialog.findChild<QLineEdit *>(u"teamNameEdit"_s);
        QCOMPARE(name->text(), u"Payments"_s);
        name->setText(u"Payments & Billing"_s);
        dialog.findChild<TimeZoneCombo *>(u"teamTimeZoneCombo"_s)->setTimeZone(u"America/New_York"_s);
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto teams = m_roster->teams().value();
        QCOMPARE(teams.size(), 1);
        QCOMPARE(teams.first().id, payments.id);
        QCOMPARE(teams.first().name, u"Payments & Billing"_s);
        QCOMPARE(teams.first().timeZone, u"America/New_York"_s);
    }
};

QTEST_MAIN(TeamDialogTest)
#include "teamdialogtest.moc"
