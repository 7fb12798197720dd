#include "identitydialog.h"

#include "testutil.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QPushButton>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// "Who are you?" over a roster from a real database: the current identity preselected, search
/// by any part of a name or an e-mail, OK only for someone on the roster, "Nobody" forgets.
class IdentityDialogTest : public QObject
{
    Q_OBJECT

    FakeClock m_clock{Test::fixedNow()};
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QList<Person> m_people;

    static QPushButton *ok(IdentityDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = Test::openFresh(m_dir, m_clock);
        RosterService roster(*m_db);
        for (const auto &[name, email] : {std::pair{u"Ada Lovelace"_s, u"ada@example.com"_s},
                                          std::pair{u"Markus Weber"_s, u"markus.weber@example.com"_s},
                                          std::pair{u"Grace Hopper"_s, u"grace@example.org"_s}}) {
            QVERIFY(roster.addPerson(Test::makePerson(name, email)));
        }
        m_people = roster.people().value();
        QCOMPARE(m_people.size(), 3);
    }

    void preselectsWhoIAm()
    {
        IdentityDialog dialog(m_people, u"Markus.Weber@EXAMPLE.com"_s);
        QCOMPARE(dialog.combo()->currentText(), u"Markus Weber <markus.weber@example.com>"_s);
        QCOMPARE(dialog.email(), u"markus.weber@example.com"_s);
        QVERIFY(ok(dialog)->isEnabled());
    }

    void nobodyForgetsTheIdentity()
    {
        IdentityDialog dialog(m_people, u"someone.gone@example.com"_s);
        QCOMPARE(dialog.combo()->currentIndex(), 0); // not on the roster: nobody
        QCOMPARE(dialog.email(), QString());
        QCOMPARE(dialog.combo()->count(), 4);
    }

    void onlySomeoneOnTheRosterIsAccepted()
    {
        IdentityDialog dialog(m_people, QString());
        dialog.show();
        dialog.combo()->setEditText(u"Someone Else"_s);
        QVERIFY(!ok(dialog)->isEnabled());
        QCOMPARE(dialog.email(), QString());
        dialog.combo()->setEditText(u"Grace Hopper <grace@example.org>"_s);
        QVERIFY(ok(dialog)->isEnabled());
        QCOMPARE(dialog.email(), u"grace@example.org"_s);
    }

    void findsByAnyPartOfNameOrEmail()
    {
        IdentityDialog dialog(m_people, QString());
        QCompleter *completer = dialog.combo()->completer();
        completer->setCompletionPrefix(u"WEBER"_s);
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(), u"Markus Weber <markus.weber@example.com>"_s);
        completer->setCompletionPrefix(u"example.com"_s);
        QCOMPARE(completer->completionCount(), 2);
        completer->setCompletionPrefix(u"nobody here"_s);
        QCOMPARE(completer->completionCount(), 0);
    }
};

QTEST_MAIN(IdentityDialogTest)
#include "identitydialogtest.moc"
