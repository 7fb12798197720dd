#include "persondialog.h"

#include "testutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

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
};

QTEST_MAIN(PersonDialogTest)
#include "persondialogtest.moc"
