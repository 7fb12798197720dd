#include "httptestserver.h"
#include "sync/caldavclient.h"

#include <QQueue>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tandem;

namespace {

/// An HTTP server in this process that answers each request with the next canned answer and
/// records what it was asked: the WebDAV XML of other servers (prefixes, default namespaces,
/// full URLs and other escapes in hrefs, 404 and 507 inside 207) without running them.
class CannedServer : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray depth;
        QByteArray body;
    };

    CannedServer()
        : m_http([this](const Test::HttpTestServer::Request &r) {
              requests.append({r.method, r.path, r.headers.value("depth"), r.body});
              const auto [status, body] =
                  m_answers.isEmpty() ? std::pair<QByteArray, QByteArray>{"500 No Answer", {}} : m_answers.dequeue();
              return "HTTP/1.1 " + status + "\r\nContent-Type: application/xml; charset=utf-8\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
          })
    {}

    void answer(const QByteArray &status, const QByteArray &body) { m_answers.enqueue({status, body}); }
    quint16 port() const { return m_http.port(); }
    QList<Request> requests;

private:
    QQueue<std::pair<QByteArray, QByteArray>> m_answers;
    Test::HttpTestServer m_http;
};

template <typename T> const T &valueOf(const DavResult<T> &result)
{
    if (const auto *error = std::get_if<DavError>(&result)) {
        qFatal("DAV request failed: %s", qPrintable(error->message));
    }
    return std::get<T>(result);
}

template <typename T> DavError errorOf(const DavResult<T> &result)
{
    const auto *error = std::get_if<DavError>(&result);
    return error ? *error : DavError{DavError::Kind::Network, -1, u"(no error)"_s, {}};
}

} // namespace

/// The client's reading of WebDAV answers and its hrefs, on canned answers: what other servers
/// write must come out the same as what Radicale writes (caldavclienttest).
class DavXmlTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<CannedServer> m_server;

    std::unique_ptr<CalDavClient> client(const QString &path = u"/cal/"_s)
    {
        DavSettings settings;
        settings.url = QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server->port()).arg(path));
        settings.username = u"alice"_s;
        settings.timeoutMs = 10000;
        return std::make_unique<CalDavClient>(settings);
    }

private Q_SLOTS:
    void init() { m_server = std::make_unique<CannedServer>(); }

    void hrefsForUidsAreEscapedOnce()
    {
        auto c = client(u"/alice/On%20call/"_s);
        QCOMPARE(c->hrefFor(u"a+b@example.com"_s), u"/alice/On%20call/a%2Bb%40example.com.ics"_s);
        QCOMPARE(c->hrefFor(u"ümlaut/slash"_s), u"/alice/On%20call/%C3%BCmlaut%2Fslash.ics"_s);
        QCOMPARE(c->hrefFor(u"plain-uid_1.~x"_s), u"/alice/On%20call/plain-uid_1.~x.ics"_s);
    }

    void listEtagsReadsEveryPrefixAndSpelling()
    {
        const QByteArray port = QByteArray::number(m_server->port());
        m_server->answer("207 Multi-Status", R"(<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav">
  <d:response><d:href>/cal/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><cal:calendar/></d:resourcetype>
    </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
  <d:response><d:href>http://127.0.0.1:)" + port +
                                                 R"(/cal/a@b.ics</d:href><d:propstat><d:prop>
    <d:getetag>"e1"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
  <response xmlns="DAV:"><href>/cal/c%2bd.ics</href><propstat><prop><getetag>"e2"</getetag></prop>
    <status>HTTP/1.1 200 OK</status></propstat></response>
  <d:response><d:href>/cal/sub/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype>
    </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
  <d:response><d:href>/cal/gone.ics</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>
  <d:unknown-extension><d:href>/cal/not-a-response.ics</d:href></d:unknown-extension>
</d:multistatus>)");
        auto c = client();
        const QList<DavItem> items = valueOf(c->listEtags());
        QCOMPARE(m_server->requests.size(), 1);
        QCOMPARE(m_server->requests.first().method, QByteArray("PROPFIND"));
        QCOMPARE(m_server->requests.first().path, QByteArray("/cal/"));
        QCOMPARE(m_server->requests.first().depth, QByteArray("1"));
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).href, u"/cal/a%40b.ics"_s);
        QCOMPARE(items.at(0).etag, QByteArray("\"e1\""));
        QCOMPARE(items.at(1).href, u"/cal/c%2Bd.ics"_s);
        QCOMPARE(items.at(1).etag, QByteArray("\"e2\""));
        // The same resource, however spelled, is the client's own href for its uid.
        QCOMPARE(items.at(0).href, c->hrefFor(u"a@b"_s));
    }

    void syncCollectionReadsChangesRemovalsAndTruncation()
    {
        m_server->answer("207 Multi-Status", R"(<?xml version="1.0"?>
<multistatus xmlns="DAV:">
  <response><href>/cal/new.ics</href><propstat><prop><getetag>"n1"</getetag></prop>
    <status>HTTP/1.1 200 OK</status></propstat></response>
  <response><href>/cal/old%40x.ics</href><status>HTTP/1.1 404 Not Found</status></response>
  <response><href>/cal/</href><status>HTTP/1.1 507 Insufficient Storage</status></response>
  <sync-token>http://example.com/sync/42</sync-token>
</multistatus>)");
        auto c = client();
        const SyncChanges changes = valueOf(c->syncCollection("http://example.com/sync/41"));
        const CannedServer::Request &request = m_server->requests.first();
        QCOMPARE(request.method, QByteArray("REPORT"));
        QCOMPARE(request.depth, QByteArray("0"));
        QVERIFY2(request.body.contains("sync-collection") && request.body.contains("http://example.com/sync/41"),
                 request.body.constData());
        QCOMPARE(changes.newToken, QByteArray("http://example.com/sync/42"));
        QCOMPARE(changes.changed.size(), 1);
        QCOMPARE(changes.changed.first().href, u"/cal/new.ics"_s);
        QCOMPARE(changes.changed.first().etag, QByteArray("\"n1\""));
        QCOMPARE(changes.removed, QStringList{u"/cal/old%40x.ics"_s});
        QVERIFY(changes.truncated);
    }

    void refusedSyncTokenSaysSo_data()
    {
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("403 (Radicale)") << QByteArray("403 Forbidden");
        QTest::newRow("409") << QByteArray("409 Conflict");
    }

    void refusedSyncTokenSaysSo()
    {
        QFETCH(QByteArray, status);
        m_server->answer(status, R"(<?xml version="1.0"?><D:error xmlns:D="DAV:"><D:valid-sync-token/></D:error>)");
        const DavError error = errorOf(client()->syncCollection("stale"));
        QCOMPARE(error.kind, DavError::Kind::InvalidSyncToken);
        QVERIFY2(error.message.contains(u"sync token"_s), qPrintable(error.message));
    }

    void unreadableAnswersAreProtocolErrors_data()
    {
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("not XML") << QByteArray("207 Multi-Status") << QByteArray("oops, no XML at all")
                                 << u"could not be read"_s;
        QTest::newRow("HTML") << QByteArray("207 Multi-Status") << QByteArray("<html><body>oops")
                              << u"not a DAV multistatus"_s;
        QTest::newRow("not a multistatus")
            << QByteArray("207 Multi-Status") << QByteArray(R"(<?xml version="1.0"?><D:prop xmlns:D="DAV:"/>)")
            << u"not a DAV multistatus"_s;
        QTest::newRow("multistatus in another namespace")
            << QByteArray("207 Multi-Status") << QByteArray(R"(<?xml version="1.0"?><multistatus/>)")
            << u"not a DAV multistatus"_s;
        QTest::newRow("200 instead of 207")
            << QByteArray("200 OK") << QByteArray(R"(<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"/>)")
            << u"HTTP 200 instead of 207"_s;
        QTest::newRow("cut off") << QByteArray("207 Multi-Status")
                                 << QByteArray(R"(<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response>)")
                                 << u"line"_s;
    }

    void unreadableAnswersAreProtocolErrors()
    {
        QFETCH(QByteArray, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        m_server->answer(status, body);
        const DavError error = errorOf(client()->listEtags());
        QCOMPARE(error.kind, DavError::Kind::Protocol);
        QVERIFY2(error.message.contains(says), qPrintable(error.message));
        QVERIFY2(error.message.contains(u"/cal/"_s), qPrintable(error.message)); // where
    }
};

QTEST_GUILESS_MAIN(DavXmlTest)
#include "davxmltest.moc"
