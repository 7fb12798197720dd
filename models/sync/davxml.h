#pragma once

#include "sync/caldavclient.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <optional>
#include <utility>

/// The XML of WebDAV and CalDAV (RFC 4918, 4791, 6578): reading a multistatus answer and
/// writing request bodies. No network here; the CalDAV client sends what this builds.
namespace Tandem::Dav {

inline const QString davNs = QStringLiteral("DAV:");
inline const QString calNs = QStringLiteral("urn:ietf:params:xml:ns:caldav");
inline const QString csNs = QStringLiteral("http://calendarserver.org/ns/");

/// A qualified name in Clark notation: {namespace}name.
QString clark(const QString &ns, const QString &name);
QString clark(const QXmlStreamReader &r);
bool is(const QXmlStreamReader &r, const QString &ns, const QString &name);

/// One property as read from a propstat: its text (all character data below it), the
/// qualified names of every element below it, and the DAV:href values below it.
struct DavProp
{
    QString text;
    QSet<QString> elements;
    QStringList hrefs;

    bool has(const QString &ns, const QString &name) const { return elements.contains(clark(ns, name)); }
};

struct DavResponse
{
    QStringList hrefs;
    int status = 0;                ///< response-level DAV:status, 0 when the response has propstats
    QHash<QString, DavProp> props; ///< only those under a 2xx propstat, by clark name

    const DavProp *prop(const QString &ns, const QString &name) const
    {
        const auto it = props.constFind(clark(ns, name));
        return it == props.cend() ? nullptr : &*it;
    }
    QString text(const QString &ns, const QString &name) const
    {
        const DavProp *p = prop(ns, name);
        return p ? p->text.trimmed() : QString();
    }
};

struct Multistatus
{
    QList<DavResponse> responses;
    QByteArray syncToken;
};

int parseStatusLine(const QString &line);
DavProp readProp(QXmlStreamReader &r);
void readPropstat(QXmlStreamReader &r, DavResponse &response);
DavResponse readResponse(QXmlStreamReader &r);
/// The multistatus in `xml`, or nothing with `*error` saying why it cannot be read.
std::optional<Multistatus> parseMultistatus(const QByteArray &xml, QString *error);
/// Whether an error body (RFC 4918 DAV:error) names the precondition `ns`:`name`.
bool errorBodyNames(const QByteArray &body, const QString &ns, const QString &name);

/// Writes request bodies with the three namespaces CalDAV needs, declared on the root.
class BodyWriter
{
public:
    BodyWriter() : m_writer(&m_bytes)
    {
        m_writer.writeStartDocument();
        m_writer.writeNamespace(davNs, QStringLiteral("d"));
        m_writer.writeNamespace(calNs, QStringLiteral("c"));
        m_writer.writeNamespace(csNs, QStringLiteral("cs"));
    }
    QXmlStreamWriter &operator*() { return m_writer; }
    QXmlStreamWriter *operator->() { return &m_writer; }
    QByteArray finish()
    {
        m_writer.writeEndDocument();
        return m_bytes;
    }

private:
    QByteArray m_bytes;
    QXmlStreamWriter m_writer;
};

using PropName = std::pair<QString, QString>;
QByteArray propfindBody(const QList<PropName> &props);
/// The properties asked of a calendar collection.
extern const QList<PropName> collectionProps;

CollectionInfo collectionFrom(const DavResponse &response, const QUrl &url);
bool isCollection(const DavResponse &response);

} // namespace Tandem::Dav
