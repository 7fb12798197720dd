#include "sync/davxml.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Tandem::Dav {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::CalDavClient", text);
}

} // namespace

const QList<PropName> collectionProps = {
    {davNs, u"resourcetype"_s}, {davNs, u"displayname"_s},          {davNs, u"sync-token"_s},
    {csNs, u"getctag"_s},       {davNs, u"supported-report-set"_s},
};

QString clark(const QString &ns, const QString &name)
{
    return u'{' + ns + u'}' + name;
}

QString clark(const QXmlStreamReader &r)
{
    return clark(r.namespaceUri().toString(), r.name().toString());
}

bool is(const QXmlStreamReader &r, const QString &ns, const QString &name)
{
    return r.namespaceUri() == ns && r.name() == name;
}

int parseStatusLine(const QString &line)
{
    // "HTTP/1.1 404 Not Found"
    const QStringList parts = line.trimmed().split(u' ', Qt::SkipEmptyParts);
    return parts.size() >= 2 ? parts.at(1).toInt() : 0;
}

DavProp readProp(QXmlStreamReader &r)
{
    DavProp prop;
    int depth = 1;
    while (depth > 0 && !r.atEnd()) {
        switch (r.readNext()) {
        case QXmlStreamReader::StartElement:
            prop.elements.insert(clark(r));
            if (is(r, davNs, u"href"_s)) {
                const QString href = r.readElementText(QXmlStreamReader::IncludeChildElements);
                prop.hrefs.append(href.trimmed());
                prop.text += href;
            } else {
                ++depth;
            }
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            break;
        case QXmlStreamReader::Characters:
            prop.text += r.text();
            break;
        default:
            break;
        }
    }
    return prop;
}

void readPropstat(QXmlStreamReader &r, DavResponse &response)
{
    int status = 0;
    QHash<QString, DavProp> props;
    while (r.readNextStartElement()) {
        if (is(r, davNs, u"prop"_s)) {
            while (r.readNextStartElement()) {
                const QString name = clark(r);
                props.insert(name, readProp(r));
            }
        } else if (is(r, davNs, u"status"_s)) {
            status = parseStatusLine(r.readElementText(QXmlStreamReader::IncludeChildElements));
        } else {
            r.skipCurrentElement();
        }
    }
    if (status == 0 || (status >= 200 && status < 300)) {
        response.props.insert(props);
    }
}

DavResponse readResponse(QXmlStreamReader &r)
{
    DavResponse response;
    while (r.readNextStartElement()) {
        if (is(r, davNs, u"href"_s)) {
            response.hrefs.append(r.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
        } else if (is(r, davNs, u"status"_s)) {
            response.status = parseStatusLine(r.readElementText(QXmlStreamReader::IncludeChildElements));
        } else if (is(r, davNs, u"propstat"_s)) {
            readPropstat(r, response);
        } else {
            r.skipCurrentElement();
        }
    }
    return response;
}

std::optional<Multistatus> parseMultistatus(const QByteArray &xml, QString *error)
{
    QXmlStreamReader r(xml);
    if (!r.readNextStartElement() || !is(r, davNs, u"multistatus"_s)) {
        *error = r.hasError() ? r.errorString() : tr("the answer is not a DAV multistatus");
        return std::nullopt;
    }
    Multistatus ms;
    while (r.readNextStartElement()) {
        if (is(r, davNs, u"response"_s)) {
            ms.responses.append(readResponse(r));
        } else if (is(r, davNs, u"sync-token"_s)) {
            ms.syncToken = r.readElementText(QXmlStreamReader::IncludeChildElements).trimmed().toUtf8();
        } else {
            r.skipCurrentElement();
        }
    }
    if (r.hasError()) {
        *error = tr("line %1: %2").arg(r.lineNumber()).arg(r.errorString());
        return std::nullopt;
    }
    return ms;
}

/// Whether an error body (RFC 4918 DAV:error) names the precondition `ns`:`name`.
bool errorBodyNames(const QByteArray &body, const QString &ns, const QString &name)
{
    QXmlStreamReader r(body);
    while (!r.atEnd()) {
        if (r.readNext() == QXmlStreamReader::StartElement && is(r, ns, name)) {
            return true;
        }
    }
    return false;
}

QByteArray propfindBody(const QList<PropName> &props)
{
    BodyWriter w;
    w->writeStartElement(davNs, u"propfind"_s);
    w->writeStartElement(davNs, u"prop"_s);
    for (const auto &[ns, name] : props) {
        w->writeEmptyElement(ns, name);
    }
    w->writeEndElement();
    w->writeEndElement();
    return w.finish();
}

CollectionInfo collectionFrom(const DavResponse &response, const QUrl &url)
{
    CollectionInfo info;
    info.url = url;
    info.displayName = response.text(davNs, u"displayname"_s);
    info.syncToken = response.text(davNs, u"sync-token"_s).toUtf8();
    info.ctag = response.text(csNs, u"getctag"_s).toUtf8();
    if (const DavProp *type = response.prop(davNs, u"resourcetype"_s)) {
        info.isCalendar = type->has(calNs, u"calendar"_s);
    }
    if (const DavProp *reports = response.prop(davNs, u"supported-report-set"_s)) {
        info.supportsSyncCollection = reports->has(davNs, u"sync-collection"_s);
    }
    if (!info.supportsSyncCollection) {
        info.syncToken.clear();
    }
    return info;
}

bool isCollection(const DavResponse &response)
{
    const DavProp *type = response.prop(davNs, u"resourcetype"_s);
    return type && type->has(davNs, u"collection"_s);
}

} // namespace Tandem::Dav
