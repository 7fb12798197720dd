#pragma once

#include <QString>
#include <QUrl>

/// The spelling of WebDAV hrefs: one canonical form per resource, however a server escapes it,
/// and the comparisons of URLs the CalDAV client makes (same resource, same origin, loopback).
namespace Tandem::Dav {

/// Percent-encodes everything but the unreserved characters, so one resource has one spelling.
QString encodeSegment(const QString &decoded);
/// The canonical form of a path: absolute, each segment decoded and re-encoded with
/// encodeSegment(). Servers differ in what they escape ("@", "+", ":"), so two spellings of
/// one resource end up equal. A trailing slash is kept.
QString canonicalPath(const QString &path);
/// An href as a server or a caller wrote it (absolute URL, absolute path, or relative to
/// `base`) in canonical form.
QString normalizeHref(const QString &href, const QUrl &base);
QString withoutTrailingSlash(QString path);
bool sameResource(const QString &a, const QString &b);
QUrl urlWithPath(const QUrl &base, const QString &canonical);
QUrl withoutUserInfo(QUrl url);
bool sameOrigin(const QUrl &a, const QUrl &b);
bool isLoopbackHost(const QString &host);

} // namespace Tandem::Dav
