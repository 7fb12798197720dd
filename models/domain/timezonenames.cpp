#include "timezonenames.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString zoneinfoDir()
{
    const QString fromEnvironment = qEnvironmentVariable("TZDIR");
    return fromEnvironment.isEmpty() ? u"/usr/share/zoneinfo"_s : fromEnvironment;
}

// Old name -> the zone it links to, read once from tzdata.zi.
const QHash<QString, QString> &links()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> result;
        QFile file(zoneinfoDir() + u"/tzdata.zi"_s);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            return result;
        }
        while (!file.atEnd()) {
            const QByteArray line = file.readLine();
            if (!line.startsWith("L ")) {
                continue;
            }
            const QList<QByteArray> fields = line.trimmed().split(' ');
            if (fields.size() == 3) {
                result.insert(QString::fromUtf8(fields.at(2)), QString::fromUtf8(fields.at(1)));
            }
        }
        return result;
    }();
    return table;
}

// Zone names of tzdata.zi ("Z NAME ..." lines), read once; empty without the file.
const QSet<QString> &zones()
{
    static const QSet<QString> table = [] {
        QSet<QString> result;
        QFile file(zoneinfoDir() + u"/tzdata.zi"_s);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            return result;
        }
        while (!file.atEnd()) {
            const QByteArray line = file.readLine();
            if (line.startsWith("Z ")) {
                const QList<QByteArray> fields = line.trimmed().split(' ');
                if (fields.size() >= 2) {
                    result.insert(QString::fromUtf8(fields.at(1)));
                }
            }
        }
        return result;
    }();
    return table;
}

bool inDatabase(const QString &zone)
{
    if (!zones().isEmpty()) {
        return zones().contains(zone) || links().contains(zone);
    }
    return QFileInfo(zoneinfoDir() + u'/' + zone).isFile();
}

bool isOffered(const QString &zone)
{
    return QTimeZone::isTimeZoneIdAvailable(zone.toUtf8());
}

} // namespace

QString canonicalTimeZone(const QString &input)
{
    const QString zone = input.trimmed();
    // A name, not a path: "../../etc/passwd" never reaches the file system.
    static const QRegularExpression name(u"^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$"_s);
    if (zone.isEmpty() || !name.match(zone).hasMatch()) {
        return {};
    }
    if (isOffered(zone)) {
        return zone;
    }
    // Only names the tz database has: Qt takes a name it has no file for as a POSIX TZ rule
    // ("Nowhere" is UTC under that abbreviation, "CET-1CEST" a rule with no history) and a folder
    // of the zoneinfo tree ("America") for a zone. With tzdata.zi, its zones and links are the
    // list; without it, a file of the zoneinfo folder that Qt reads as a zone.
    if (!QTimeZone(zone.toUtf8()).isValid() || !inDatabase(zone)) {
        return {};
    }
    QString target = zone;
    for (int hops = 0; hops < 8 && links().contains(target); ++hops) {
        target = links().value(target);
    }
    if (target == zone) {
        // No tzdata.zi: the zoneinfo folder links the old name to the file of the zone.
        const QString dir = QFileInfo(zoneinfoDir()).canonicalFilePath();
        const QString file = QFileInfo(dir + u'/' + zone).canonicalFilePath();
        if (!dir.isEmpty() && file.startsWith(dir + u'/')) {
            target = file.mid(dir.size() + 1);
        }
    }
    // Etc/UTC and its aliases (Zulu, Universal, UCT) are the UTC Tandem offers.
    if (target == u"Etc/UTC" && isOffered(u"UTC"_s)) {
        return u"UTC"_s;
    }
    // A zone the tz database has but zone.tab does not list (Etc/GMT+5): still a zone.
    return QTimeZone(target.toUtf8()).isValid() ? target : zone;
}

} // namespace Tandem
