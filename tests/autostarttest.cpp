#include "home/autostart.h"

#include "home/remindertray.h"
#include "testutil.h"

#include <QProcess>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// "Start Tandem in the tray at login": the setting writes an XDG autostart entry that the
/// desktop accepts (desktop-file-validate) and that starts this Tandem minimized, removes it
/// again, and reads the desktop's own way of disabling it.
class AutostartTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
        QCoreApplication::setOrganizationName(u"TandemTest"_s);
        QCoreApplication::setApplicationName(u"autostarttest"_s);
    }

    void theEntryLivesInTheAutostartFolder()
    {
        QCOMPARE(Autostart::path(),
                 m_home.filePath(u"config/autostart/%1.desktop"_s.arg(QStringLiteral(TANDEM_APP_ID))));
    }

    void enableWritesAValidEntryAndDisableRemovesIt()
    {
        QVERIFY(!Autostart::isEnabled());
        QVERIFY(Autostart::setEnabled(true));
        QVERIFY(Autostart::isEnabled());
        const QString text = QString::fromUtf8(Test::readFile(Autostart::path()));
        // This test's executable is not the tandem on PATH: the entry names it by its path.
        QVERIFY2(text.contains(u"\nExec=%1 --minimized\n"_s.arg(QCoreApplication::applicationFilePath())),
                 qPrintable(text));
        QVERIFY(text.contains(u"\nIcon=%1\n"_s.arg(QStringLiteral(TANDEM_APP_ID))));
        // Skipped at login once this Tandem is gone (apt remove).
        QVERIFY2(text.contains(u"\nTryExec=%1\n"_s.arg(QCoreApplication::applicationFilePath())), qPrintable(text));
        const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
        if (validator.isEmpty()) {
            QFAIL("desktop-file-validate is not installed (Debian: desktop-file-utils; packaging/dev.sh installs it)");
        }
        QProcess validate;
        validate.start(validator, {Autostart::path()});
        QVERIFY(validate.waitForFinished(30000));
        QVERIFY2(validate.exitCode() == 0 && validate.readAll().isEmpty(), validate.readAll().constData());

        QVERIFY(Autostart::setEnabled(true)); // again: still one valid file
        QVERIFY(Autostart::isEnabled());
        QVERIFY(Autostart::setEnabled(false));
        QVERIFY(!QFile::exists(Autostart::path()));
        QVERIFY(!Autostart::isEnabled());
        QVERIFY(Autostart::setEnabled(false)); // nothing to remove is fine
    }

    void theDesktopMayDisableIt_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("Hidden") << QByteArray("Hidden=true\n");
        QTest::newRow("GNOME's switch") << QByteArray("X-GNOME-Autostart-enabled=false\n");
    }

    void theDesktopMayDisableIt()
    {
        QFETCH(QByteArray, line);
        QVERIFY(Autostart::setEnabled(true));
        QByteArray text = Test::readFile(Autostart::path());
        text.replace("X-GNOME-Autostart-enabled=true\n", "");
        QVERIFY(Test::writeFile(Autostart::path(), text + line));
        QVERIFY(!Autostart::isEnabled());
        QVERIFY(Autostart::setEnabled(false));
    }

    void theReminderSettingsCarryIt()
    {
        ReminderSettings settings = ReminderSettings::load();
        QVERIFY(!settings.startAtLogin);
        settings.startAtLogin = true;
        QVERIFY(settings.save());
        QVERIFY(QFile::exists(Autostart::path()));
        QVERIFY(ReminderSettings::load().startAtLogin);
        settings.startAtLogin = false;
        QVERIFY(settings.save());
        QVERIFY(!QFile::exists(Autostart::path()));
        QVERIFY(!ReminderSettings::load().startAtLogin);
    }

    void aFolderInTheWayIsReported()
    {
        // A file where the autostart folder should be: the error says where.
        QDir(m_home.filePath(u"config"_s)).removeRecursively();
        QVERIFY(QDir().mkpath(m_home.filePath(u"config"_s)));
        QVERIFY(Test::writeFile(m_home.filePath(u"config/autostart"_s), "not a folder"));
        const Status status = Autostart::setEnabled(true);
        QVERIFY(!status);
        QVERIFY2(status.errorMessage().contains(u"autostart"_s), qPrintable(status.errorMessage()));
        QVERIFY(QFile::remove(m_home.filePath(u"config/autostart"_s)));
    }
};

QTEST_GUILESS_MAIN(AutostartTest)
#include "autostarttest.moc"
