#include "home/remindersettingsdialog.h"

#include "home/remindertray.h"
#include "testutil.h"

#include <QCheckBox>
#include <QDir>
#include <QSettings>
#include <QSpinBox>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The reminder settings dialog: it shows what was chosen, gives back what the user ticks (no
/// lead time twice), offers the tray only where there is one, and what it gives back survives
/// a save and a load (settings and the autostart entry in temporary XDG folders).
class ReminderSettingsDialogTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

    static QCheckBox *box(QDialog &dialog, const QString &textStart)
    {
        for (QCheckBox *b : dialog.findChildren<QCheckBox *>()) {
            if (b->text().startsWith(textStart)) {
                return b;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() { Test::usePrivateHome(m_home, u"remindersettingsdialogtest"_s); }

    void showsAndReturnsTheChoice()
    {
        ReminderSettings chosen;
        chosen.leadMinutes = {24 * 60, 0, 3 * 60};
        chosen.keepInTray = true;
        ReminderSettingsDialog dialog(chosen, true);
        QCheckBox *day = box(dialog, u"&24 hours"_s);
        QCheckBox *hour = box(dialog, u"&1 hour"_s);
        QCheckBox *handoff = box(dialog, u"At the &handoff"_s);
        QCheckBox *tray = box(dialog, u"&Keep running"_s);
        auto *custom = dialog.findChild<QSpinBox *>(u"customHours"_s);
        QVERIFY(day && hour && handoff && tray && custom);
        QVERIFY(day->isChecked());
        QVERIFY(!hour->isChecked());
        QVERIFY(handoff->isChecked());
        QCOMPARE(custom->value(), 3);
        QVERIFY(tray->isEnabled() && tray->isChecked());
        QCOMPARE(dialog.settings().leadMinutes, (QList<int>{24 * 60, 0, 3 * 60}));

        // The user ticks the hour before and sets the other time to one hour as well: once only.
        hour->setChecked(true);
        custom->setValue(1);
        day->setChecked(false);
        QCOMPARE(dialog.settings().leadMinutes, (QList<int>{60, 0}));
        // "No other time".
        custom->setValue(0);
        QCOMPARE(custom->text(), u"no other time"_s);
        handoff->setChecked(false);
        QCOMPARE(dialog.settings().leadMinutes, QList<int>{60});
    }

    void noTrayNoKeepingInIt()
    {
        ReminderSettings chosen;
        chosen.keepInTray = true;
        ReminderSettingsDialog dialog(chosen, false);
        QCheckBox *tray = box(dialog, u"&Keep running"_s);
        QVERIFY(tray);
        QVERIFY(!tray->isEnabled());
        QVERIFY(!tray->isChecked());
        QVERIFY(!tray->toolTip().isEmpty());
        QCOMPARE(dialog.settings().keepInTray, false);
    }

    void whatItReturnsIsSavedAndLoaded()
    {
        ReminderSettingsDialog dialog(ReminderSettings(), true);
        box(dialog, u"&24 hours"_s)->setChecked(false);
        box(dialog, u"&1 hour"_s)->setChecked(true);
        dialog.findChild<QSpinBox *>(u"customHours"_s)->setValue(12);
        box(dialog, u"&Keep running"_s)->setChecked(true);
        dialog.findChild<QCheckBox *>(u"startAtLogin"_s)->setChecked(true);
        const ReminderSettings chosen = dialog.settings();
        const Status saved = chosen.save();
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
        const ReminderSettings loaded = ReminderSettings::load();
        QCOMPARE(loaded.leadMinutes, chosen.leadMinutes);
        QVERIFY(loaded.leadMinutes.contains(12 * 60));
        QVERIFY(!loaded.leadMinutes.contains(24 * 60));
        QCOMPARE(loaded.keepInTray, true);
        QCOMPARE(loaded.startAtLogin, true);
        // The autostart entry is a real file in the temporary XDG_CONFIG_HOME.
        QVERIFY(!QDir(m_home.filePath(u"config/autostart"_s)).entryList(QDir::Files).isEmpty());
    }
};

QTEST_MAIN(ReminderSettingsDialogTest)
#include "remindersettingsdialogtest.moc"
