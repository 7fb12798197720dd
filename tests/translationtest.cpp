// The German translation as a user meets it: the main window's menus, counted messages, and the
// executable choosing it from the system locale. (check_translation.py, the test `translation_de`,
// checks that every message of the sources has a finished translation with its placeholders.)
#include "apptranslator.h"
#include "clirunner.h"
#include "mainwindow.h"
#include "services/reminders.h"
#include "testutil.h"

#include <QAction>
#include <QApplication>
#include <QHash>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace Tandem;

class TranslationTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QTranslator m_english;
    AppTranslator m_german;

    // Every visible entry of the menu (and its submenus) has its own mnemonic letter.
    static void checkMnemonics(const QString &where, const QList<QAction *> &actions)
    {
        QHash<QChar, QString> taken;
        for (QAction *action : actions) {
            if (action->isSeparator() || !action->isVisible() || action->text().isEmpty()) {
                continue;
            }
            const QChar letter = Test::mnemonic(action->text());
            QVERIFY2(!letter.isNull(), qPrintable(where + u": “"_s + action->text() + u"” has no mnemonic"_s));
            QVERIFY2(!taken.contains(letter), qPrintable(where + u": “"_s + action->text() + u"” and “"_s +
                                                         taken.value(letter) + u"” share &"_s + letter));
            taken.insert(letter, action->text());
            if (action->menu()) {
                checkMnemonics(where + u" ▸ "_s + action->text(), action->menu()->actions());
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
        QCoreApplication::setOrganizationName(u"TandemTest"_s);
        QCoreApplication::setApplicationName(u"translationtest"_s);
        // As main.cpp does: English (plural forms) underneath, German over it.
        QVERIFY(m_english.load(u":/i18n/tandem_en.qm"_s));
        QVERIFY(m_german.loadFor(QLocale(QLocale::German, QLocale::Germany), u":/i18n"_s));
        QCoreApplication::installTranslator(&m_english);
        QCoreApplication::installTranslator(&m_german);
    }

    void mainWindowMenusAreGerman()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openDatabase(dir.filePath(u"tandem.sqlite"_s)));
        QStringList titles;
        for (QAction *action : window.menuBar()->actions()) {
            titles.append(action->text());
        }
        QCOMPARE(titles, (QStringList{u"&Datei"_s, u"&Bearbeiten"_s, u"&Rotationen"_s, u"&Ansicht"_s, u"&Hilfe"_s}));
        auto *file = window.menuBar()->actions().constFirst()->menu();
        QStringList entries;
        for (QAction *action : file->actions()) {
            entries.append(action->text());
        }
        QVERIFY2(entries.contains(u"Datenbank &öffnen…"_s), qPrintable(entries.join(u", "_s)));
        QVERIFY2(entries.contains(u"&Beenden"_s), qPrintable(entries.join(u", "_s)));
    }

    void everyMenuHasUniqueMnemonics()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openDatabase(dir.filePath(u"tandem.sqlite"_s)));
        checkMnemonics(u"menu bar"_s, window.menuBar()->actions());
    }

    void countsTakeTheGermanPlural_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1 person") << u"Tandem::MainWindow"_s << u"%n people"_s << 1 << u"1 Person"_s;
        QTest::newRow("12 people") << u"Tandem::MainWindow"_s << u"%n people"_s << 12 << u"12 Personen"_s;
    }

    void countsTakeTheGermanPlural()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(int, count);
        QFETCH(QString, expected);
        QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData(), nullptr, count),
                 expected);
    }

    // models/ translates through one helper per file that names one context, and lupdate files a
    // tr() of a free function under the namespace and one of a nested class under that class:
    // these messages are found all the same (AppTranslator), as the code asks for them.
    void modelsMessagesAreGerman_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("validation") << u"Tandem::Validation"_s << u"Name is empty."_s << u"Der Name ist leer."_s;
        QTest::newRow("rule book") << u"Tandem::Planner"_s << u"%1 is inactive"_s << u"%1 ist inaktiv"_s;
        QTest::newRow("planner") << u"Tandem::Planner"_s << u"on leave"_s << u"abwesend"_s;
        QTest::newRow("ics precheck") << u"Tandem::Ical"_s << u"the RRULE has no FREQ."_s
                                      << u"die RRULE hat kein FREQ."_s;
        QTest::newRow("ical codec") << u"Tandem::Ical"_s << u"Phone: %1"_s << u"Telefon: %1"_s;
        QTest::newRow("csv") << u"Tandem::RosterCsv"_s << u"Column “%1” appears twice."_s
                             << u"Die Spalte „%1“ kommt zweimal vor."_s;
        QTest::newRow("sync run") << u"Tandem::SyncEngine"_s << u"Sending changes to the server"_s
                                  << u"Sende Änderungen an den Server"_s;
        QTest::newRow("sheet") << u"Tandem::Print::SheetRenderer"_s << u"— gap —"_s << u"— Lücke —"_s;
        QTest::newRow("exact context first") << u"Tandem::MainWindow"_s << u"&File"_s << u"&Datei"_s;
    }

    void modelsMessagesAreGerman()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()), expected);
    }

    // Reminders, the tray and Home count down to a shift: "in 3 Tagen 4 Stunden".
    void countdownReadsAsGerman_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("now") << 0 << u"jetzt"_s;
        QTest::newRow("1 minute") << 1 << u"in 1 Minute"_s;
        QTest::newRow("1 hour 30 minutes") << 90 << u"in 1 Stunde 30 Minuten"_s;
        QTest::newRow("1 day") << 24 * 60 << u"in 1 Tag"_s;
        QTest::newRow("3 days 4 hours") << (3 * 24 + 4) * 60 << u"in 3 Tagen 4 Stunden"_s;
    }

    void countdownReadsAsGerman()
    {
        QFETCH(int, minutes);
        QFETCH(QString, expected);
        const QDateTime from(QDate(2026, 3, 18), QTime(12, 0), Qt::UTC);
        QCOMPARE(countdownWords(from, from.addSecs(qint64(minutes) * 60)), expected);
    }

    // The executable picks its language from the environment, as a desktop session sets it.
    void executableFollowsTheSystemLocale_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("expected");
        QTest::newRow("LANG=de_DE") << QString() << u"de_DE.UTF-8"_s << u"Diese Hilfe"_s;
        QTest::newRow("LANG=de_AT") << QString() << u"de_AT.UTF-8"_s << u"Diese Hilfe"_s;
        QTest::newRow("LANGUAGE=de over English") << u"de"_s << u"en_US.UTF-8"_s << u"Diese Hilfe"_s;
        QTest::newRow("LANGUAGE=fr:de, no French") << u"fr:de"_s << u"fr_FR.UTF-8"_s << u"Diese Hilfe"_s;
        QTest::newRow("LANG=en_US") << QString() << u"en_US.UTF-8"_s << u"This help"_s;
        QTest::newRow("LANG=C") << QString() << u"C.UTF-8"_s << u"This help"_s;
        QTest::newRow("LANG=ja_JP: no Japanese") << QString() << u"ja_JP.UTF-8"_s << u"This help"_s;
    }

    void executableFollowsTheSystemLocale()
    {
        QFETCH(QString, language);
        QFETCH(QString, lang);
        QFETCH(QString, expected);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"LC_ALL"_s);
        env.remove(u"LC_MESSAGES"_s);
        env.remove(u"LANGUAGE"_s);
        if (!language.isEmpty()) {
            env.insert(u"LANGUAGE"_s, language);
        }
        env.insert(u"LANG"_s, lang);
        const Tandem::Test::CliRun run = Tandem::Test::runCli(QStringLiteral(TANDEM_EXE), {u"--help"_s}, env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(expected), qPrintable(run.out));
    }
};

QTEST_MAIN(TranslationTest)
#include "translationtest.moc"
