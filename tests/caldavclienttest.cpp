#include "sync/caldavclient.h"

#include "httptestserver.h"
#include "radicale.h"
#include "testutil.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

template <typename T> QString errorOf(const DavResult<T> &result)
{
    const auto *error = std::get_if<DavError>(&result);
    return error
               ? u"kind %1, HTTP %2: %3"_s.arg(static_cast<int>(error->kind)).arg(error->httpStatus).arg(error->message)
               : QString();
}

template <typename T> DavError errorIn(const DavResult<T> &result)
{
    const auto *error = std::get_if<DavError>(&result);
    return error ? *error : DavError{DavError::Kind::Protocol, -1, u"(no error)"_s, {}};
}

QByteArray ics(const QString &uid, const QString &summary)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid.toUtf8() +
           "\r\nDTSTAMP:20260318T120000Z\r\nDTSTART:20260320T090000Z\r\nDTEND:20260320T100000Z\r\nSUMMARY:" +
           summary.toUtf8() + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
}

} // namespace

// Evaluates `result` once: Qt 6.4's QVERIFY2 evaluates its message even when the check passes.
#define DAV_VERIFY(result)                                                                                             \
    do {                                                                                                               \
        const auto &davResult = (result);                                                                              \
        QVERIFY2(davResult.index() == 0, qPrintable(errorOf(davResult)));                                              \
    } while (false)

/// A tiny HTTP server that only redirects, and records what it was asked.
class RedirectServer : public QObject
{
public:
    /// Paths starting with /hop go to /final on this server (301, relative Location),
    /// /loop to itself (302), anything else to `target` (307).
    explicit RedirectServer(QUrl target)
        : m_target(std::move(target)), m_http([this](const Test::HttpTestServer::Request &r) {
              methods.append(r.method);
              authorized.append(r.headers.contains("authorization"));
              QByteArray status = "307 Temporary Redirect";
              QByteArray location = m_target.toEncoded();
              if (r.path.startsWith("/hop")) {
                  status = "301 Moved Permanently";
                  location = "/final/";
              } else if (r.path.startsWith("/loop")) {
                  status = "302 Found";
                  location = "/loop/";
              }
              return "HTTP/1.1 " + status + "\r\nLocation: " + location +
                     "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
          })
    {}
    QUrl url(const QString &path) const { return m_http.url(path); }
    QList<QByteArray> methods;
    QList<bool> authorized;

private:
    QUrl m_target;
    Test::HttpTestServer m_http;
};

class CalDavClientTest : public QObject
{
    Q_OBJECT

private:
    DavSettings settingsFor(const QString &collection) const
    {
        DavSettings settings;
        settings.url = m_server->url(u"/alice/"_s + collection + u'/');
        // With auth none Radicale takes the user name as is; it creates /alice/ for her.
        settings.username = u"alice"_s;
        settings.password = u"unused"_s;
        settings.timeoutMs = 10000;
        return settings;
    }
    /// A fresh calendar collection for one test.
    std::unique_ptr<CalDavClient> calendar(const QString &collection)
    {
        auto client = std::make_unique<CalDavClient>(settingsFor(collection));
        const auto made = client->makeCalendar(collection);
        if (made.index() != 0 || !std::get<bool>(made)) {
            qWarning("makeCalendar %s: %s", qPrintable(collection), qPrintable(errorOf(made)));
            return nullptr;
        }
        return client;
    }

    std::unique_ptr<Test::RadicaleServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<Test::RadicaleServer>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void makeCalendarAndCollectionInfo()
    {
        CalDavClient client(settingsFor(u"made"_s));
        const auto missing = client.collectionInfo();
        QCOMPARE(errorIn(missing).kind, DavError::Kind::NotFound);
        QCOMPARE(errorIn(missing).httpStatus, 404);

        const auto made = client.makeCalendar(u"On call: Payments"_s);
        DAV_VERIFY(made);
        QVERIFY(std::get<bool>(made));
        // Radicale answers 409 resource-must-be-null for an existing collection: false, no error.
        const auto again = client.makeCalendar(u"Other"_s);
        DAV_VERIFY(again);
        QVERIFY(!std::get<bool>(again));

        const auto info = client.collectionInfo();
        DAV_VERIFY(info);
        const CollectionInfo &c = std::get<CollectionInfo>(info);
        QVERIFY(c.isCalendar);
        QCOMPARE(c.displayName, u"On call: Payments"_s);
        QVERIFY(c.supportsSyncCollection);
        QVERIFY(!c.syncToken.isEmpty());
        QVERIFY(!c.ctag.isEmpty());
        QCOMPARE(c.url, client.settings().url);
        QCOMPARE(client.requestCount(), 4);
    }

    void putCreateUpdateAndPreconditions()
    {
        auto client = calendar(u"put"_s);
        QVERIFY(client);
        const QString href = client->hrefFor(u"shift-1"_s);
        QCOMPARE(href, u"/alice/put/shift-1.ics"_s);

        const auto created = client->put(href, ics(u"shift-1"_s, u"Ada + Grace"_s), {});
        DAV_VERIFY(created);
        const QByteArray etag1 = std::get<QByteArray>(created);
        QVERIFY(!etag1.isEmpty());

        // If-None-Match: * on an existing resource: 412.
        const auto exists = client->put(href, ics(u"shift-1"_s, u"Someone else"_s), {});
        QCOMPARE(errorIn(exists).kind, DavError::Kind::PreconditionFailed);
        QCOMPARE(errorIn(exists).httpStatus, 412);
        QVERIFY2(errorIn(exists).message.contains(u"already exists"_s), qPrintable(errorIn(exists).message));

        const auto updated = client->put(href, ics(u"shift-1"_s, u"Ada + Linus"_s), etag1);
        DAV_VERIFY(updated);
        const QByteArray etag2 = std::get<QByteArray>(updated);
        QVERIFY(!etag2.isEmpty());
        QVERIFY(etag2 != etag1);

        // The old ETag is stale now.
        const auto stale = client->put(href, ics(u"shift-1"_s, u"Lost update"_s), etag1);
        QCOMPARE(errorIn(stale).kind, DavError::Kind::PreconditionFailed);
        QCOMPARE(errorIn(stale).httpStatus, 412);

        const auto items = client->multiget({href});
        DAV_VERIFY(items);
        QCOMPARE(std::get<QList<DavItem>>(items).size(), 1);
        const DavItem &item = std::get<QList<DavItem>>(items).first();
        QCOMPARE(item.href, href);
        QCOMPARE(item.etag, etag2); // the PUT's ETag is the one the server lists
        QVERIFY(item.data.contains("SUMMARY:Ada + Linus"));
        QVERIFY(!item.data.contains("Lost update"));
    }

    void hrefsAreCanonical()
    {
        auto client = calendar(u"hrefs"_s);
        QVERIFY(client);
        const QString uid = u"shift a+b@example.com"_s;
        const QString href = client->hrefFor(uid);
        QCOMPARE(href, u"/alice/hrefs/shift%20a%2Bb%40example.com.ics"_s);
        DAV_VERIFY(client->put(href, ics(uid, u"Odd uid"_s), {}));

        const auto listed = client->listEtags();
        DAV_VERIFY(listed);
        QCOMPARE(std::get<QList<DavItem>>(listed).size(), 1);
        QCOMPARE(std::get<QList<DavItem>>(listed).first().href, href);

        // Any spelling of the same resource comes back in the canonical one.
        const QString fullUrl = m_server->url(u"/alice/hrefs/"_s).toString() + u"shift%20a+b@example.com.ics"_s;
        const auto items = client->multiget({fullUrl});
        DAV_VERIFY(items);
        QCOMPARE(std::get<QList<DavItem>>(items).size(), 1);
        QCOMPARE(std::get<QList<DavItem>>(items).first().href, href);
    }

    void multigetInBatches()
    {
        auto client = calendar(u"many"_s);
        QVERIFY(client);
        QStringList hrefs;
        QHash<QString, QByteArray> etags;
        for (int i = 0; i < 250; ++i) {
            const QString uid = u"shift-%1"_s.arg(i);
            const QString href = client->hrefFor(uid);
            const auto put = client->put(href, ics(uid, u"Pair %1"_s.arg(i)), {});
            DAV_VERIFY(put);
            hrefs.append(href);
            etags.insert(href, std::get<QByteArray>(put));
        }
        hrefs.append(client->hrefFor(u"never-written"_s)); // 404 in the answer: left out

        QSignalSpy progress(client.get(), &CalDavClient::progress);
        const int before = client->requestCount();
        const auto items = client->multiget(hrefs);
        DAV_VERIFY(items);
        QCOMPARE(client->requestCount() - before, 3); // 100 + 100 + 51 hrefs
        QCOMPARE(progress.size(), 3);
        QCOMPARE(progress.at(0), (QVariantList{100, 251}));
        QCOMPARE(progress.at(2), (QVariantList{251, 251}));
        const auto &list = std::get<QList<DavItem>>(items);
        QCOMPARE(list.size(), 250);
        for (const DavItem &item : list) {
            QVERIFY2(etags.contains(item.href), qPrintable(item.href));
            QCOMPARE(item.etag, etags.value(item.href));
            QVERIFY(item.data.startsWith("BEGIN:VCALENDAR"));
        }
        QCOMPARE(client->multiget({}).index(), 0u);
        QCOMPARE(client->requestCount() - before, 3); // nothing asked, nothing sent
    }

    void syncCollectionInitialAndIncremental()
    {
        auto client = calendar(u"sync"_s);
        QVERIFY(client);
        const auto initial = client->syncCollection({});
        DAV_VERIFY(initial);
        const SyncChanges &first = std::get<SyncChanges>(initial);
        QVERIFY(!first.newToken.isEmpty());
        QVERIFY(first.changed.isEmpty());
        QVERIFY(first.removed.isEmpty());

        const QString a = client->hrefFor(u"a"_s);
        const QString b = client->hrefFor(u"b"_s);
        const auto putA = client->put(a, ics(u"a"_s, u"A"_s), {});
        const auto putB = client->put(b, ics(u"b"_s, u"B"_s), {});
        DAV_VERIFY(putA);
        DAV_VERIFY(putB);

        const auto second = client->syncCollection(first.newToken);
        DAV_VERIFY(second);
        const SyncChanges &changes = std::get<SyncChanges>(second);
        QVERIFY(changes.newToken != first.newToken);
        QCOMPARE(changes.changed.size(), 2);
        QVERIFY(changes.removed.isEmpty());
        QHash<QString, QByteArray> seen;
        for (const DavItem &item : changes.changed) {
            seen.insert(item.href, item.etag);
        }
        QCOMPARE(seen.value(a), std::get<QByteArray>(putA));
        QCOMPARE(seen.value(b), std::get<QByteArray>(putB));

        const auto removed = client->remove(a, std::get<QByteArray>(putA));
        DAV_VERIFY(removed);
        const auto third = client->syncCollection(changes.newToken);
        DAV_VERIFY(third);
        QVERIFY(std::get<SyncChanges>(third).changed.isEmpty());
        QCOMPARE(std::get<SyncChanges>(third).removed, QStringList{a});

        // Nothing changed: nothing listed.
        const auto quiet = client->syncCollection(std::get<SyncChanges>(third).newToken);
        DAV_VERIFY(quiet);
        QVERIFY(std::get<SyncChanges>(quiet).changed.isEmpty());
        QVERIFY(std::get<SyncChanges>(quiet).removed.isEmpty());

        // A new initial sync lists what is there, not what was removed.
        const auto again = client->syncCollection({});
        DAV_VERIFY(again);
        QCOMPARE(std::get<SyncChanges>(again).changed.size(), 1);
        QCOMPARE(std::get<SyncChanges>(again).changed.first().href, b);
    }

    void invalidSyncToken_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("unknown") << QByteArray("http://radicale.org/ns/sync/"
                                               "0000000000000000000000000000000000000000000000000000000000000000");
        QTest::newRow("garbage") << QByteArray("not-a-token");
    }
    void invalidSyncToken()
    {
        QFETCH(QByteArray, token);
        CalDavClient client(settingsFor(u"badtoken"_s));
        DAV_VERIFY(client.makeCalendar(u"badtoken"_s)); // false on the second row: it exists
        const auto result = client.syncCollection(token);
        QCOMPARE(errorIn(result).kind, DavError::Kind::InvalidSyncToken);
        QCOMPARE(errorIn(result).httpStatus, 403); // Radicale: 403 with DAV:valid-sync-token
    }

    void listEtagsAndRemove()
    {
        auto client = calendar(u"etags"_s);
        QVERIFY(client);
        QHash<QString, QByteArray> etags;
        for (const QString &uid : {u"x"_s, u"y"_s, u"z"_s}) {
            const auto put = client->put(client->hrefFor(uid), ics(uid, uid), {});
            DAV_VERIFY(put);
            etags.insert(client->hrefFor(uid), std::get<QByteArray>(put));
        }
        const auto listed = client->listEtags();
        DAV_VERIFY(listed);
        QHash<QString, QByteArray> got;
        for (const DavItem &item : std::get<QList<DavItem>>(listed)) {
            got.insert(item.href, item.etag);
            QVERIFY(item.data.isEmpty());
        }
        QCOMPARE(got, etags);

        const QString x = client->hrefFor(u"x"_s);
        const auto stale = client->remove(x, "\"not-the-etag\"");
        QCOMPARE(errorIn(stale).kind, DavError::Kind::PreconditionFailed);
        QCOMPARE(errorIn(stale).httpStatus, 412);

        const auto removed = client->remove(x, etags.value(x));
        DAV_VERIFY(removed);
        QVERIFY(std::get<bool>(removed));
        // Already gone (404): counts as done.
        const auto again = client->remove(x, {});
        DAV_VERIFY(again);
        QVERIFY(std::get<bool>(again));

        const auto after = client->listEtags();
        DAV_VERIFY(after);
        QCOMPARE(std::get<QList<DavItem>>(after).size(), 2);
        const auto fetched = client->multiget({x});
        DAV_VERIFY(fetched);
        QVERIFY(std::get<QList<DavItem>>(fetched).isEmpty());
    }
    void discoverFromServerRoot()
    {
        QVERIFY(calendar(u"found"_s));
        DavSettings settings = settingsFor(u"ignored"_s);
        settings.url = m_server->url(u"/"_s);
        CalDavClient client(settings);
        // Radicale: /.well-known/caldav answers 301 to /, which names /alice/ as principal and home.
        const auto home = client.discoverCalendarHome();
        DAV_VERIFY(home);
        QCOMPARE(std::get<QUrl>(home), m_server->url(u"/alice/"_s));
        QVERIFY2(client.requestCount() >= 3, qPrintable(QString::number(client.requestCount())));

        const auto calendars = client.listCalendars(std::get<QUrl>(home));
        DAV_VERIFY(calendars);
        const QList<CollectionInfo> &list = std::get<QList<CollectionInfo>>(calendars);
        const auto found = std::find_if(list.cbegin(), list.cend(),
                                        [](const CollectionInfo &c) { return c.displayName == u"found"_s; });
        QVERIFY(found != list.cend());
        QCOMPARE(found->url, m_server->url(u"/alice/found/"_s));
        QVERIFY(found->isCalendar);
        QVERIFY(found->supportsSyncCollection);
        QVERIFY(!found->syncToken.isEmpty());
        for (const CollectionInfo &c : list) {
            QVERIFY(c.url != std::get<QUrl>(home)); // the home itself is not listed
        }
    }

    void redirectsFollowedByHandKeepingTheMethod()
    {
        auto target = calendar(u"moved"_s);
        QVERIFY(target);
        RedirectServer redirector(target->settings().url);
        DavSettings settings = settingsFor(u"moved"_s);
        settings.url = redirector.url(u"/hop/"_s);
        CalDavClient client(settings);
        // /hop/ -301-> /final/ -307-> Radicale: PROPFIND all the way (Qt alone would GET).
        const auto info = client.collectionInfo();
        DAV_VERIFY(info);
        QVERIFY(std::get<CollectionInfo>(info).isCalendar);
        QCOMPARE(std::get<CollectionInfo>(info).displayName, u"moved"_s);
        QCOMPARE(redirector.methods, (QList<QByteArray>{"PROPFIND", "PROPFIND"}));
        QCOMPARE(redirector.authorized, (QList<bool>{true, true})); // same origin: credentials sent
        QCOMPARE(client.requestCount(), 3);

        // REPORT with its body survives the redirect too.
        redirector.methods.clear();
        const auto sync = client.syncCollection({});
        DAV_VERIFY(sync);
        QCOMPARE(redirector.methods, (QList<QByteArray>{"REPORT", "REPORT"}));

        DavSettings loop = settings;
        loop.url = redirector.url(u"/loop/"_s);
        CalDavClient looping(loop);
        const auto endless = looping.collectionInfo();
        QCOMPARE(errorIn(endless).kind, DavError::Kind::Protocol);
        QVERIFY2(errorIn(endless).message.contains(u"redirect"_s), qPrintable(errorIn(endless).message));
        QCOMPARE(looping.requestCount(), 6); // the request and 5 redirects
    }

    void basicAuth()
    {
        Test::RadicaleServer server(Test::RadicaleServer::Auth::Htpasswd);
        server.addUser(u"bob"_s, u"s3cret-pw"_s);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        DavSettings settings;
        settings.url = server.url(u"/bob/cal/"_s);
        settings.username = u"bob"_s;
        settings.password = u"wrong-pw"_s;
        CalDavClient wrong(settings);
        const auto refused = wrong.makeCalendar(u"Bob"_s);
        QCOMPARE(errorIn(refused).kind, DavError::Kind::Unauthorized);
        QCOMPARE(errorIn(refused).httpStatus, 401);
        QCOMPARE(errorIn(refused).message, u"The server refused the user name or password (HTTP 401)."_s);
        QCOMPARE(wrong.requestCount(), 1);

        settings.password = u"s3cret-pw"_s;
        CalDavClient right(settings);
        const auto made = right.makeCalendar(u"Bob"_s);
        DAV_VERIFY(made);
        QVERIFY(std::get<bool>(made));
        DAV_VERIFY(right.put(right.hrefFor(u"one"_s), ics(u"one"_s, u"One"_s), {}));
        QCOMPARE(right.requestCount(), 2); // preemptive: no 401 round trip

        // No credentials at all.
        settings.username.clear();
        settings.password.clear();
        CalDavClient anonymous(settings);
        QCOMPARE(errorIn(anonymous.collectionInfo()).kind, DavError::Kind::Unauthorized);

        // A redirect to another origin (another port) does not carry the password along.
        RedirectServer redirector(server.url(u"/bob/cal/"_s));
        settings.url = redirector.url(u"/cal/"_s);
        settings.username = u"bob"_s;
        settings.password = u"s3cret-pw"_s;
        CalDavClient redirected(settings);
        const auto info = redirected.collectionInfo();
        QCOMPARE(errorIn(info).kind, DavError::Kind::Unauthorized);
        QCOMPARE(redirector.authorized, QList<bool>{true});
    }

    void insecureHttpRefused()
    {
        DavSettings settings;
        settings.url = QUrl(u"http://192.0.2.1/cal/"_s); // TEST-NET-1: nothing answers there
        settings.username = u"alice"_s;
        settings.password = u"pw"_s;
        settings.timeoutMs = 300;
        CalDavClient client(settings);
        const auto info = client.collectionInfo();
        QCOMPARE(errorIn(info).kind, DavError::Kind::InsecureRefused);
        QVERIFY2(errorIn(info).message.contains(u"192.0.2.1"_s), qPrintable(errorIn(info).message));
        QVERIFY2(errorIn(info).message.contains(u"https://"_s), qPrintable(errorIn(info).message));
        QVERIFY2(errorIn(info).message.contains(u"plain HTTP"_s), qPrintable(errorIn(info).message));
        QCOMPARE(errorIn(client.put(client.hrefFor(u"x"_s), "x", {})).kind, DavError::Kind::InsecureRefused);
        QCOMPARE(client.requestCount(), 0);

        // With the option the request goes out (and times out: nothing there).
        settings.allowInsecureHttp = true;
        CalDavClient allowed(settings);
        const auto timedOut = allowed.collectionInfo();
        QCOMPARE(errorIn(timedOut).kind, DavError::Kind::Network);
        QCOMPARE(allowed.requestCount(), 1);
    }

    void serverDownAndRestarted()
    {
        Test::RadicaleServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        DavSettings settings;
        settings.url = server.url(u"/alice/kept/"_s);
        settings.username = u"alice"_s;
        CalDavClient client(settings);
        DAV_VERIFY(client.makeCalendar(u"kept"_s));
        const auto put = client.put(client.hrefFor(u"one"_s), ics(u"one"_s, u"One"_s), {});
        DAV_VERIFY(put);

        server.stop();
        const auto down = client.collectionInfo();
        QCOMPARE(errorIn(down).kind, DavError::Kind::Network);
        QCOMPARE(errorIn(down).httpStatus, 0);
        QVERIFY2(errorIn(down).message.startsWith(u"Could not reach 127.0.0.1"_s), qPrintable(errorIn(down).message));

        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        QCOMPARE(server.url(u"/"_s).port(), settings.url.port());
        const auto listed = client.listEtags();
        DAV_VERIFY(listed);
        QCOMPARE(std::get<QList<DavItem>>(listed).size(), 1);
        QCOMPARE(std::get<QList<DavItem>>(listed).first().etag, std::get<QByteArray>(put));
    }

    void serverFixtureMovesOffATakenPort()
    {
        // Another process takes the port the fixture picked before the server binds it (here: a
        // listener of this test, which answers connections): start() tries another port, and
        // the server that answers is Radicale, not the squatter.
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        const quint16 taken = squatter.serverPort();
        Test::RadicaleServer server;
        int picks = 0;
        server.setPortPicker([&picks, taken]() -> quint16 {
            if (picks++ == 0) {
                return taken;
            }
            QTcpServer probe;
            return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : quint16(0);
        });
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QCOMPARE(server.portsTried(), 2);
        QVERIFY(server.port() != taken);
        DavSettings settings;
        settings.url = server.url(u"/alice/moved/"_s);
        settings.username = u"alice"_s;
        CalDavClient client(settings);
        DAV_VERIFY(client.makeCalendar(u"moved"_s));

        // Every port taken: start() gives up after a few and says which.
        Test::RadicaleServer hopeless;
        hopeless.setPortPicker([taken] { return taken; });
        QVERIFY(!hopeless.start());
        QCOMPARE(hopeless.portsTried(), 5);
        QVERIFY2(hopeless.errorString().contains(QString::number(taken)), qPrintable(hopeless.errorString()));
    }

    void certificateRefused()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(u"cert.pem"_s);
        const QString key = dir.filePath(u"key.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"1"_s,
                                     u"-subj"_s, u"/CN=127.0.0.1"_s, u"-keyout"_s, key, u"-out"_s, cert});
        if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
            openssl.exitCode() != 0) {
            // A tool of the set-up (./packaging/dev.sh deps installs it): missing, the test fails.
            QFAIL("openssl could not make a self-signed certificate: ./packaging/dev.sh deps installs it");
        }
        Test::RadicaleServer server;
        server.setTls(cert, key);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        DavSettings settings;
        settings.url = server.url(u"/alice/tls/"_s);
        QCOMPARE(settings.url.scheme(), u"https"_s);
        settings.username = u"alice"_s;
        settings.password = u"pw"_s;
        CalDavClient client(settings);
        const auto info = client.collectionInfo();
        const DavError error = errorIn(info);
        QCOMPARE(error.kind, DavError::Kind::Tls);
        QVERIFY2(error.message.contains(u"127.0.0.1"_s), qPrintable(error.message));
        QVERIFY(!error.certificates.isEmpty());
        QCOMPARE(error.certificates.first().subjectInfo(QSslCertificate::CommonName), QStringList{u"127.0.0.1"_s});
        QVERIFY(!error.message.contains(u"pw"_s));
    }
};

} // namespace Tandem

QTEST_GUILESS_MAIN(Tandem::CalDavClientTest)
#include "caldavclienttest.moc"
