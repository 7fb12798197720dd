// Two Tandem instances on one machine, each with its own database and settings, share a
// rotation through a real Radicale with the command line only, and trade a shift.

#include "clirunner.h"
#include "ical/icalcodec.h"
#include "radicale.h"
#include "sync/caldavclient.h"
#include "testutil.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Test;

using Run = Tandem::Test::CliRun;

class CliSyncTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    RadicaleServer m_server;

    // One instance: its own data and config folders (so its own demo database and identity); its
    // "now" is Test::cliNow() (tandem-testclock), so the dates below do not move at midnight.
    Run tandem(const QString &instance, const QStringList &args)
    {
        QProcessEnvironment env = Tandem::Test::cliEnvironment(m_dir.filePath(instance), Tandem::Test::cliNow());
        env.insert(u"TANDEM_CALDAV_PASSWORD"_s, u"unused-with-auth-none"_s);
        return Tandem::Test::runCli(QStringLiteral(TANDEM_EXE), args, env, 120000);
    }

    // Every byte an instance wrote (databases, settings): where a password must never be.
    QByteArray everythingWritten(const QString &instance)
    {
        QByteArray all;
        QDirIterator it(m_dir.filePath(instance), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            all += readFile(it.next());
        }
        return all;
    }

    QJsonArray shifts(const QString &instance, const QStringList &db)
    {
        const QDate today = Tandem::Test::cliNow().date();
        const Run r = tandem(instance, db + QStringList{u"shifts"_s, u"list"_s, u"--rotation"_s, u"Payments on call"_s,
                                                        u"--from"_s, today.addDays(-7).toString(Qt::ISODate), u"--to"_s,
                                                        today.addDays(70).toString(Qt::ISODate), u"--json"_s});
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }

    void twoInstancesShareARotationAndTradeAShift()
    {
        const QString url = m_server.url(u"/alice/payments/"_s).toString();
        const QStringList a{u"--demo"_s};
        const QStringList b{u"--db"_s, m_dir.filePath(u"b.sqlite"_s)};
        const QDate today = Tandem::Test::cliNow().date();

        // Lead A plans two months and shares the team, creating the calendar.
        Run r = tandem(u"a"_s, a + QStringList{u"plan"_s, u"--rotation"_s, u"Payments on call"_s, u"--from"_s,
                                               today.toString(Qt::ISODate), u"--to"_s,
                                               today.addDays(62).toString(Qt::ISODate)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem(u"a"_s, a + QStringList{u"sync"_s, u"--team"_s, u"Payments"_s, u"--url"_s, url, u"--user"_s,
                                           u"alice"_s, u"--create"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"Synced"_s), qPrintable(r.out));

        // B joins with an empty database and gets the same shifts.
        r = tandem(u"b"_s, b + QStringList{u"sync"_s, u"--url"_s, url, u"--user"_s, u"alice"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray onA = shifts(u"a"_s, a);
        QVERIFY(onA.size() >= 8);
        QCOMPARE(shifts(u"b"_s, b), onA);

        // A developer asks a colleague on instance A for a trade the rules allow.
        QString requestId;
        QString shiftId;
        QString requester;
        QString colleague;
        for (qsizetype i = 1; i < onA.size() && requestId.isEmpty(); ++i) {
            for (qsizetype j = i + 2; j < onA.size() && requestId.isEmpty(); ++j) {
                const QJsonObject mine = onA[i].toObject();
                const QJsonObject theirs = onA[j].toObject();
                if (mine[u"dev_email"_s] == theirs[u"dev_email"_s]) {
                    continue;
                }
                r = tandem(u"a"_s,
                           a + QStringList{u"swap"_s, u"request"_s, u"--shift"_s, mine[u"id"_s].toString(), u"--with"_s,
                                           theirs[u"dev_email"_s].toString(), u"--their-shift"_s,
                                           theirs[u"id"_s].toString(), u"--person"_s, mine[u"dev_email"_s].toString()});
                if (r.exitCode == 0) {
                    requestId = r.out.section(u"request "_s, 1).section(u' ', 0, 0);
                    shiftId = mine[u"id"_s].toString();
                    requester = mine[u"dev_email"_s].toString();
                    colleague = theirs[u"dev_email"_s].toString();
                }
            }
        }
        QVERIFY2(!requestId.isEmpty(), "no trade the rules allow");
        QVERIFY(tandem(u"a"_s, a + QStringList{u"sync"_s}).exitCode == 0);

        // The colleague accepts on instance B; the trade reaches A.
        QVERIFY(tandem(u"b"_s, b + QStringList{u"sync"_s}).exitCode == 0);
        r = tandem(u"b"_s, b + QStringList{u"swap"_s, u"accept"_s, requestId, u"--person"_s, colleague});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(tandem(u"b"_s, b + QStringList{u"sync"_s}).exitCode == 0);
        r = tandem(u"a"_s, a + QStringList{u"sync"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const QJsonValue &v : shifts(u"a"_s, a)) {
            if (v[u"id"_s].toString() == shiftId) {
                QCOMPARE(v[u"dev_email"_s].toString(), colleague);
            }
        }
        QCOMPARE(shifts(u"a"_s, a), shifts(u"b"_s, b));

        // Both instances say they are in step.
        r = tandem(u"a"_s, a + QStringList{u"sync"_s, u"status"_s, u"--json"_s});
        const QJsonObject status = QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
        QCOMPARE(status[u"pending"_s].toInt(), 0);
        QCOMPARE(status[u"conflicts"_s].toArray().size(), 0);
        QCOMPARE(status[u"url"_s].toString(), url);
    }

    // 2. A password typed into the address: refused unless the user says to take it, and then
    // never stored or printed with the address.
    void aPasswordInTheAddressIsNeverStoredNorPrinted()
    {
        QUrl url = m_server.url(u"/alice/secretive/"_s);
        const QString plain = url.toString();
        url.setUserName(u"alice"_s);
        url.setPassword(u"hunter2-secret"_s);
        const QStringList c{u"--demo"_s};
        Run r = tandem(
            u"c"_s, c + QStringList{u"sync"_s, u"--team"_s, u"Payments"_s, u"--url"_s, url.toString(), u"--create"_s});
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.err.contains(u"--use-url-credentials"_s), qPrintable(r.err));
        QVERIFY(!r.err.contains(u"hunter2-secret"_s));
        r = tandem(u"c"_s, c + QStringList{u"sync"_s, u"--team"_s, u"Payments"_s, u"--url"_s, url.toString(),
                                           u"--create"_s, u"--use-url-credentials"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const QStringList &args : {QStringList{u"sync"_s, u"status"_s, u"--json"_s},
                                        QStringList{u"sync"_s, u"status"_s}, QStringList{u"sync"_s}}) {
            r = tandem(u"c"_s, c + args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(!(r.out + r.err).contains(u"hunter2-secret"_s), qPrintable(r.out));
        }
        r = tandem(u"c"_s, c + QStringList{u"sync"_s, u"status"_s, u"--json"_s});
        const QJsonObject status = QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
        QCOMPARE(status[u"url"_s].toString(), plain);
        QCOMPARE(status[u"user"_s].toString(), u"alice"_s);
        QVERIFY(!everythingWritten(u"c"_s).contains("hunter2-secret"));
    }

    // 7. The command line speaks of its own options, warns about plain HTTP, and shows a refused
    // certificate so it can be compared with the administrator's word.
    void theCommandLineNamesItsOptions()
    {
        const QStringList d{u"--demo"_s};
        Run r = tandem(u"d"_s, d + QStringList{u"sync"_s, u"--team"_s, u"Payments"_s, u"--url"_s,
                                               m_server.url(u"/dora/"_s).toString(), u"--user"_s, u"dora"_s});
        QVERIFY2(r.exitCode == 1, qPrintable(r.out));
        QVERIFY2(r.err.contains(u"--create"_s), qPrintable(r.err));
        QVERIFY2(!r.err.contains(u"Turn on"_s, Qt::CaseInsensitive) && !r.err.contains(u"“"_s), qPrintable(r.err));

        r = tandem(u"d"_s, d + QStringList{u"sync"_s, u"--team"_s, u"Payments"_s, u"--url"_s,
                                           m_server.url(u"/dora/plain/"_s).toString(), u"--user"_s, u"dora"_s,
                                           u"--create"_s, u"--allow-http"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(u"warning"_s) && r.err.contains(u"--allow-http"_s) && r.err.contains(u"unencrypted"_s),
                 qPrintable(r.err));

        QTemporaryDir dir;
        const QString cert = dir.filePath(u"cert.pem"_s);
        const QString key = dir.filePath(u"key.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
                                     u"-subj"_s, u"/CN=127.0.0.1/O=Tandem Test"_s, u"-keyout"_s, key, u"-out"_s, cert});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0, "openssl could not make a certificate");
        RadicaleServer tls;
        tls.setTls(cert, key);
        QVERIFY2(tls.start(), qPrintable(tls.errorString()));
        r = tandem(u"d"_s, d + QStringList{u"sync"_s, u"--team"_s, u"Search"_s, u"--url"_s,
                                           tls.url(u"/dora/tls/"_s).toString(), u"--user"_s, u"dora"_s, u"--create"_s});
        QVERIFY2(r.exitCode == 1, qPrintable(r.out));
        const QString fingerprint = QString::fromLatin1(
            QSslCertificate::fromPath(cert).first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
        for (const QString &word : {u"Subject: "_s, u"Issuer: "_s, u"Valid: "_s, u"SHA-256: "_s, fingerprint}) {
            QVERIFY2(r.err.contains(word), qPrintable(word + u" missing in: "_s + r.err));
        }
    }

    // 3. Joining with a database that has a team of the same name (and the same people): the
    // error names the choices; renaming joins, with people matched by e-mail.
    void joiningWithATeamOfTheSameNameOffersLinkOrRename()
    {
        const QString url = m_server.url(u"/erin/payments/"_s).toString();
        const QStringList e{u"--demo"_s};
        Run r = tandem(u"e"_s, e + QStringList{u"sync"_s, u"--team"_s, u"Payments"_s, u"--url"_s, url, u"--user"_s,
                                               u"erin"_s, u"--create"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Another lead's demo database: the same team names and e-mails, other ids.
        const QStringList f{u"--demo"_s};
        r = tandem(u"f"_s, f + QStringList{u"sync"_s, u"--url"_s, url, u"--user"_s, u"erin"_s});
        QVERIFY2(r.exitCode == 1, qPrintable(r.out));
        QVERIFY2(!r.err.contains(u"UNIQUE"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"--link-team"_s) && r.err.contains(u"--rename-team"_s), qPrintable(r.err));
        r = tandem(u"f"_s, f + QStringList{u"sync"_s, u"--url"_s, url, u"--user"_s, u"erin"_s, u"--rename-team"_s,
                                           u"Payments (mine)"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"matched by e-mail"_s), qPrintable(r.out));
        r = tandem(u"f"_s, f + QStringList{u"roster"_s, u"list"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QSet<QString> emails;
        for (const QJsonValue &p : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            const QString email = p[u"email"_s].toString().toLower();
            QVERIFY2(!emails.contains(email), qPrintable(email));
            emails.insert(email);
        }
        r = tandem(u"f"_s, f + QStringList{u"sync"_s, u"status"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().first()[u"team"_s].toString(), u"Payments"_s);
    }

    // 8. Time off another calendar client put in the shared calendar: offered, imported on the
    // user's word only.
    void timeOffOfOtherClientsIsOfferedOnTheCommandLine()
    {
        const QString url = m_server.url(u"/gina/payments/"_s).toString();
        const QStringList g{u"--demo"_s};
        Run r = tandem(u"g"_s, g + QStringList{u"sync"_s, u"--team"_s, u"Payments"_s, u"--url"_s, url, u"--user"_s,
                                               u"gina"_s, u"--create"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem(u"g"_s, g + QStringList{u"roster"_s, u"list"_s, u"--team"_s, u"Payments"_s, u"--json"_s});
        const QString email = QJsonDocument::fromJson(r.out.toUtf8()).array().first()[u"email"_s].toString();
        QVERIFY2(!email.isEmpty(), qPrintable(r.out));
        DavSettings settings;
        settings.url = QUrl(url);
        settings.username = u"gina"_s;
        CalDavClient other(settings);
        const QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other//EN\r\nBEGIN:VEVENT\r\n"
                               "UID:ooo-cli-1\r\nDTSTAMP:20260301T000000Z\r\nDTSTART;VALUE=DATE:20300805\r\n"
                               "DTEND;VALUE=DATE:20300808\r\nSUMMARY:Out of office\r\nORGANIZER:mailto:" +
                               email.toUtf8() + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        QVERIFY(std::holds_alternative<QByteArray>(other.put(other.hrefFor(u"ooo-cli-1"_s), ics, {})));
        r = tandem(u"g"_s, g + QStringList{u"sync"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem(u"g"_s, g + QStringList{u"sync"_s, u"status"_s});
        QVERIFY2(r.out.contains(u"time off offered: 1"_s), qPrintable(r.out));
        r = tandem(u"g"_s, g + QStringList{u"sync"_s, u"timeoff"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray offers = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(offers.size(), 1);
        QCOMPARE(offers[0][u"from"_s].toString(), u"2030-08-05"_s);
        QCOMPARE(offers[0][u"to"_s].toString(), u"2030-08-07"_s);
        r = tandem(u"g"_s, g + QStringList{u"timeoff"_s, u"list"_s, u"--person"_s, email, u"--json"_s});
        QVERIFY2(!r.out.contains(u"2030-08-05"_s), qPrintable(r.out)); // not taken silently
        r = tandem(u"g"_s, g + QStringList{u"sync"_s, u"timeoff"_s, u"--import"_s, u"ooo-cli-1"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem(u"g"_s, g + QStringList{u"timeoff"_s, u"list"_s, u"--person"_s, email, u"--json"_s});
        QVERIFY2(r.out.contains(u"2030-08-05"_s) && r.out.contains(u"2030-08-07"_s), qPrintable(r.out));
        r = tandem(u"g"_s, g + QStringList{u"sync"_s, u"timeoff"_s});
        QVERIFY2(r.out.contains(u"No time off offered"_s), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(CliSyncTest)
#include "clisynctest.moc"
