#pragma once

// A small CalDAV client (RFC 4791, RFC 6578) on Qt Network. Its calls are blocking: each runs
// a local event loop, so the sync engine reads top to bottom. It runs in the CLI's thread or
// in the GUI's sync worker thread, never in the GUI thread.

#include "domain/result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <memory>
#include <variant>

class QNetworkAccessManager;

namespace Tandem {

struct DavSettings
{
    QUrl url; ///< the collection (or, for discover(), the server)
    QString username;
    QString password;               ///< from the keychain; never logged
    bool allowInsecureHttp = false; ///< plain HTTP to a host that is not loopback
    int timeoutMs = 30000;
};

/// Why a request failed. The message says it in words, with the server's status.
struct DavError
{
    enum class Kind {
        Network,            ///< no answer: server down, refused, timeout
        Tls,                ///< certificate refused; `certificates` holds the chain
        InsecureRefused,    ///< plain HTTP to a non-loopback host without the option
        Unauthorized,       ///< 401
        Forbidden,          ///< 403 (not a sync token problem)
        NotFound,           ///< 404
        PreconditionFailed, ///< 412: the ETag changed, or the resource exists on create
        InvalidSyncToken,   ///< 403/409 valid-sync-token: start over with a full listing
        Server,             ///< other 4xx/5xx
        Protocol,           ///< an answer the client cannot read
    };
    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString message;
    QList<QSslCertificate> certificates;
};

template <typename T> using DavResult = std::variant<T, DavError>;

/// A refused certificate in words, for the user to compare with what the administrator says:
/// "Subject: …\nIssuer: …\nValid: 2026-01-01 00:00 UTC to …\nSHA-256: AB:CD:…".
QString certificateDetails(const QSslCertificate &certificate);
/// The SHA-256 fingerprint as colon-separated hex pairs.
QString certificateFingerprint(const QSslCertificate &certificate);

/// Hrefs the client returns (DavItem::href, SyncChanges::removed, hrefFor()) are in one
/// canonical form, fit to be keys: the absolute path, each segment percent-decoded and
/// re-encoded with everything but A-Z a-z 0-9 - . _ ~ escaped ("/cal/a%40b.ics"). Servers
/// differ in what they escape; the same resource gets the same href whatever the server
/// wrote (a full URL, "@" or "%40"). Hrefs passed in may be in any form (path or URL).
struct DavItem
{
    QString href;    ///< canonical absolute path (see above)
    QByteArray etag; ///< with its quotes, as the server gave it
    QByteArray data; ///< calendar-data, when asked for
};

struct CollectionInfo
{
    QUrl url;
    QString displayName;
    QByteArray syncToken; ///< empty when the server does not offer sync-collection
    QByteArray ctag;
    bool isCalendar = false;
    bool supportsSyncCollection = false;
};

struct SyncChanges
{
    QByteArray newToken;
    QList<DavItem> changed; ///< href + etag (no data: fetch with multiget)
    QStringList removed;    ///< hrefs
    /// The server sent only part of the changes (507 on the collection, RFC 6578 3.6): what
    /// came is valid; call again with newToken for the rest.
    bool truncated = false;
};

/// Talks CalDAV to one collection (settings().url); owns its QNetworkAccessManager, created on
/// the first request in the thread that makes it.
class CalDavClient final : public QObject
{
    Q_OBJECT
public:
    explicit CalDavClient(DavSettings settings, QObject *parent = nullptr);
    ~CalDavClient() override;

    const DavSettings &settings() const;

    /// From a server URL: /.well-known/caldav, current-user-principal, calendar-home-set.
    DavResult<QUrl> discoverCalendarHome();
    /// PROPFIND depth 1 on the home: every collection in it (isCalendar tells calendars apart),
    /// not the home itself.
    DavResult<QList<CollectionInfo>> listCalendars(const QUrl &home);
    /// PROPFIND depth 0 on settings().url.
    DavResult<CollectionInfo> collectionInfo();
    /// MKCALENDAR at settings().url, for VEVENT and VJOURNAL. True when created; false (not an
    /// error) when something already exists there (405, or 403/409 resource-must-be-null as
    /// Radicale answers); check it with collectionInfo().
    DavResult<bool> makeCalendar(const QString &displayName);

    /// RFC 6578 sync-collection from `token` (empty: initial). Kind InvalidSyncToken when
    /// the server refuses the token.
    DavResult<SyncChanges> syncCollection(const QByteArray &token);
    /// The fallback: PROPFIND depth 1, getetag of every member (no data).
    DavResult<QList<DavItem>> listEtags();
    /// calendar-multiget, in batches of 100 (progress() after each); items the server no longer
    /// has are left out.
    DavResult<QList<DavItem>> multiget(const QStringList &hrefs);
    /// PUT with If-None-Match: * when `ifMatch` is empty, else If-Match. Returns the new
    /// ETag; empty when the server sent none (then read it with multiget/listEtags).
    DavResult<QByteArray> put(const QString &href, const QByteArray &ics, const QByteArray &ifMatch);
    /// DELETE with If-Match (unconditional when empty). A 404 counts as done.
    DavResult<bool> remove(const QString &href, const QByteArray &ifMatch);

    /// The href for a new resource with this uid inside the collection.
    QString hrefFor(const QString &uid) const;

    /// Requests sent so far (for the status and the benchmark), each redirect counted.
    int requestCount() const;

Q_SIGNALS:
    /// During multiget(): `done` of `total` hrefs fetched.
    void progress(int done, int total);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Tandem
