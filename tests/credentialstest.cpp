// QtKeychain against a real Secret Service (GNOME Keyring on a private session bus: see
// with-keyring.sh). Passwords go there and nowhere else.

#include "sync/credentials.h"

#include "testutil.h"

#include <QDirIterator>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace Tandem;

class CredentialsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesReadsAndRemovesAPassword()
    {
        const QUrl url(u"https://cal.example.com/dav/calendars/alice/oncall/"_s);
        QVERIFY2(Credentials::write(url, u"alice"_s, u"s3cret-Pa55"_s), "no Secret Service on the session bus?");
        auto read = Credentials::read(url, u"alice"_s);
        QVERIFY2(read, qPrintable(read.errorMessage()));
        QCOMPARE(read.value(), u"s3cret-Pa55"_s);

        // Another user of the same server is another entry.
        auto other = Credentials::read(url, u"bob"_s);
        QVERIFY(!other);
        QVERIFY2(other.errorMessage().contains(u"No password"_s), qPrintable(other.errorMessage()));

        QVERIFY(Credentials::write(url, u"alice"_s, u"changed"_s));
        QCOMPARE(Credentials::read(url, u"alice"_s).value(), u"changed"_s);
        QVERIFY(Credentials::remove(url, u"alice"_s));
        QVERIFY(!Credentials::read(url, u"alice"_s));
        QVERIFY(Credentials::remove(url, u"alice"_s)); // removing twice is fine
    }

    void entryNamesCarryNoSecret()
    {
        const QString name =
            Credentials::entryName(QUrl(u"https://alice:pw@cal.example.com/dav/?token=abc#x"_s), u"alice"_s);
        QVERIFY(!name.contains(u"pw"_s));
        QVERIFY(!name.contains(u"token"_s));
        QVERIFY(name.contains(u"cal.example.com/dav/"_s));
    }

    void settingsFilesNeverHoldThePassword()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QUrl url(u"https://cal.example.com/x/"_s);
        QVERIFY(Credentials::write(url, u"carol"_s, u"unique-password-7781"_s));
        // Nothing under the config or data folders carries it in clear.
        for (const auto location : {QStandardPaths::GenericConfigLocation, QStandardPaths::AppDataLocation}) {
            QDirIterator it(QStandardPaths::writableLocation(location), QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QVERIFY2(!Test::readFile(it.next()).contains("unique-password-7781"), qPrintable(it.filePath()));
            }
        }
        QVERIFY(Credentials::remove(url, u"carol"_s));
    }
};

QTEST_GUILESS_MAIN(CredentialsTest)
#include "credentialstest.moc"
