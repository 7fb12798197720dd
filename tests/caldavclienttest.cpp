#include "sync/caldavclient.h"

#include "radicale.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

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

#define DAV_VERIFY(result) QVERIFY2((result).index() == 0, qPrintable(errorOf(result)))

/// A tiny HTTP server that only redirects, and records what it was asked.
class RedirectServer : public QObject
{
public:
    /// Paths starting with /hop go to /final on this server (301, relative Location),
    /// /loop to itself (302), anything else to `target` (307).
    explicit RedirectServer(QUrl target) : m_target(std::move(target))
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QUrl url(const QString &path) const
    {
        QUrl url;
        url.setScheme(u"http"_s);
        url.setHost(u"127.0.0.1"_s);
        url.setPort(m_server.serverPort());
        url.setPath(path);
        return url;
    }
    QList<QByteArray> methods;
    QList<bool> authorized;

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return;
        }
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        qsizetype length = 0;
        bool auth = false;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:")) {
                length = line.mid(15).trimmed().toLongLong();
            }
            auth = auth || line.toLower().startsWith("authorization:");
        }
        if (buffer.size() < headEnd + 4 + length) {
            return;
        }
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        const QByteArray path = requestLine.value(1);
        methods.append(requestLine.value(0));
        authorized.append(auth);
        m_buffers.remove(socket);
        QByteArray status = "307 Temporary Redirect";
        QByteArray location = m_target.toEncoded();
        if (path.startsWith("/hop")) {
            status = "301 Moved Permanently";
            location = "/final/";
        } else if (path.startsWith("/loop")) {
            status = "302 Found";
            location = "/loop/";
        }
        socket->write("HTTP/1.1 " + status + "\r\nLocation: " + location +
                      "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QUrl m_target;
    QHash<QTcpSocket *, QByteArray> m_buffers;
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
        CalDavClient client(settingsFor(u"sync"_s));
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
};

} // namespace Tandem

QTEST_GUILESS_MAIN(Tandem::CalDavClientTest)
#include "caldavclienttest.moc"
