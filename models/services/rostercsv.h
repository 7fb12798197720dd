#pragma once

#include "domain/person.h"
#include "domain/team.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace Tandem {

/// A problem in a roster CSV file, where it is and why.
struct CsvIssue
{
    int line = 0;   ///< 1-based line where the record starts
    int column = 0; ///< 1-based; 0 when about the whole row
    QString columnName;
    QString message;

    QString toString() const; ///< "line 4, column 2 (email): ..."
};

/// One data row of the file, parsed.
struct RosterCsvRow
{
    int line = 0;
    Person person; ///< no id yet; teams empty (named in teamNames)
    QStringList teamNames;
    bool hasProductionAccess = false; ///< the cell was filled (else the role's default)
    QList<CsvIssue> issues;
    QList<CsvIssue> notes; ///< not problems: what was read differently (an old time-zone name)
};

/// The whole file, parsed: rows and the problems found without the database.
struct RosterCsvParse
{
    QList<RosterCsvRow> rows;
    QList<CsvIssue> fileIssues; ///< not tied to a row: encoding, header
};

/// Bounds on a roster file, checked before the work: its size (read in pieces, never more than
/// this) and its rows.
inline constexpr qint64 MaxRosterCsvBytes = 64 * 1024 * 1024;
inline constexpr int MaxRosterCsvRows = 200000;

/// The columns, in export order: name,email,role,team,timezone,phone,capacity,production_access.
const QStringList &rosterCsvColumns();

/// Parses a roster CSV file (RFC 4180 quoting, UTF-8 with or without BOM, LF or CRLF).
/// Columns may come in any order; name, email and role are required; several teams go in one
/// cell separated by ';'.
RosterCsvParse parseRosterCsv(const QByteArray &data);

/// Writes people in the import format; `teamNames` maps team ids to names.
QByteArray writeRosterCsv(const QList<Person> &people, const QList<Team> &teams);

/// What an import would do.
struct RosterImportPlan
{
    QList<Person> toAdd;
    QList<Person> toUpdate; ///< matched by e-mail, already carrying the stored id
    QList<Person> before;   ///< the stored versions of toUpdate, same order
    QList<Team> teamsToCreate;
    int unchanged = 0;
    QList<CsvIssue> issues;
    QList<CsvIssue> notes;   ///< of the rows imported: what was stored differently (Asia/Calcutta)
    QList<int> skippedLines; ///< rows left out because of an issue

    bool isValid() const { return issues.isEmpty(); }
};

struct RosterImportSummary
{
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int skipped = 0;
    int teamsCreated = 0;
};

} // namespace Tandem
