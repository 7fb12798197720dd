#include "rostercsv.h"

#include "domain/timezonenames.h"
#include "validation.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::RosterCsv", text);
}

struct Record
{
    int line = 0;
    QStringList fields;
};

// RFC 4180: fields separated by commas, optionally quoted; a quote inside a quoted field is
// doubled; quoted fields may hold commas and line breaks. Lines may end in CRLF or LF.
// Reads the bytes one record at a time (the structure is ASCII, so it is found in UTF-8 without
// decoding), so a big file never exists twice in memory: once as bytes, once as the rows.
class RecordReader
{
public:
    explicit RecordReader(QByteArrayView bytes) : m_bytes(bytes) {}

    /// The next record that is not a blank line; false at the end or after a file issue.
    bool next(Record &record, QList<CsvIssue> &issues)
    {
        while (m_pos < m_bytes.size() || !m_done) {
            if (m_pos >= m_bytes.size()) {
                m_done = true;
                return false;
            }
            record = Record{};
            record.line = m_line;
            if (!readRecord(record, issues)) {
                m_done = true;
                m_pos = m_bytes.size();
                return false;
            }
            // A blank line is no record.
            if (!(record.fields.size() == 1 && record.fields.first().trimmed().isEmpty())) {
                return true;
            }
        }
        return false;
    }

private:
    bool decode(QByteArrayView raw, int line, QString &out, QList<CsvIssue> &issues)
    {
        if (!QUtf8StringView(raw).isValidUtf8()) {
            issues.append({line, 0, QString(), tr("The file is not UTF-8 text. Save it as “CSV UTF-8”.")});
            return false;
        }
        out = QString::fromUtf8(raw);
        return true;
    }

    bool readRecord(Record &record, QList<CsvIssue> &issues)
    {
        QByteArray field;
        bool inQuotes = false;
        bool fieldStarted = false;
        bool afterQuote = false;
        int fieldLine = m_line;
        auto endField = [&]() {
            QString text;
            if (!decode(field, fieldLine, text, issues)) {
                return false;
            }
            record.fields.append(text);
            field.clear();
            fieldStarted = false;
            afterQuote = false;
            fieldLine = m_line;
            return true;
        };
        while (m_pos < m_bytes.size()) {
            const char c = m_bytes.at(m_pos++);
            if (inQuotes) {
                if (c == '"') {
                    if (m_pos < m_bytes.size() && m_bytes.at(m_pos) == '"') {
                        field += '"';
                        ++m_pos;
                    } else {
                        inQuotes = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        ++m_line;
                    }
                    field += c;
                }
                continue;
            }
            if (c == ',') {
                if (!endField()) {
                    return false;
                }
            } else if (c == '\r' && m_pos < m_bytes.size() && m_bytes.at(m_pos) == '\n') {
                continue;
            } else if (c == '\n') {
                ++m_line;
                return endField();
            } else if (c == '"' && !fieldStarted) {
                inQuotes = true;
                fieldStarted = true;
            } else {
                if (afterQuote && c != ' ' && c != '\t' && c != '\r') {
                    issues.append({record.line, int(record.fields.size()) + 1, QString(),
                                   tr("Text after a closing quote; quote the whole field and double the quotes "
                                      "inside.")});
                    afterQuote = false;
                }
                if (!afterQuote) {
                    field += c;
                }
                fieldStarted = true;
            }
        }
        if (inQuotes) {
            issues.append({record.line, int(record.fields.size()) + 1, QString(),
                           tr("A quoted field is not closed before the end of the file.")});
        }
        return endField();
    }

    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
    int m_line = 1;
    bool m_done = false;
};

std::optional<bool> parseBool(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"yes" || t == u"y" || t == u"true" || t == u"1") {
        return true;
    }
    if (t == u"no" || t == u"n" || t == u"false" || t == u"0") {
        return false;
    }
    return std::nullopt;
}

QString quoted(const QString &field)
{
    if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n') || field.contains(u'\r') ||
        field != field.trimmed()) {
        QString escaped = field;
        escaped.replace(u"\""_s, u"\"\""_s);
        return u'"' + escaped + u'"';
    }
    return field;
}

} // namespace

QString CsvIssue::toString() const
{
    if (column > 0) {
        return tr("line %1, column %2%3: %4")
            .arg(line)
            .arg(column)
            .arg(columnName.isEmpty() ? QString() : u" ("_s + columnName + u')', message);
    }
    return tr("line %1: %2").arg(line).arg(message);
}

const QStringList &rosterCsvColumns()
{
    static const QStringList columns = {u"name"_s,     u"email"_s, u"role"_s,     u"team"_s,
                                        u"timezone"_s, u"phone"_s, u"capacity"_s, u"production_access"_s};
    return columns;
}

RosterCsvParse parseRosterCsv(const QByteArray &data)
{
    RosterCsvParse result;
    QByteArrayView bytes(data);
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes = bytes.sliced(3);
    }
    if (data.size() > MaxRosterCsvBytes) {
        result.fileIssues.append({1, 0, QString(),
                                  tr("The file is larger than %1 MB; Tandem imports roster files of at most that.")
                                      .arg(MaxRosterCsvBytes / (1024 * 1024))});
        return result;
    }
    RecordReader reader(bytes);
    Record header;
    if (!reader.next(header, result.fileIssues)) {
        if (result.fileIssues.isEmpty()) {
            result.fileIssues.append(
                {1, 0, QString(),
                 tr("The file is empty; expected a header line: %1").arg(rosterCsvColumns().join(u','))});
        }
        return result;
    }

    // Header: columns in any order, names case-insensitive.
    QHash<QString, int> columnIndex;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed().toLower();
        if (!rosterCsvColumns().contains(name)) {
            result.fileIssues.append({header.line, i + 1, name,
                                      tr("Unknown column “%1”; the columns are %2.")
                                          .arg(header.fields.at(i), rosterCsvColumns().join(u", "_s))});
        } else if (columnIndex.contains(name)) {
            result.fileIssues.append({header.line, i + 1, name, tr("Column “%1” appears twice.").arg(name)});
        } else {
            columnIndex.insert(name, i);
        }
    }
    for (const QString &required : {u"name"_s, u"email"_s, u"role"_s}) {
        if (!columnIndex.contains(required)) {
            result.fileIssues.append(
                {header.line, 0, required, tr("The header has no “%1” column (it is required).").arg(required)});
        }
    }
    if (!result.fileIssues.isEmpty()) {
        return result;
    }

    QHash<QString, int> emailLines;
    Record record;
    QList<CsvIssue> structureIssues;
    while (reader.next(record, structureIssues)) {
        if (result.rows.size() >= MaxRosterCsvRows) {
            result.rows.clear();
            result.fileIssues.append(
                {record.line, 0, QString(),
                 tr("More than %1 people; Tandem imports at most %1 from one file.").arg(MaxRosterCsvRows)});
            return result;
        }
        RosterCsvRow row;
        row.line = record.line;
        auto issue = [&](const QString &column, const QString &message) {
            row.issues.append({record.line, columnIndex.value(column, -1) + 1, column, message});
        };
        if (record.fields.size() != header.fields.size()) {
            row.issues.append({record.line, 0, QString(),
                               tr("Expected %1 fields as in the header, found %2.")
                                   .arg(header.fields.size())
                                   .arg(record.fields.size())});
            result.rows.append(row);
            continue;
        }
        auto cell = [&](const QString &column) {
            const int i = columnIndex.value(column, -1);
            return i < 0 ? QString() : record.fields.at(i).trimmed();
        };

        Person &p = row.person;
        p.name = cell(u"name"_s);
        p.email = cell(u"email"_s);
        const QString roleText = cell(u"role"_s);
        if (const auto role = roleFromString(roleText)) {
            p.role = *role;
        } else {
            issue(u"role"_s, roleText.isEmpty()
                                 ? tr("Role is empty; expected developer or operations.")
                                 : tr("“%1” is not a role; expected developer or operations.").arg(roleText));
        }
        for (const QString &team : cell(u"team"_s).split(u';', Qt::SkipEmptyParts)) {
            if (!team.trimmed().isEmpty()) {
                row.teamNames.append(team.trimmed());
            }
        }
        p.timeZone = cell(u"timezone"_s);
        if (const QString zone = canonicalTimeZone(p.timeZone); !zone.isEmpty() && zone != p.timeZone) {
            row.notes.append({record.line, columnIndex.value(u"timezone"_s, -1) + 1, u"timezone"_s,
                              tr("“%1” is an old name of the time zone %2; stored as %2.").arg(p.timeZone, zone)});
            p.timeZone = zone;
        }
        p.phone = cell(u"phone"_s);
        const QString capacity = cell(u"capacity"_s);
        if (!capacity.isEmpty()) {
            bool ok = false;
            p.capacity = capacity.toDouble(&ok);
            if (!ok) {
                issue(u"capacity"_s,
                      tr("“%1” is not a number; write a fraction of full time such as 0.5.").arg(capacity));
                p.capacity = 1.0;
            }
        }
        const QString access = cell(u"production_access"_s);
        if (access.isEmpty()) {
            p.productionAccess = Person::defaultProductionAccess(p.role);
        } else if (const auto flag = parseBool(access)) {
            p.productionAccess = *flag;
            row.hasProductionAccess = true;
        } else {
            issue(u"production_access"_s, tr("“%1” is not yes or no.").arg(access));
        }

        // Field checks shared with the dialogs; the zone may still come from the team.
        for (const Error &error : validatePerson(p)) {
            if (error.field == Field::TimeZone && p.timeZone.isEmpty()) {
                continue;
            }
            if (error.field == Field::Capacity && row.issues.size() > 0 &&
                row.issues.last().columnName == u"capacity") {
                continue;
            }
            issue(error.field, error.message);
        }
        const QString emailKey = p.email.toLower();
        if (!emailKey.isEmpty() && emailLines.contains(emailKey)) {
            issue(u"email"_s, tr("%1 is already on line %2.").arg(p.email).arg(emailLines.value(emailKey)));
        } else if (!emailKey.isEmpty()) {
            emailLines.insert(emailKey, record.line);
        }
        result.rows.append(row);
    }
    // A broken quote or a byte that is not UTF-8 is about the file, wherever it is.
    if (!structureIssues.isEmpty()) {
        result.rows.clear();
        result.fileIssues.append(structureIssues);
    }
    return result;
}

QByteArray writeRosterCsv(const QList<Person> &people, const QList<Team> &teams)
{
    QHash<TeamId, QString> teamNames;
    for (const Team &team : teams) {
        teamNames.insert(team.id, team.name);
    }
    QString out = rosterCsvColumns().join(u',') + u'\n';
    for (const Person &p : people) {
        QStringList names;
        for (const TeamId &team : p.teams) {
            names.append(teamNames.value(team));
        }
        const QStringList fields = {p.name,
                                    p.email,
                                    roleToString(p.role),
                                    names.join(u';'),
                                    p.timeZone,
                                    p.phone,
                                    QString::number(p.capacity, 'g', 3),
                                    p.productionAccess ? u"yes"_s : u"no"_s};
        QStringList cells;
        for (const QString &field : fields) {
            cells.append(quoted(field));
        }
        out += cells.join(u',') + u'\n';
    }
    return out.toUtf8();
}

} // namespace Tandem
