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
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
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

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    // The real executable with LANG=lang (LANGUAGE and LC_* removed, as in a desktop session that
    // sets only LANG), on the test's own data and configuration folders.
    Run tandem(const QString &lang, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"LC_ALL"_s);
        env.remove(u"LC_MESSAGES"_s);
        env.remove(u"LANGUAGE"_s);
        env.insert(u"LANG"_s, lang);
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.remove(u"DISPLAY"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"minimal"_s);
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TANDEM_EXE), args);
        if (!process.waitForFinished(60000)) {
            qWarning() << "tandem did not finish" << args;
        }
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
    }

    // Qt's help wraps long descriptions: compare texts with their runs of white space as one space.
    static QString flat(const QString &text)
    {
        static const QRegularExpression space(u"\\s+"_s);
        return QString(text).replace(space, u" "_s).trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::usePrivateHome(m_home, u"translationtest"_s);
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

    // The commands' own messages, not only `tandem --help`: an error, a usage error, a command's
    // help, a table and a confirmation with a count, each in German under LANG=de_DE and in
    // English under LANG=C.
    void commandLineMessagesFollowTheSystemLocale_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("err");
        const QString db = m_home.filePath(u"cli.sqlite"_s);
        const QString csv = m_home.filePath(u"team.csv"_s);
        const QStringList import{u"--db"_s, db, u"roster"_s, u"import"_s, csv};
        const QStringList list{u"--db"_s, db, u"roster"_s, u"list"_s};
        const QStringList noTeam{u"--db"_s, db, u"roster"_s, u"list"_s, u"--team"_s, u"Nowhere"_s};
        const QStringList extra{u"--db"_s, db, u"roster"_s, u"list"_s, u"extra"_s};
        const QStringList help{u"roster"_s, u"list"_s, u"--help"_s};
        const QStringList nothing{u"--db"_s,       db,        u"shifts"_s,    u"list"_s, u"--from"_s,
                                  u"2026-03-02"_s, u"--to"_s, u"2026-03-08"_s};
        const QString de = u"de_DE.UTF-8"_s;
        const QString c = u"C.UTF-8"_s;
        // The first import adds one person and creates one team: the count takes the singular.
        QTest::newRow("de: import")
            << de << import << 0 << u"1 hinzugefügt, 0 aktualisiert, 0 unverändert, 0 übersprungen, 1 Team angelegt"_s
            << QString();
        QTest::newRow("C: import") << c << import << 0
                                   << u"0 added, 0 updated, 1 unchanged, 0 skipped, 0 teams created"_s << QString();
        QTest::newRow("de: table") << de << list << 0 << u"E-MAIL"_s << QString();
        QTest::newRow("de: role") << de << list << 0 << u"Entwickler"_s << QString();
        QTest::newRow("C: table") << c << list << 0 << u"EMAIL"_s << QString();
        QTest::newRow("de: error") << de << noTeam << 1 << QString() << u"kein Team namens „Nowhere“"_s;
        QTest::newRow("C: error") << c << noTeam << 1 << QString() << u"no team named “Nowhere”"_s;
        QTest::newRow("de: usage") << de << extra << 2 << QString()
                                   << u"roster list nimmt keine Argumente (siehe tandem --help)"_s;
        QTest::newRow("C: usage") << c << extra << 2 << QString()
                                  << u"roster list takes no arguments (see tandem --help)"_s;
        QTest::newRow("de: help") << de << help << 0 << u"Nur die Personen des Teams NAME."_s << QString();
        QTest::newRow("de: help usage") << de << help << 0 << u"Aufruf: tandem roster list"_s << QString();
        QTest::newRow("C: help") << c << help << 0 << u"Only the people of team NAME."_s << QString();
        QTest::newRow("de: nothing") << de << nothing << 0 << u"Keine Schichten von 2026-03-02 bis 2026-03-08."_s
                                     << QString();
        QTest::newRow("C: nothing") << c << nothing << 0 << u"No shifts from 2026-03-02 to 2026-03-08."_s << QString();
    }

    void commandLineMessagesFollowTheSystemLocale()
    {
        QFETCH(QString, lang);
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, out);
        QFETCH(QString, err);
        if (!QFile::exists(m_home.filePath(u"team.csv"_s))) {
            QVERIFY(Test::writeFile(m_home.filePath(u"team.csv"_s),
                                    "name,email,role,team,timezone,phone,capacity,production_access\n"
                                    "Ada Lovelace,ada@example.com,developer,Payments,Europe/London,+44 20 1,1,no\n"));
        }
        const Run run = tandem(lang, args);
        const QString both = run.out + run.err;
        QVERIFY2(run.exitCode == exitCode, qPrintable(both));
        QVERIFY2(run.out.contains(out), qPrintable(run.out));
        QVERIFY2(run.err.contains(err), qPrintable(run.err));
    }

    // Every command's --help in German: its description and every option's description are
    // translated (none reads as the English of `tandem --cli-reference`, which the build writes the
    // man page from in English), and the usage line reads "Aufruf:".
    void everyCommandHelpIsGerman()
    {
        const Run reference = tandem(u"C.UTF-8"_s, {u"--cli-reference"_s});
        QCOMPARE(reference.exitCode, 0);
        const QJsonArray commands =
            QJsonDocument::fromJson(reference.out.toUtf8()).object().value(u"commands"_s).toArray();
        QVERIFY(commands.size() >= 30);
        for (const QJsonValue &value : commands) {
            const QJsonObject command = value.toObject();
            QStringList args;
            for (const QJsonValue &word : command.value(u"words"_s).toArray()) {
                args.append(word.toString());
            }
            const QString name = args.join(u' ');
            args.append(u"--help"_s);
            const Run english = tandem(u"C.UTF-8"_s, args);
            const Run german = tandem(u"de_DE.UTF-8"_s, args);
            QVERIFY2(english.exitCode == 0 && german.exitCode == 0, qPrintable(name));
            QVERIFY2(german.out.startsWith(u"Aufruf: tandem "_s), qPrintable(name + u": "_s + german.out));
            QStringList texts{command.value(u"description"_s).toString()};
            for (const QString &key : {u"options"_s, u"arguments"_s}) {
                for (const QJsonValue &entry : command.value(key).toArray()) {
                    texts.append(entry.toObject().value(u"description"_s).toString());
                }
            }
            texts.removeAll(QString()); // swap accept and its siblings have no description of their own
            for (const QString &text : std::as_const(texts)) {
                // The check can fail: the English help holds the text it looks for.
                QVERIFY2(flat(english.out).contains(flat(text)), qPrintable(name + u": "_s + text));
                QVERIFY2(!flat(german.out).contains(flat(text)),
                         qPrintable(name + u": not translated: “"_s + text + u"”"_s));
            }
        }
    }
};

QTEST_MAIN(TranslationTest)
#include "translationtest.moc"
