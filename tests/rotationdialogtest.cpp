#include "rotationdialog.h"

#include "dialogdriver.h"
#include "domain/hourwindows.h"
#include "itemmodels/rotationcommands.h"
#include "itemmodels/shiftrangemodel.h"
#include "mainwindow.h"
#include "pooldialog.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "store/database.h"
#include "testutil.h"
#include "timezonecombo.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimeEdit>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Tandem;

class RotationDialogTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // A team with two developers and two ops engineers, and an ops pool of the ops.
    static QString makeDatabase(const QTemporaryDir &dir)
    {
        const QString path = dir.filePath(u"rotations.sqlite"_s);
        auto db = Database::open(path);
        if (!db) {
            qFatal("%s", qPrintable(db.errorMessage()));
        }
        RosterService roster(*db.value());
        auto team = roster.addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s});
        OpsPool pool;
        pool.name = u"Payments ops"_s;
        const struct
        {
            const char16_t *name;
            const char16_t *email;
            Role role;
        } people[] = {{u"Ada", u"ada@example.com", Role::Developer},
                      {u"Ben", u"ben@example.com", Role::Developer},
                      {u"Cleo", u"cleo@example.com", Role::Operations},
                      {u"Dan", u"dan@example.com", Role::Operations}};
        for (const auto &p : people) {
            Person person = Test::makePerson(QString::fromUtf16(p.name), QString::fromUtf16(p.email), p.role);
            person.teams = {team->id};
            auto added = roster.addPerson(person);
            if (p.role == Role::Operations) {
                pool.members.append(added->id);
            }
        }
        if (!RotationService(*db.value()).addPool(pool)) {
            qFatal("cannot add the pool");
        }
        return path;
    }

    static std::unique_ptr<RotationDialog> makeDialog(Workspace &ws)
    {
        Workspace *w = &ws;
        return std::make_unique<RotationDialog>(
            ws.roster().teams().value_or({}), ws.roster().people().value_or({}), ws.rotations().pools().value_or({}),
            [w](const Rotation &r) -> Status {
                auto added = w->rotationEditor().addRotation(r);
                return added ? Status() : Status(added.error());
            },
            [w](const OpsPool &p) { return w->rotationEditor().addPool(p); });
    }

    static QPushButton *okButton(QWidget *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

private Q_SLOTS:
    void initTestCase() { Test::usePrivateHome(m_home, u"rotationdialogtest"_s); }

    void invalidFieldsKeepOkDisabled()
    {
        QTemporaryDir dir;
        auto ws = Workspace::open(makeDatabase(dir));
        QVERIFY(ws);
        auto dialog = makeDialog(*ws.value());
        auto *name = dialog->findChild<QLineEdit *>(u"nameEdit"_s);
        auto *message = dialog->findChild<QLabel *>(u"messageLabel"_s);
        // Defaults: the team, its zone and the only pool; only the name is missing, quietly.
        QCOMPARE(dialog->findChild<QComboBox *>(u"teamCombo"_s)->currentText(), u"Payments"_s);
        QCOMPARE(dialog->findChild<TimeZoneCombo *>(u"timeZoneCombo"_s)->timeZone(), u"Europe/Berlin"_s);
        QVERIFY(!okButton(dialog.get())->isEnabled());
        QCOMPARE(message->text(), QString());

        QTest::keyClicks(name, u"Payments on call"_s);
        QVERIFY(okButton(dialog.get())->isEnabled());

        auto *zone = dialog->findChild<TimeZoneCombo *>(u"timeZoneCombo"_s);
        zone->setEditText(u"Mars/Olympus"_s);
        QVERIFY2(message->text().contains(u"not a known time zone"_s), qPrintable(message->text()));
        QVERIFY(!okButton(dialog.get())->isEnabled());
        zone->setTimeZone(u"Europe/Berlin"_s);
        QVERIFY(okButton(dialog.get())->isEnabled());

        for (int day = 1; day <= 7; ++day) {
            dialog->findChild<QCheckBox *>(u"activeDay%1"_s.arg(day))->setChecked(false);
        }
        QVERIFY2(message->text().contains(u"at least one day"_s), qPrintable(message->text()));
        QVERIFY(!okButton(dialog.get())->isEnabled());
        // OK cannot be forced either.
        dialog->accept();
        QVERIFY(ws.value()->rotations().rotations()->isEmpty());
    }

    void validRotationIsAddedAndUndone()
    {
        QTemporaryDir dir;
        auto opened = Workspace::open(makeDatabase(dir));
        QVERIFY(opened);
        Workspace &ws = *opened.value();
        auto dialog = makeDialog(ws);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Payments on call"_s);
        dialog->findChild<QSpinBox *>(u"lengthSpin"_s)->setValue(24);
        dialog->findChild<QComboBox *>(u"lengthUnitCombo"_s)->setCurrentIndex(0); // hours
        dialog->findChild<QCheckBox *>(u"activeDay6"_s)->setChecked(false);
        dialog->findChild<QCheckBox *>(u"activeDay7"_s)->setChecked(false);
        auto *newDevelopers = dialog->findChild<QListWidget *>(u"newDevelopersList"_s);
        QCOMPARE(newDevelopers->count(), 2); // the team's developers
        newDevelopers->item(0)->setCheckState(Qt::Checked);
        QVERIFY(okButton(dialog.get())->isEnabled());
        if (const QString shots = qEnvironmentVariable("TANDEM_SCREENSHOT_DIR"); !shots.isEmpty()) {
            QDir().mkpath(shots);
            dialog->show();
            dialog->grab().save(shots + u"/rotationdialog.png"_s);
            dialog->findChild<QTabWidget *>(u"rotationTabs"_s)->setCurrentIndex(1);
            dialog->grab().save(shots + u"/rotationdialog-rules.png"_s);
        }
        QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));

        auto rotations = ws.rotations().rotations();
        QVERIFY(rotations);
        QCOMPARE(rotations->size(), 1);
        const Rotation stored = rotations->first();
        QCOMPARE(stored.name, u"Payments on call"_s);
        QCOMPARE(stored.shiftMinutes, 24 * 60);
        QCOMPARE(stored.activeDays, 0x1f); // Monday to Friday
        QCOMPARE(stored.rules.newDevelopers.size(), 1);
        QCOMPARE(ws.undoStack().undoText(), u"Add rotation Payments on call"_s);

        ws.undoStack().undo();
        QVERIFY(ws.rotations().rotations()->isEmpty());
        ws.undoStack().redo();
        QCOMPARE(ws.rotations().rotations()->size(), 1);
        QCOMPARE(ws.rotations().rotations()->first().shiftMinutes, 24 * 60);

        // Editing shows the stored length in its largest unit, and the service's refusal of a
        // name already used keeps the dialog open, pointing at the name.
        auto second = makeDialog(ws);
        QTest::keyClicks(second->findChild<QLineEdit *>(u"nameEdit"_s), u"payments ON CALL"_s);
        second->show();
        QTest::mouseClick(okButton(second.get()), Qt::LeftButton);
        QVERIFY(second->isVisible());
        QVERIFY2(second->findChild<QLabel *>(u"messageLabel"_s)->text().contains(u"already a rotation"_s),
                 qPrintable(second->findChild<QLabel *>(u"messageLabel"_s)->text()));
        QCOMPARE(ws.rotations().rotations()->size(), 1);
    }

    // Issue 17: the hours a rotation runs, with presets and an editable list, undone as one edit.
    void hoursInTheDialog()
    {
        QTemporaryDir dir;
        auto opened = Workspace::open(makeDatabase(dir));
        QVERIFY(opened);
        Workspace &ws = *opened.value();
        auto dialog = makeDialog(ws);
        dialog->show();
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Office hours"_s);
        auto *tabs = dialog->findChild<QTabWidget *>(u"rotationTabs"_s);
        auto *hours = dialog->findChild<QWidget *>(u"hourWindows"_s);
        QVERIFY(hours);
        QCOMPARE(hours->accessibleName(), u"Hours"_s);
        tabs->setCurrentWidget(hours);
        auto *always = dialog->findChild<QRadioButton *>(u"allTheTimeRadio"_s);
        QVERIFY(always->isChecked());
        QVERIFY(dialog->rotation().windows.isEmpty());

        // The business-hours preset: one row, Monday to Friday 09:00-17:00.
        auto *presets = dialog->findChild<QComboBox *>(u"windowPresetCombo"_s);
        presets->setFocus();
        const int business = presets->findText(u"Business hours"_s, Qt::MatchStartsWith);
        QVERIFY(business > 0);
        QMetaObject::invokeMethod(presets, "activated", Q_ARG(int, business));
        QVERIFY(dialog->findChild<QRadioButton *>(u"onlyInsideRadio"_s)->isChecked());
        QCOMPARE(windowsText(dialog->rotation().windows), u"Mon-Fri 09:00-17:00"_s);
        QCOMPARE(dialog->findChild<QComboBox *>(u"windowFromDay1"_s)->accessibleName(), u"Window 1: first day"_s);

        // Add a second window with the keyboard (Add Window), make it Saturday 10:00-12:00.
        auto *add = dialog->findChild<QPushButton *>(u"addWindowButton"_s);
        QCOMPARE(add->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
        add->setFocus();
        QTest::keyClick(add, Qt::Key_Space);
        dialog->findChild<QComboBox *>(u"windowFromDay2"_s)->setCurrentIndex(5);
        dialog->findChild<QComboBox *>(u"windowToDay2"_s)->setCurrentIndex(5);
        dialog->findChild<QTimeEdit *>(u"windowFrom2"_s)->setTime(QTime(10, 0));
        dialog->findChild<QTimeEdit *>(u"windowTo2"_s)->setTime(QTime(12, 0));
        QCOMPARE(windowsText(dialog->rotation().windows), u"Mon-Fri 09:00-17:00; Sat 10:00-12:00"_s);
        QVERIFY(okButton(dialog.get())->isEnabled());

        // An overlap keeps OK disabled and says which windows.
        dialog->findChild<QComboBox *>(u"windowFromDay2"_s)->setCurrentIndex(4); // Friday
        dialog->findChild<QComboBox *>(u"windowToDay2"_s)->setCurrentIndex(4);
        QVERIFY(!okButton(dialog.get())->isEnabled());
        QVERIFY2(dialog->findChild<QLabel *>(u"messageLabel"_s)->text().contains(u"overlap"_s),
                 qPrintable(dialog->findChild<QLabel *>(u"messageLabel"_s)->text()));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"removeWindow2"_s), Qt::LeftButton);
        QVERIFY(okButton(dialog.get())->isEnabled());
        // "Only inside these hours" with no window left is refused, never saved as all the time.
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"removeWindow1"_s), Qt::LeftButton);
        QVERIFY(dialog->findChild<QRadioButton *>(u"onlyInsideRadio"_s)->isChecked());
        QVERIFY(!okButton(dialog.get())->isEnabled());
        QVERIFY2(dialog->findChild<QLabel *>(u"messageLabel"_s)->text().contains(u"add a window"_s),
                 qPrintable(dialog->findChild<QLabel *>(u"messageLabel"_s)->text()));
        QMetaObject::invokeMethod(presets, "activated", Q_ARG(int, business));
        QCOMPARE(windowsText(dialog->rotation().windows), u"Mon-Fri 09:00-17:00"_s);
        QVERIFY(okButton(dialog.get())->isEnabled());
        if (const QString shots = qEnvironmentVariable("TANDEM_SCREENSHOT_DIR"); !shots.isEmpty()) {
            QDir().mkpath(shots);
            dialog->grab().save(shots + u"/rotationdialog-hours.png"_s);
        }
        QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QCOMPARE(ws.rotations().rotations()->first().windows, windowPreset(WindowPreset::BusinessHours));

        // Editing shows them; undo and redo carry them.
        auto edit = makeDialog(ws);
        edit->setRotation(ws.rotations().rotations()->first());
        QVERIFY(edit->findChild<QRadioButton *>(u"onlyInsideRadio"_s)->isChecked());
        QCOMPARE(edit->rotation().windows, windowPreset(WindowPreset::BusinessHours));
        ws.undoStack().undo();
        QVERIFY(ws.rotations().rotations()->isEmpty());
        ws.undoStack().redo();
        QCOMPARE(ws.rotations().rotations()->first().windows, windowPreset(WindowPreset::BusinessHours));
    }

    // Issue 14: only the command line could set a rotation's colour and forbidden pairs.
    void colourAndForbiddenPairsInTheDialog()
    {
        QTemporaryDir dir;
        auto opened = Workspace::open(makeDatabase(dir));
        QVERIFY(opened);
        Workspace &ws = *opened.value();
        auto dialog = makeDialog(ws);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Payments on call"_s);
        auto *color = dialog->findChild<QComboBox *>(u"colorCombo"_s);
        color->setCurrentIndex(color->findText(u"Orange"_s));
        auto *dev = dialog->findChild<QComboBox *>(u"forbidDevCombo"_s);
        auto *ops = dialog->findChild<QComboBox *>(u"forbidOpsCombo"_s);
        QCOMPARE(dev->count(), 2); // the team's developers
        QCOMPARE(ops->count(), 2); // people with production access
        dev->setCurrentIndex(dev->findText(u"Ben"_s));
        ops->setCurrentIndex(ops->findText(u"Dan"_s));
        dialog->findChild<QPushButton *>(u"addForbiddenButton"_s)->click();
        dev->setCurrentIndex(dev->findText(u"Ada"_s));
        dialog->findChild<QPushButton *>(u"addForbiddenButton"_s)->click();
        auto *list = dialog->findChild<QListWidget *>(u"forbiddenPairsList"_s);
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->text(), u"Ben with Dan"_s);
        list->setCurrentRow(1);
        dialog->findChild<QPushButton *>(u"removeForbiddenButton"_s)->click();
        QCOMPARE(list->count(), 1);
        QVERIFY(okButton(dialog.get())->isEnabled());
        QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));

        const Rotation stored = ws.rotations().rotations()->first();
        QCOMPARE(stored.color, ShiftRangeModel::palette().at(1).name());
        QCOMPARE(stored.rules.forbiddenPairs.size(), 1);
        QCOMPARE(ws.roster().person(stored.rules.forbiddenPairs.first().first).value()->name, u"Ben"_s);
        QCOMPARE(ws.roster().person(stored.rules.forbiddenPairs.first().second).value()->name, u"Dan"_s);

        // Editing shows them again, and keeps them when nothing is touched.
        auto edit = makeDialog(ws);
        edit->setRotation(stored);
        QCOMPARE(edit->findChild<QComboBox *>(u"colorCombo"_s)->currentText(), u"Orange"_s);
        QCOMPARE(edit->findChild<QListWidget *>(u"forbiddenPairsList"_s)->count(), 1);
        QCOMPARE(edit->rotation().rules.forbiddenPairs, stored.rules.forbiddenPairs);
        QCOMPARE(edit->rotation().color, stored.color);
        Rotation custom = stored;
        custom.color = u"#123456"_s;
        edit->setRotation(custom);
        QCOMPARE(edit->rotation().color, u"#123456"_s);
    }

    void newPoolFromTheDialog()
    {
        QTemporaryDir dir;
        auto opened = Workspace::open(makeDatabase(dir));
        QVERIFY(opened);
        Workspace &ws = *opened.value();
        auto dialog = makeDialog(ws);
        dialog->show();
        Test::onNextDialog([](QWidget *modal) {
            auto *pool = qobject_cast<PoolDialog *>(modal);
            QVERIFY(pool);
            auto *members = pool->findChild<QListWidget *>(u"poolMemberList"_s);
            QCOMPARE(members->count(), 2); // only people with production access
            QTest::keyClicks(pool->findChild<QLineEdit *>(u"poolNameEdit"_s), u"Night ops"_s);
            QVERIFY(!okButton(pool)->isEnabled()); // no member yet
            members->item(1)->setCheckState(Qt::Checked);
            QVERIFY(okButton(pool)->isEnabled());
            QTest::mouseClick(okButton(pool), Qt::LeftButton);
        });
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"newPoolButton"_s), Qt::LeftButton);
        auto *pools = dialog->findChild<QComboBox *>(u"poolCombo"_s);
        QCOMPARE(pools->count(), 2);
        QVERIFY(pools->currentText().startsWith(u"Night ops"_s));
        QCOMPARE(ws.rotations().pools()->size(), 2);
        QCOMPARE(ws.undoStack().undoText(), u"Add ops pool Night ops"_s);
    }

    void rotationsMenuInTheMainWindow()
    {
        QTemporaryDir dir;
        const QString path = makeDatabase(dir);
        MainWindow window;
        QVERIFY(window.openDatabase(path));
        auto *newRotation = window.findChild<QAction *>(u"actionNewRotation"_s);
        auto *editRotation = window.findChild<QAction *>(u"actionEditRotation"_s);
        auto *plan = window.findChild<QAction *>(u"actionPlan"_s);
        QVERIFY(newRotation && editRotation && plan);
        QVERIFY(newRotation->isEnabled());
        QVERIFY(!editRotation->isEnabled());
        QVERIFY(!plan->isEnabled());

        Test::onNextDialog([](QWidget *modal) {
            auto *dialog = qobject_cast<RotationDialog *>(modal);
            QVERIFY(dialog);
            QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Payments on call"_s);
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        });
        newRotation->trigger();
        QCOMPARE(window.workspace()->rotations().rotations()->size(), 1);
        QVERIFY(editRotation->isEnabled());
        QVERIFY(plan->isEnabled());

        // Undo through the window's own action.
        window.findChild<QAction *>(u"actionUndo"_s)->trigger();
        QVERIFY(window.workspace()->rotations().rotations()->isEmpty());
        QVERIFY(!plan->isEnabled());
    }
};

QTEST_MAIN(RotationDialogTest)
#include "rotationdialogtest.moc"
