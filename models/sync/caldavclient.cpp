#include "sync/caldavclient.h"

#include "sync/davhref.h"
#include "sync/davxml.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QHash>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDav, "tandem.sync.dav", QtWarningMsg)

namespace Tandem {

using namespace Dav;

namespace {

constexpr int maxRedirects = 5;
constexpr int multigetBatch = 100;

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::CalDavClient", text);
}

} // namespace

// ---- the client ----------------------------------------------------------------------------

namespace {

struct HttpReply
{
    int status = 0;
    QByteArray body;
    QByteArray etag;
    QString reason; ///< the status line's phrase ("Insufficient Storage")
    QUrl url;       ///< the URL that answered, after redirects
};

QString describe(const QByteArray &verb, const QUrl &url)
{
    return QString::fromLatin1(verb) + u' ' + url.path(QUrl::FullyDecoded);
}

DavError statusError(const HttpReply &reply, const QByteArray &verb)
{
    DavError error;
    error.httpStatus = reply.status;
    const QString what = describe(verb, reply.url);
    switch (reply.status) {
    case 401:
        error.kind = DavError::Kind::Unauthorized;
        error.message = tr("The server refused the user name or password (HTTP 401).");
        return error;
    case 403:
        error.kind = DavError::Kind::Forbidden;
        break;
    case 404:
        error.kind = DavError::Kind::NotFound;
        break;
    case 412:
        error.kind = DavError::Kind::PreconditionFailed;
        error.message = tr("%1 was changed on the server meanwhile (412 Precondition Failed to %2).")
                            .arg(reply.url.path(QUrl::FullyDecoded), what);
        return error;
    default:
        error.kind = DavError::Kind::Server;
        break;
    }
    // RFC 6578 3.2: 403 (Radicale) or 409 with DAV:valid-sync-token.
    if ((reply.status == 403 || reply.status == 409 || reply.status == 400) &&
        errorBodyNames(reply.body, davNs, u"valid-sync-token"_s)) {
        error.kind = DavError::Kind::InvalidSyncToken;
        error.message = tr("The server no longer accepts the sync token (HTTP %1, valid-sync-token); a full "
                           "listing is needed.")
                            .arg(reply.status);
        return error;
    }
    error.message =
        tr("The server answered %1 to %2.").arg((QString::number(reply.status) + u' ' + reply.reason).trimmed(), what);
    return error;
}

DavError protocolError(const QByteArray &verb, const QUrl &url, const QString &why)
{
    DavError error;
    error.kind = DavError::Kind::Protocol;
    error.message = tr("The server's answer to %1 could not be read: %2.").arg(describe(verb, url), why);
    return error;
}

} // namespace

struct CalDavClient::Private
{
    DavSettings settings;
    // Created on the first request, so it lives in the thread that uses the client.
    std::unique_ptr<QNetworkAccessManager> nam;
    int requests = 0;

    QString collectionPath() const
    {
        QString path = canonicalPath(settings.url.path(QUrl::FullyEncoded));
        if (!path.endsWith(u'/')) {
            path += u'/';
        }
        return path;
    }

    QUrl urlFor(const QString &href) const
    {
        return urlWithPath(withoutUserInfo(settings.url), normalizeHref(href, settings.url));
    }

    /// One request, redirects followed; fails only when no HTTP answer came (any status is a reply).
    DavResult<HttpReply> exchange(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                                  const QList<std::pair<QByteArray, QByteArray>> &headers);
    /// exchange(), with a 4xx/5xx status turned into its DavError.
    DavResult<HttpReply> send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                              const QList<std::pair<QByteArray, QByteArray>> &headers)
    {
        auto reply = exchange(verb, url, body, headers);
        if (const auto *http = std::get_if<HttpReply>(&reply); http && http->status >= 400) {
            return statusError(*http, verb);
        }
        return reply;
    }
    DavResult<Multistatus> multistatus(const QByteArray &verb, const QUrl &url, const QByteArray &depth,
                                       const QByteArray &body);
};

DavResult<HttpReply> CalDavClient::Private::exchange(const QByteArray &verb, const QUrl &requestUrl,
                                                     const QByteArray &body,
                                                     const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    if (!nam) {
        nam = std::make_unique<QNetworkAccessManager>();
        nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    const QUrl origin = withoutUserInfo(settings.url);
    QUrl url = withoutUserInfo(requestUrl);
    for (int redirects = 0;; ++redirects) {
        const QString scheme = url.scheme().toLower();
        if (scheme != u"https"_s && scheme != u"http"_s) {
            DavError error;
            error.kind = DavError::Kind::Protocol;
            error.message = tr("“%1” is not an http:// or https:// address.").arg(url.toDisplayString());
            return error;
        }
        if (scheme == u"http"_s && !settings.allowInsecureHttp && !isLoopbackHost(url.host())) {
            DavError error;
            error.kind = DavError::Kind::InsecureRefused;
            error.message = tr("Refused to talk to %1 over plain http://: the password and the calendar would "
                               "cross the network unencrypted. Use https://, or allow plain HTTP to other machines "
                               "if this network is trusted.")
                                .arg(url.host());
            return error;
        }

        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        // Never a cached answer: ETags and sync tokens must be the server's current ones.
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        request.setRawHeader("User-Agent", "Tandem/" TANDEM_VERSION);
        for (const auto &[name, value] : headers) {
            request.setRawHeader(name, value);
        }
        // Preemptive Basic auth saves a 401 round trip; credentials only go to the origin
        // the user configured, never to a host a redirect points at.
        if (!settings.username.isEmpty() && sameOrigin(url, origin)) {
            const QByteArray pair = settings.username.toUtf8() + ':' + settings.password.toUtf8();
            request.setRawHeader("Authorization", "Basic " + pair.toBase64());
        }

        ++requests;
        qCDebug(lcDav) << verb << url.toDisplayString();
        QNetworkReply *reply =
            body.isNull() && verb == "GET" ? nam->get(request) : nam->sendCustomRequest(request, verb, body);
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        bool timedOut = false;
        QList<QSslError> sslErrors;
        QList<QSslCertificate> chain;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
            timedOut = true;
            reply->abort();
        });
        // Not ignored: a certificate error ends the request (never ignoreSslErrors()).
        QObject::connect(reply, &QNetworkReply::sslErrors, &loop, [&](const QList<QSslError> &errors) {
            sslErrors = errors;
            chain = reply->sslConfiguration().peerCertificateChain();
        });
        timer.start(settings.timeoutMs);
        if (!reply->isFinished()) {
            loop.exec(QEventLoop::ExcludeUserInputEvents);
        }
        timer.stop();
        // Deleted here, not with deleteLater(): a worker thread that only runs these local loops
        // would collect finished replies until the client dies.
        const std::unique_ptr<QNetworkReply> owner(reply);

        if (timedOut) {
            DavError error;
            error.kind = DavError::Kind::Network;
            error.message = tr("No answer from %1 within %2 seconds (%3).")
                                .arg(url.host(), QString::number(settings.timeoutMs / 1000.0), describe(verb, url));
            return error;
        }
        if (!sslErrors.isEmpty()) {
            DavError error;
            error.kind = DavError::Kind::Tls;
            error.message =
                tr("The certificate of %1 was refused: %2").arg(url.host(), sslErrors.first().errorString());
            error.certificates = chain.isEmpty() ? QList<QSslCertificate>{sslErrors.first().certificate()} : chain;
            return error;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        qCDebug(lcDav) << "->" << status << reply->error();
        if (status == 0) {
            DavError error;
            error.kind = reply->error() == QNetworkReply::SslHandshakeFailedError ? DavError::Kind::Tls
                                                                                  : DavError::Kind::Network;
            error.message = tr("Could not reach %1: %2.").arg(url.host(), reply->errorString());
            return error;
        }
        const QByteArray location = reply->rawHeader("Location");
        if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308) &&
            !location.isEmpty()) {
            if (redirects >= maxRedirects) {
                DavError error;
                error.kind = DavError::Kind::Protocol;
                error.httpStatus = status;
                error.message = tr("Too many redirects for %1 (more than %2).")
                                    .arg(describe(verb, requestUrl), QString::number(maxRedirects));
                return error;
            }
            // Followed by hand: Qt would turn PROPFIND and REPORT into GET (QTBUG-92909).
            url = withoutUserInfo(url.resolved(QUrl::fromEncoded(location.trimmed(), QUrl::TolerantMode)));
            continue;
        }

        HttpReply result;
        result.status = status;
        result.body = reply->readAll();
        result.etag = reply->rawHeader("ETag");
        result.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        result.url = url;
        return result;
    }
}

DavResult<Multistatus> CalDavClient::Private::multistatus(const QByteArray &verb, const QUrl &url,
                                                          const QByteArray &depth, const QByteArray &body)
{
    auto reply = send(verb, url, body, {{"Depth", depth}, {"Content-Type", "application/xml; charset=utf-8"}});
    if (auto *error = std::get_if<DavError>(&reply)) {
        return *error;
    }
    const HttpReply &http = std::get<HttpReply>(reply);
    if (http.status != 207) {
        DavError error = protocolError(verb, url, tr("HTTP %1 instead of 207 Multi-Status").arg(http.status));
        error.httpStatus = http.status;
        return error;
    }
    QString why;
    auto parsed = parseMultistatus(http.body, &why);
    if (!parsed) {
        return protocolError(verb, url, why);
    }
    return std::move(*parsed);
}

CalDavClient::CalDavClient(DavSettings settings, QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    d->settings = std::move(settings);
}

CalDavClient::~CalDavClient() = default;

const DavSettings &CalDavClient::settings() const
{
    return d->settings;
}

int CalDavClient::requestCount() const
{
    return d->requests;
}

QString CalDavClient::hrefFor(const QString &uid) const
{
    return d->collectionPath() + encodeSegment(uid) + u".ics"_s;
}

DavResult<QUrl> CalDavClient::discoverCalendarHome()
{
    const QUrl given = withoutUserInfo(d->settings.url);
    const QByteArray principalBody = propfindBody({{davNs, u"current-user-principal"_s}});

    // RFC 6764: /.well-known/caldav redirects to the context path; servers without it answer
    // 404 (or 405), then the given URL is asked directly.
    QUrl wellKnown = given;
    wellKnown.setPath(u"/.well-known/caldav"_s);
    wellKnown.setQuery(QString());
    QUrl principalOf = given;
    std::optional<DavResponse> principalResponse;
    auto known = d->multistatus("PROPFIND", wellKnown, "0", principalBody);
    if (auto *error = std::get_if<DavError>(&known)) {
        if (error->kind != DavError::Kind::NotFound && error->kind != DavError::Kind::Server &&
            error->kind != DavError::Kind::Forbidden && error->kind != DavError::Kind::Protocol) {
            return *error;
        }
    } else {
        const auto &ms = std::get<Multistatus>(known);
        if (!ms.responses.isEmpty() && ms.responses.first().prop(davNs, u"current-user-principal"_s)) {
            principalResponse = ms.responses.first();
        }
    }
    if (!principalResponse) {
        auto direct = d->multistatus("PROPFIND", given, "0", principalBody);
        if (auto *error = std::get_if<DavError>(&direct)) {
            return *error;
        }
        const auto &ms = std::get<Multistatus>(direct);
        if (!ms.responses.isEmpty()) {
            principalResponse = ms.responses.first();
        }
    }
    const DavProp *principal =
        principalResponse ? principalResponse->prop(davNs, u"current-user-principal"_s) : nullptr;
    if (!principal || principal->hrefs.isEmpty()) {
        DavError error;
        error.kind = DavError::Kind::Protocol;
        error.message = tr("%1 does not name a principal for this user (current-user-principal); enter the "
                           "calendar's address instead.")
                            .arg(given.host());
        return error;
    }
    const QUrl principalUrl = urlWithPath(given, normalizeHref(principal->hrefs.first(), principalOf));

    auto home = d->multistatus("PROPFIND", principalUrl, "0", propfindBody({{calNs, u"calendar-home-set"_s}}));
    if (auto *error = std::get_if<DavError>(&home)) {
        return *error;
    }
    const auto &ms = std::get<Multistatus>(home);
    const DavProp *homeSet =
        ms.responses.isEmpty() ? nullptr : ms.responses.first().prop(calNs, u"calendar-home-set"_s);
    if (!homeSet || homeSet->hrefs.isEmpty()) {
        DavError error;
        error.kind = DavError::Kind::Protocol;
        error.message = tr("%1 names no calendar home for this user (calendar-home-set on %2).")
                            .arg(given.host(), principalUrl.path(QUrl::FullyDecoded));
        return error;
    }
    const QString homeHref = homeSet->hrefs.first();
    const QUrl homeAbsolute = principalUrl.resolved(QUrl(homeHref, QUrl::TolerantMode));
    if (!sameOrigin(homeAbsolute, given)) {
        return withoutUserInfo(homeAbsolute);
    }
    return urlWithPath(given, normalizeHref(homeHref, principalUrl));
}

DavResult<QList<CollectionInfo>> CalDavClient::listCalendars(const QUrl &home)
{
    const QUrl homeUrl = withoutUserInfo(home);
    auto result = d->multistatus("PROPFIND", homeUrl, "1", propfindBody(collectionProps));
    if (auto *error = std::get_if<DavError>(&result)) {
        return *error;
    }
    const QString homePath = canonicalPath(homeUrl.path(QUrl::FullyEncoded));
    QList<CollectionInfo> calendars;
    for (const DavResponse &response : std::get<Multistatus>(result).responses) {
        if (response.hrefs.isEmpty() || response.status >= 300) {
            continue;
        }
        const QString href = normalizeHref(response.hrefs.first(), homeUrl);
        if (sameResource(href, homePath) || !isCollection(response)) {
            continue;
        }
        calendars.append(collectionFrom(response, urlWithPath(homeUrl, href)));
    }
    return calendars;
}

DavResult<CollectionInfo> CalDavClient::collectionInfo()
{
    const QUrl url = withoutUserInfo(d->settings.url);
    auto result = d->multistatus("PROPFIND", url, "0", propfindBody(collectionProps));
    if (auto *error = std::get_if<DavError>(&result)) {
        return *error;
    }
    const auto &ms = std::get<Multistatus>(result);
    if (ms.responses.isEmpty()) {
        return protocolError("PROPFIND", url, tr("no response for the collection"));
    }
    if (const int status = ms.responses.first().status; status >= 400) {
        // Some servers (Xandikos) answer 207 for a missing resource, with the 404 inside: it is
        // not "something that is not a calendar" but nothing at all.
        HttpReply reply;
        reply.status = status;
        reply.url = url;
        return statusError(reply, "PROPFIND");
    }
    return collectionFrom(ms.responses.first(), url);
}

DavResult<bool> CalDavClient::makeCalendar(const QString &displayName)
{
    BodyWriter w;
    w->writeStartElement(calNs, u"mkcalendar"_s);
    w->writeStartElement(davNs, u"set"_s);
    w->writeStartElement(davNs, u"prop"_s);
    w->writeTextElement(davNs, u"displayname"_s, displayName);
    w->writeStartElement(calNs, u"supported-calendar-component-set"_s);
    for (const QString &component : {u"VEVENT"_s, u"VJOURNAL"_s}) {
        w->writeEmptyElement(calNs, u"comp"_s);
        w->writeAttribute(u"name"_s, component);
    }
    w->writeEndElement();
    w->writeEndElement();
    w->writeEndElement();
    w->writeEndElement();
    const QUrl url = urlWithPath(withoutUserInfo(d->settings.url), d->collectionPath());
    auto reply = d->exchange("MKCALENDAR", url, w.finish(), {{"Content-Type", "application/xml; charset=utf-8"}});
    if (auto *error = std::get_if<DavError>(&reply)) {
        return *error;
    }
    const HttpReply &http = std::get<HttpReply>(reply);
    // Something is there already: RFC 4918 servers answer 405, RFC 4791 ones 403/409 with
    // DAV:resource-must-be-null (Radicale: 409).
    if (http.status == 405 ||
        ((http.status == 403 || http.status == 409) && errorBodyNames(http.body, davNs, u"resource-must-be-null"_s))) {
        return false;
    }
    if (http.status >= 400) {
        return statusError(http, "MKCALENDAR");
    }
    return true;
}

DavResult<SyncChanges> CalDavClient::syncCollection(const QByteArray &token)
{
    BodyWriter w;
    w->writeStartElement(davNs, u"sync-collection"_s);
    if (token.isEmpty()) {
        w->writeEmptyElement(davNs, u"sync-token"_s);
    } else {
        w->writeTextElement(davNs, u"sync-token"_s, QString::fromUtf8(token));
    }
    w->writeTextElement(davNs, u"sync-level"_s, u"1"_s);
    w->writeStartElement(davNs, u"prop"_s);
    w->writeEmptyElement(davNs, u"getetag"_s);
    w->writeEndElement();
    w->writeEndElement();

    const QUrl url = urlWithPath(withoutUserInfo(d->settings.url), d->collectionPath());
    auto result = d->multistatus("REPORT", url, "0", w.finish());
    if (auto *error = std::get_if<DavError>(&result)) {
        return *error;
    }
    const auto &ms = std::get<Multistatus>(result);
    const QString collection = d->collectionPath();
    SyncChanges changes;
    changes.newToken = ms.syncToken;
    for (const DavResponse &response : ms.responses) {
        for (const QString &rawHref : response.hrefs) {
            const QString href = normalizeHref(rawHref, url);
            // The collection itself appears with 507 when the server truncated the answer
            // (RFC 6578 3.6): what came is still valid, the new token continues from there.
            if (response.status == 507) {
                changes.truncated = true;
                continue;
            }
            if (sameResource(href, collection)) {
                continue;
            }
            if (response.status == 404) {
                changes.removed.append(href);
            } else if (response.status == 0 || (response.status >= 200 && response.status < 300)) {
                DavItem item;
                item.href = href;
                item.etag = response.text(davNs, u"getetag"_s).toUtf8();
                changes.changed.append(item);
            }
        }
    }
    return changes;
}

DavResult<QList<DavItem>> CalDavClient::listEtags()
{
    const QUrl url = urlWithPath(withoutUserInfo(d->settings.url), d->collectionPath());
    auto result =
        d->multistatus("PROPFIND", url, "1",
                       propfindBody({{davNs, u"getetag"_s}, {davNs, u"getcontenttype"_s}, {davNs, u"resourcetype"_s}}));
    if (auto *error = std::get_if<DavError>(&result)) {
        return *error;
    }
    const QString collection = d->collectionPath();
    QList<DavItem> items;
    for (const DavResponse &response : std::get<Multistatus>(result).responses) {
        if (response.hrefs.isEmpty() || response.status >= 300) {
            continue;
        }
        const QString href = normalizeHref(response.hrefs.first(), url);
        if (sameResource(href, collection)) {
            continue;
        }
        if (isCollection(response) && !href.endsWith(u".ics"_s, Qt::CaseInsensitive)) {
            continue;
        }
        DavItem item;
        item.href = href;
        item.etag = response.text(davNs, u"getetag"_s).toUtf8();
        items.append(item);
    }
    return items;
}

DavResult<QList<DavItem>> CalDavClient::multiget(const QStringList &hrefs)
{
    QList<DavItem> items;
    if (hrefs.isEmpty()) {
        return items;
    }
    const QUrl url = urlWithPath(withoutUserInfo(d->settings.url), d->collectionPath());
    const auto total = static_cast<int>(hrefs.size());
    for (int start = 0; start < total; start += multigetBatch) {
        BodyWriter w;
        w->writeStartElement(calNs, u"calendar-multiget"_s);
        w->writeStartElement(davNs, u"prop"_s);
        w->writeEmptyElement(davNs, u"getetag"_s);
        w->writeEmptyElement(calNs, u"calendar-data"_s);
        w->writeEndElement();
        const int end = std::min(total, start + multigetBatch);
        for (int i = start; i < end; ++i) {
            w->writeTextElement(davNs, u"href"_s, normalizeHref(hrefs.at(i), url));
        }
        w->writeEndElement();
        auto result = d->multistatus("REPORT", url, "1", w.finish());
        if (auto *error = std::get_if<DavError>(&result)) {
            return *error;
        }
        for (const DavResponse &response : std::get<Multistatus>(result).responses) {
            const DavProp *data = response.prop(calNs, u"calendar-data"_s);
            if (response.hrefs.isEmpty() || response.status >= 300 || !data) {
                continue; // 404: gone since it was listed
            }
            DavItem item;
            item.href = normalizeHref(response.hrefs.first(), url);
            item.etag = response.text(davNs, u"getetag"_s).toUtf8();
            item.data = data->text.toUtf8();
            items.append(item);
        }
        Q_EMIT progress(end, total);
    }
    return items;
}

DavResult<QByteArray> CalDavClient::put(const QString &href, const QByteArray &ics, const QByteArray &ifMatch)
{
    const QUrl url = d->urlFor(href);
    QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type", "text/calendar; charset=utf-8"}};
    if (ifMatch.isEmpty()) {
        headers.append(std::pair<QByteArray, QByteArray>("If-None-Match", "*"));
    } else {
        headers.append(std::pair<QByteArray, QByteArray>("If-Match", ifMatch));
    }
    auto reply = d->send("PUT", url, ics, headers);
    if (auto *error = std::get_if<DavError>(&reply)) {
        if (error->kind == DavError::Kind::PreconditionFailed) {
            error->message = ifMatch.isEmpty() ? tr("%1 already exists on the server (412 Precondition Failed to PUT).")
                                                     .arg(url.path(QUrl::FullyDecoded))
                                               : tr("%1 was changed on the server since it was read (412 Precondition "
                                                    "Failed to PUT).")
                                                     .arg(url.path(QUrl::FullyDecoded));
        }
        return *error;
    }
    // Servers may rewrite the body (Radicale reorders it); a weak ETag (W/) says so.
    return std::get<HttpReply>(reply).etag;
}

DavResult<bool> CalDavClient::remove(const QString &href, const QByteArray &ifMatch)
{
    const QUrl url = d->urlFor(href);
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!ifMatch.isEmpty()) {
        headers.append(std::pair<QByteArray, QByteArray>("If-Match", ifMatch));
    }
    auto reply = d->send("DELETE", url, QByteArray(), headers);
    if (auto *error = std::get_if<DavError>(&reply)) {
        if (error->kind == DavError::Kind::NotFound) {
            return true;
        }
        if (error->kind == DavError::Kind::PreconditionFailed) {
            error->message = tr("%1 was changed on the server since it was read (412 Precondition Failed to "
                                "DELETE).")
                                 .arg(url.path(QUrl::FullyDecoded));
        }
        return *error;
    }
    return true;
}

QString certificateFingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString certificateDetails(const QSslCertificate &certificate)
{
    const auto when = [](const QDateTime &t) { return t.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s); };
    return tr("Subject: %1\nIssuer: %2\nValid: %3 to %4\nSHA-256: %5")
        .arg(certificate.subjectDisplayName(), certificate.issuerDisplayName(), when(certificate.effectiveDate()),
             when(certificate.expiryDate()), certificateFingerprint(certificate));
}

} // namespace Tandem
