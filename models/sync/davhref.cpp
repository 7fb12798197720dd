#include "sync/davhref.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace Tandem::Dav {

/// Percent-encodes everything but the unreserved characters, so one resource has one spelling.
QString encodeSegment(const QString &decoded)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(decoded));
}

/// The canonical form of a path: absolute, each segment decoded and re-encoded with
/// encodeSegment(). Servers differ in what they escape ("@", "+", ":"), so two spellings of
/// one resource end up equal. A trailing slash is kept.
QString canonicalPath(const QString &path)
{
    const QStringList segments = path.split(u'/');
    QStringList out;
    out.reserve(segments.size());
    for (const QString &segment : segments) {
        out.append(encodeSegment(QUrl::fromPercentEncoding(segment.toUtf8())));
    }
    QString result = out.join(u'/');
    if (!result.startsWith(u'/')) {
        result.prepend(u'/');
    }
    return result;
}

/// An href as a server or a caller wrote it (absolute URL, absolute path, or relative to
/// `base`) in canonical form.
QString normalizeHref(const QString &href, const QUrl &base)
{
    const QString trimmed = href.trimmed();
    QString rawPath;
    if (trimmed.startsWith(u'/')) {
        rawPath = trimmed;
        const qsizetype cut = rawPath.indexOf(u'?');
        if (cut >= 0) {
            rawPath.truncate(cut);
        }
    } else {
        const QUrl resolved = base.resolved(QUrl(trimmed, QUrl::TolerantMode));
        rawPath = resolved.path(QUrl::FullyEncoded);
    }
    return canonicalPath(rawPath);
}

QString withoutTrailingSlash(QString path)
{
    while (path.size() > 1 && path.endsWith(u'/')) {
        path.chop(1);
    }
    return path;
}

bool sameResource(const QString &a, const QString &b)
{
    return withoutTrailingSlash(a) == withoutTrailingSlash(b);
}

QUrl urlWithPath(const QUrl &base, const QString &canonical)
{
    QUrl url = base;
    url.setPath(canonical, QUrl::TolerantMode);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QUrl withoutUserInfo(QUrl url)
{
    url.setUserInfo(QString());
    return url;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const int defaultA = a.scheme() == u"https"_s ? 443 : 80;
    const int defaultB = b.scheme() == u"https"_s ? 443 : 80;
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(defaultA) == b.port(defaultB);
}

bool isLoopbackHost(const QString &host)
{
    const QString h = host.toLower();
    if (h == u"localhost"_s || h == u"localhost."_s || h.endsWith(u".localhost"_s)) {
        return true;
    }
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

} // namespace Tandem::Dav
